// Response-type enums of Momento services this SDK does not implement (Storage, Functions), under their official
// names, so that code which names them type-checks.
import type { Enum } from './common.js';

export declare const CreateStoreResponse: Enum<'Success' | 'AlreadyExists' | 'Error'>;
export type CreateStoreResponse = 'Success' | 'AlreadyExists' | 'Error';
export declare namespace CreateStoreResponse { type Success = 'Success'; type AlreadyExists = 'AlreadyExists'; type Error = 'Error'; }
export declare const ListStoresResponse: Enum<'Success' | 'Error'>;
export type ListStoresResponse = 'Success' | 'Error';
export declare namespace ListStoresResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const DeleteStoreResponse: Enum<'Success' | 'Error'>;
export type DeleteStoreResponse = 'Success' | 'Error';
export declare namespace DeleteStoreResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const StorageGetResponse: Enum<'Found' | 'NotFound' | 'Error'>;
export type StorageGetResponse = 'Found' | 'NotFound' | 'Error';
export declare namespace StorageGetResponse { type Found = 'Found'; type NotFound = 'NotFound'; type Error = 'Error'; }
export declare const StoragePutResponse: Enum<'Success' | 'Error'>;
export type StoragePutResponse = 'Success' | 'Error';
export declare namespace StoragePutResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const StorageDeleteResponse: Enum<'Success' | 'Error'>;
export type StorageDeleteResponse = 'Success' | 'Error';
export declare namespace StorageDeleteResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const PutFunctionResponse: Enum<'Success' | 'Error'>;
export type PutFunctionResponse = 'Success' | 'Error';
export declare namespace PutFunctionResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const DeleteFunctionResponse: Enum<'Success' | 'Error'>;
export type DeleteFunctionResponse = 'Success' | 'Error';
export declare namespace DeleteFunctionResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const ListFunctionsResponse: Enum<'Success' | 'Error'>;
export type ListFunctionsResponse = 'Success' | 'Error';
export declare namespace ListFunctionsResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const ListFunctionVersionsResponse: Enum<'Success' | 'Error'>;
export type ListFunctionVersionsResponse = 'Success' | 'Error';
export declare namespace ListFunctionVersionsResponse { type Success = 'Success'; type Error = 'Error'; }
export {};
