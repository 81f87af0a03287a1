// Response-type enums of Momento services this SDK does not implement (Storage, Functions), under their official
// names, so that code which names them type-checks.
import { AlreadyExistsEnum, SuccessEnum } from './enums.js';
import type { Enum } from './common.js';

export import CreateStoreResponse = AlreadyExistsEnum;
export import ListStoresResponse = SuccessEnum;
export import DeleteStoreResponse = SuccessEnum;
export declare const StorageGetResponse: Enum<'Found' | 'NotFound' | 'Error'>;
export type StorageGetResponse = 'Found' | 'NotFound' | 'Error';
export declare namespace StorageGetResponse { type Found = 'Found'; type NotFound = 'NotFound'; type Error = 'Error'; }
export import StoragePutResponse = SuccessEnum;
export import StorageDeleteResponse = SuccessEnum;
export import PutFunctionResponse = SuccessEnum;
export import DeleteFunctionResponse = SuccessEnum;
export import ListFunctionsResponse = SuccessEnum;
export import ListFunctionVersionsResponse = SuccessEnum;
export {};
