// The shapes of the response enums (`CacheGetResponse`, `CacheSetResponse`, …), each declared once: a value
// (`CacheGetResponse.Hit === 'Hit'`), a type (`let t: CacheGetResponse = resp.type`) and a namespace of its members'
// types (`CacheGetResponse.Hit`), as the official TypeScript enums are. The method families' .d.ts files name their
// enums as aliases of these (`export { HitMissEnum as CacheGetResponse };`); this file is not re-exported by the
// package's entries: these names are not the SDK's. So is `SuccessResponses`, the response namespace shared by the
// calls that succeed with nothing to return (`export import CacheSet = SuccessResponses;`).
import type { Empty, Enum, ErrorResponse } from './common.js';

/** The responses of a call that returns nothing but success or an error. */
export declare namespace SuccessResponses {
  class Success extends Empty<'Success'> {}
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}

/** Success, Error. */
export declare const SuccessEnum: Enum<'Success' | 'Error'>;
export type SuccessEnum = 'Success' | 'Error';
export declare namespace SuccessEnum { type Success = 'Success'; type Error = 'Error'; }

/** Hit, Miss, Error. */
export declare const HitMissEnum: Enum<'Hit' | 'Miss' | 'Error'>;
export type HitMissEnum = 'Hit' | 'Miss' | 'Error';
export declare namespace HitMissEnum { type Hit = 'Hit'; type Miss = 'Miss'; type Error = 'Error'; }

/** Stored, NotStored, Error. */
export declare const StoredEnum: Enum<'Stored' | 'NotStored' | 'Error'>;
export type StoredEnum = 'Stored' | 'NotStored' | 'Error';
export declare namespace StoredEnum { type Stored = 'Stored'; type NotStored = 'NotStored'; type Error = 'Error'; }

/** Success, AlreadyExists, Error. */
export declare const AlreadyExistsEnum: Enum<'Success' | 'AlreadyExists' | 'Error'>;
export type AlreadyExistsEnum = 'Success' | 'AlreadyExists' | 'Error';
export declare namespace AlreadyExistsEnum { type Success = 'Success'; type AlreadyExists = 'AlreadyExists'; type Error = 'Error'; }

/** Set, NotSet, Miss, Error. */
export declare const TtlUpdateEnum: Enum<'Set' | 'NotSet' | 'Miss' | 'Error'>;
export type TtlUpdateEnum = 'Set' | 'NotSet' | 'Miss' | 'Error';
export declare namespace TtlUpdateEnum { type Set = 'Set'; type NotSet = 'NotSet'; type Miss = 'Miss'; type Error = 'Error'; }
