// Response-type enums of Momento services this SDK does not implement (Storage, Functions), under their official
// names, so that code which names them type-checks.
import { AlreadyExistsEnum, SuccessEnum } from './enums.js';
import type { Enum } from './common.js';

export {
  AlreadyExistsEnum as CreateStoreResponse, SuccessEnum as ListStoresResponse, SuccessEnum as DeleteStoreResponse
};
export declare const StorageGetResponse: Enum<'Found' | 'NotFound' | 'Error'>;
export type StorageGetResponse = 'Found' | 'NotFound' | 'Error';
export declare namespace StorageGetResponse { type Found = 'Found'; type NotFound = 'NotFound'; type Error = 'Error'; }
export {
  SuccessEnum as StoragePutResponse, SuccessEnum as StorageDeleteResponse, SuccessEnum as PutFunctionResponse,
  SuccessEnum as DeleteFunctionResponse, SuccessEnum as ListFunctionsResponse,
  SuccessEnum as ListFunctionVersionsResponse
};
export {};
