// Types of AuthClient, its responses, and the scope and expiry helpers (official @gomomento/sdk-web names).
import { SuccessEnum } from './enums.js';
import type { Configuration, CredentialProvider, Empty, ErrorResponse } from '../index.js';


// ---------------------------------------------------------------- scopes

/** Every cache (a cache selector). */
export declare const AllCaches: unique symbol;
/** Every topic (a topic selector). */
export declare const AllTopics: unique symbol;
/** Every item of the selected caches (a disposable token item selector). */
export declare const AllCacheItems: unique symbol;
/** Every function (a function selector). */
export declare const AllFunctions: unique symbol;

/** Roles of cache permissions. */
export declare const CacheRole: Readonly<{ ReadWrite: 'readwrite'; ReadOnly: 'readonly'; WriteOnly: 'writeonly' }>;
export type CacheRole = (typeof CacheRole)[keyof typeof CacheRole];
/** Roles of topic permissions. */
export declare const TopicRole: Readonly<{
  PublishSubscribe: 'publishsubscribe'; SubscribeOnly: 'subscribeonly'; PublishOnly: 'publishonly';
}>;
export type TopicRole = (typeof TopicRole)[keyof typeof TopicRole];
/** Roles of function permissions. */
export declare const FunctionRole: Readonly<{ FunctionPermitNone: 'functionpermitnone'; FunctionInvoke: 'functioninvoke' }>;
export type FunctionRole = (typeof FunctionRole)[keyof typeof FunctionRole];

/** A cache by name. */
export interface CacheName { name: string; }
/** A topic by name. */
export interface TopicName { name: string; }
/** A function by name. */
export interface FunctionName { name: string; }
/** Functions by name prefix. */
export interface FunctionNamePrefix { namePrefix: string; }
/** Which caches a permission covers. */
export type CacheSelector = typeof AllCaches | CacheName | string;
/** Which topics a topic permission covers. */
export type TopicSelector = typeof AllTopics | TopicName | string;
/** Which functions a function permission covers. */
export type FunctionSelector = typeof AllFunctions | FunctionName | FunctionNamePrefix | string;
/** One key. */
export interface CacheItemKey { key: string; }
/** Keys with a prefix. */
export interface CacheItemKeyPrefix { keyPrefix: string; }
/** Which items a disposable token's cache permission covers (a bare string is one key). */
export type CacheItemSelector = typeof AllCacheItems | CacheItemKey | CacheItemKeyPrefix | string;

/** Access to caches. */
export interface CachePermission { role: CacheRole; cache: CacheSelector; }
/** Access to topics. */
export interface TopicPermission { role: TopicRole; cache: CacheSelector; topic: TopicSelector; }
/** Access to functions. */
export interface FunctionPermission { role: FunctionRole; cache: CacheSelector; func: FunctionSelector; }
/** Access to some items of caches (disposable tokens). */
export interface DisposableTokenCachePermission extends CachePermission { item: CacheItemSelector; }
export type Permission = CachePermission | TopicPermission | FunctionPermission;
/** An explicit list of permissions. */
export interface Permissions { permissions: Permission[]; }
/** Permissions of a disposable token. */
export interface DisposableTokenPermissions { permissions: Array<DisposableTokenCachePermission | FunctionPermission>; }
/** The scope of an API key. */
export type PermissionScope = Permissions;
/** @deprecated use PermissionScope. */
export type TokenScope = PermissionScope;
/** The scope of a disposable token. */
export type DisposableTokenScope = Permissions | DisposableTokenPermissions;

/** Read and write every cache and topic, and invoke every function. */
export declare const AllDataReadWrite: Readonly<Permissions>;

export interface PermissionScopeBuilders {
  functionInvoke(cacheSelector: CacheSelector, functionSelector: FunctionSelector): PermissionScope;
  functionPermitNone(cacheSelector: CacheSelector, functionSelector: FunctionSelector): PermissionScope;
  cacheReadWrite(cacheSelector: CacheSelector): PermissionScope;
  cacheReadOnly(cacheSelector: CacheSelector): PermissionScope;
  cacheWriteOnly(cacheSelector: CacheSelector): PermissionScope;
  topicSubscribeOnly(cacheSelector: CacheSelector, topicSelector: TopicSelector): PermissionScope;
  topicPublishSubscribe(cacheSelector: CacheSelector, topicSelector: TopicSelector): PermissionScope;
  topicPublishOnly(cacheSelector: CacheSelector, topicSelector: TopicSelector): PermissionScope;
}
/** Scope builders for API keys and disposable tokens. */
export declare const PermissionScopes: Readonly<PermissionScopeBuilders>;
/** @deprecated use PermissionScopes. */
export declare const TokenScopes: Readonly<PermissionScopeBuilders>;
/** Scope builders for disposable tokens: the PermissionScopes plus per-key and per-key-prefix cache access. */
export declare const DisposableTokenScopes: Readonly<PermissionScopeBuilders & {
  cacheKeyReadWrite(cacheSelector: CacheSelector, key: string): DisposableTokenScope;
  cacheKeyPrefixReadWrite(cacheSelector: CacheSelector, keyPrefix: string): DisposableTokenScope;
  cacheKeyReadOnly(cacheSelector: CacheSelector, key: string): DisposableTokenScope;
  cacheKeyPrefixReadOnly(cacheSelector: CacheSelector, keyPrefix: string): DisposableTokenScope;
  cacheKeyWriteOnly(cacheSelector: CacheSelector, key: string): DisposableTokenScope;
  cacheKeyPrefixWriteOnly(cacheSelector: CacheSelector, keyPrefix: string): DisposableTokenScope;
}>;

// ---------------------------------------------------------------- expiry

/** How long a token or key is valid. */
export declare class ExpiresIn {
  /** `Infinity`, `null` or `undefined`: never expires. */
  constructor(validForSeconds?: number | null);
  doesExpire(): boolean;
  /** Seconds of validity (`Infinity` if it never expires). */
  seconds(): number;
  static never(): ExpiresIn;
  static seconds(validForSeconds: number): ExpiresIn;
  static minutes(validForMinutes: number): ExpiresIn;
  static hours(validForHours: number): ExpiresIn;
  static days(validForDays: number): ExpiresIn;
  /** Valid until `expiresBy` (epoch seconds). */
  static epoch(expiresBy: number): ExpiresIn;
}
/** When a token or key expires. */
export declare class ExpiresAt {
  doesExpire(): boolean;
  /** Epoch seconds (`Infinity` if it never expires). */
  epoch(): number;
  static fromEpoch(epoch: number | undefined): ExpiresAt;
}

// ---------------------------------------------------------------- responses

export declare namespace GenerateDisposableToken {
  class Success extends Empty<'Success'> {
    /** The token as a v1 key (for `CredentialProvider.fromString` / `fromDisposableToken`). */
    readonly authToken: string;
    readonly endpoint: string;
    readonly expiresAt: ExpiresAt;
  }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
declare namespace ApiKeyResponses {
  class Success extends Empty<'Success'> {
    /** The key as a v1 key (for `CredentialProvider.fromString`). */
    readonly apiKey: string;
    /** @deprecated use apiKey. */
    readonly authToken: string;
    readonly refreshToken: string;
    readonly endpoint: string;
    readonly expiresAt: ExpiresAt;
  }
  class Error extends ErrorResponse {}
}
export declare namespace GenerateApiKey {
  export import Success = ApiKeyResponses.Success; export import Error = ApiKeyResponses.Error;
  type Response = Success | Error;
}
export declare namespace RefreshApiKey {
  export import Success = ApiKeyResponses.Success; export import Error = ApiKeyResponses.Error;
  type Response = Success | Error;
}
export {
  /** @deprecated use GenerateApiKey. */
  GenerateApiKey as GenerateAuthToken,
  /** @deprecated use RefreshApiKey. */
  RefreshApiKey as RefreshAuthToken,
};
export {
  SuccessEnum as GenerateDisposableTokenResponse, SuccessEnum as GenerateApiKeyResponse,
  SuccessEnum as RefreshApiKeyResponse
};

// ---------------------------------------------------------------- client

/** Properties of an `AuthClient`. */
export interface AuthClientProps {
  /** Default: MOMENTO_API_KEY (+ MOMENTO_ENDPOINT for v2 keys). */
  credentialProvider?: CredentialProvider;
  /** Reject with SdkError instead of resolving to Error responses. */
  throwOnErrors?: boolean;
  /** Deadline, retries, transport mode (default `Configurations.Browser.latest()`); momento-wasm extension. */
  configuration?: Configuration;
}
/** Options of `generateDisposableToken`. */
export interface DisposableTokenProps {
  /** At most 64 characters; the publisher id of topic messages sent with the token. */
  tokenId?: string;
}

/** Mints disposable tokens and API keys. */
export declare class AuthClient {
  constructor(props?: AuthClientProps);
  close(): void;
  generateDisposableToken(scope: DisposableTokenScope, expiresIn: ExpiresIn, disposableTokenProps?: DisposableTokenProps): Promise<GenerateDisposableToken.Response>;
  generateApiKey(scope: PermissionScope | InternalSuperUserPermissions, expiresIn: ExpiresIn): Promise<GenerateApiKey.Response>;
  /** @deprecated use generateApiKey. */
  generateAuthToken(scope: PermissionScope, expiresIn: ExpiresIn): Promise<GenerateApiKey.Response>;
  refreshApiKey(refreshToken: string): Promise<RefreshApiKey.Response>;
  /** @deprecated use refreshApiKey. */
  refreshAuthToken(refreshToken: string): Promise<RefreshApiKey.Response>;
}

/** Every permission, the control plane included (for `generateApiKey` only; the official SDK keeps it internal). */
export declare class InternalSuperUserPermissions { readonly superUser: true; }
export {};
