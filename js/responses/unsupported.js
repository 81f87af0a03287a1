// Response-type enums of Momento services this SDK does not implement (Storage, Functions), exported under their
// official names so that code written against @gomomento/sdk-web that names them still loads.
const variants = (...names) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const CreateStoreResponse = variants('Success', 'AlreadyExists', 'Error');
export const ListStoresResponse = variants('Success', 'Error');
export const DeleteStoreResponse = variants('Success', 'Error');
export const StorageGetResponse = variants('Found', 'NotFound', 'Error');
export const StoragePutResponse = variants('Success', 'Error');
export const StorageDeleteResponse = variants('Success', 'Error');
export const PutFunctionResponse = variants('Success', 'Error');
export const DeleteFunctionResponse = variants('Success', 'Error');
export const ListFunctionsResponse = variants('Success', 'Error');
export const ListFunctionVersionsResponse = variants('Success', 'Error');
