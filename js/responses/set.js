// Response namespaces of the set methods (official @gomomento/sdk-web names and accessors).
export {};
