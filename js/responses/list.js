// Response namespaces of the list methods (official @gomomento/sdk-web names and accessors).
export {};
