// Types of TopicClient, subscriptions and RefreshingCredentialProvider.
import type { Configuration, CredentialProvider } from './config.js';
import { ErrorResponse } from './common.js';

/** A message received on a topic. */
export declare class TopicItem {
  readonly type: 'Item';
  /** A string if published as text, else bytes. */
  value(): string | Uint8Array;
  valueString(): string;
  valueUint8Array(): Uint8Array;
  /** The publisher's disposable-token id, if any. */
  tokenId(): string | undefined;
  sequenceNumber(): number;
  sequencePage(): number;
}
/** Messages between `lastSequenceNumber()` and `newSequenceNumber() + 1` could not be delivered. */
export declare class TopicDiscontinuity {
  readonly type: 'Discontinuity';
  lastSequenceNumber(): number;
  newSequenceNumber(): number;
  newSequencePage(): number;
}
/** The server is alive and the stream is open. */
export declare class TopicHeartbeat { readonly type: 'Heartbeat'; }

export declare namespace TopicPublish {
  class Success { readonly type: 'Success'; value(): undefined; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare const TopicPublishResponse: Readonly<{ Success: 'Success'; Error: 'Error' }>;

/** Callbacks and resume/reconnect options of `subscribe`. */
export interface SubscribeCallOptions {
  onItem?: (item: TopicItem) => void;
  onError?: (error: TopicSubscribe.Error, subscription: TopicSubscribe.Subscription) => void;
  onDiscontinuity?: (discontinuity: TopicDiscontinuity) => void;
  onHeartbeat?: (heartbeat: TopicHeartbeat) => void;
  /** The stream dropped; the subscription is reconnecting and will resume where it left off. */
  onConnectionLost?: () => void;
  onSubscriptionEnd?: () => void;
  /** Resume at this sequence number (e.g. a previous subscription's `lastSequenceNumber + 1`). */
  resumeAtTopicSequenceNumber?: number;
  /** The sequence page `resumeAtTopicSequenceNumber` belongs to. */
  sequencePage?: number;
  firstMessageTimeoutMillis?: number;
  reconnectInitialDelayMillis?: number;
  reconnectMaxDelayMillis?: number;
}

export declare namespace TopicSubscribe {
  /** A live subscription; iterate it with `for await` to receive items. */
  class Subscription implements AsyncIterable<TopicItem> {
    readonly type: 'Subscription';
    readonly isSubscribed: boolean;
    readonly lastSequenceNumber: number;
    readonly lastSequencePage: number;
    /** The terminal error, if the subscription ended with one. */
    readonly error?: Error;
    unsubscribe(): void;
    [Symbol.asyncIterator](): AsyncIterator<TopicItem>;
  }
  class Error extends ErrorResponse {}
  type Response = Subscription | Error;
}
export declare const TopicSubscribeResponse: Readonly<{ Subscription: 'Subscription'; Error: 'Error' }>;

interface Preset { v1(): Configuration; latest(): Configuration; }
export declare const TopicConfigurations: Readonly<{ Default: Preset; Laptop: Preset; Browser: Preset }>;

/** Publishes to and subscribes to topics. */
export declare class TopicClient {
  constructor(props: { configuration?: Configuration; credentialProvider: CredentialProvider | RefreshingCredentialProvider });
  readonly configuration: Configuration;
  close(): void;
  publish(cacheName: string, topicName: string, value: string | Uint8Array, options?: { abortSignal?: AbortSignal }): Promise<TopicPublish.Response>;
  subscribe(cacheName: string, topicName: string, options?: SubscribeCallOptions): Promise<TopicSubscribe.Response>;
}

/** Credentials fed by an async token function, refreshed before they expire. */
export declare class RefreshingCredentialProvider {
  static create(options: {
    fetchToken: () => Promise<string | { authToken: string }>;
    refreshBeforeExpirySeconds?: number;
    endpointOverrides?: object;
  }): Promise<RefreshingCredentialProvider>;
  readonly current: CredentialProvider;
  readonly refreshCount: number;
  refresh(): Promise<CredentialProvider>;
  ensureFresh(): Promise<CredentialProvider>;
  onRefresh(listener: (provider: CredentialProvider) => void): () => void;
  close(): void;
}
export {};
