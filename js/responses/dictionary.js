// Response namespaces of the dictionary methods (official @gomomento/sdk-web names and accessors).
export {};
