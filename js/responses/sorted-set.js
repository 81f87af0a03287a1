// Response namespaces of the sorted set methods (official @gomomento/sdk-web names and accessors).
export {};
