// Types of TopicClient, subscriptions and RefreshingCredentialProvider.
import type { Configuration, CredentialProvider, Preset, TopicClientConfiguration } from './config.js';
import { Empty, ErrorResponse } from './common.js';
import type {
  DeleteWebhook, GetWebhookSecret, ListWebhooks, PutWebhook, RotateWebhookSecret, WebhookDestination,
} from './webhook.js';

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
  /** `TopicItem: <value, 32 characters at most…>[; Token Id: <publisher>]`, as the official SDK prints it. */
  toString(): string;
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
  class Success extends Empty<'Success'> {}
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare const TopicPublishResponse: Readonly<{ Success: 'Success'; Error: 'Error' }>;
export type TopicPublishResponse = 'Success' | 'Error';
export declare namespace TopicPublishResponse { type Success = 'Success'; type Error = 'Error'; }

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
export type TopicSubscribeResponse = 'Subscription' | 'Error';
export declare namespace TopicSubscribeResponse { type Subscription = 'Subscription'; type Error = 'Error'; }

export declare const TopicConfigurations: Readonly<{
  Default: Preset<TopicClientConfiguration>; Laptop: Preset<TopicClientConfiguration>; Browser: Preset<TopicClientConfiguration>;
}>;

/** Options of `putWebhook` (official `PutWebhookCallOptions`). */
export interface PutWebhookCallOptions {
  /** Where the service POSTs each message: a `PostUrlWebhookDestination` or a URL. */
  destination: WebhookDestination | string;
  /** The topic whose messages the webhook receives. */
  topicName: string;
}

/** Publishes to and subscribes to topics, and manages topic webhooks. */
export declare class TopicClient {
  /** Throws InvalidArgumentError for bad props; credentialProvider defaults to MOMENTO_API_KEY (+ MOMENTO_ENDPOINT). */
  constructor(props?: { configuration?: Configuration; credentialProvider?: CredentialProvider | RefreshingCredentialProvider });
  readonly configuration: Configuration;
  /** Ends every subscription and releases the client; later calls answer an Error saying it is closed. */
  close(): void;
  listWebhooks(cacheName: string): Promise<ListWebhooks.Response>;
  putWebhook(cacheName: string, webhookName: string, options: PutWebhookCallOptions): Promise<PutWebhook.Response>;
  deleteWebhook(cacheName: string, webhookName: string): Promise<DeleteWebhook.Response>;
  getWebhookSecret(cacheName: string, webhookName: string): Promise<GetWebhookSecret.Response>;
  rotateWebhookSecret(cacheName: string, webhookName: string): Promise<RotateWebhookSecret.Response>;
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
