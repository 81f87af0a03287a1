// Types of the topic webhook responses and destinations (TopicClient.putWebhook and friends).
import { Enum, Empty, ErrorResponse, ResponseBase } from './common.js';

/** Kinds of webhook destination. */
export declare const WebhookDestinationType: Readonly<{ PostUrl: 'post_url' }>;
export type WebhookDestinationType = 'post_url';
export declare namespace WebhookDestinationType { type PostUrl = 'post_url'; }
/** Messages published to the webhook's topic are POSTed to `url()`. */
export declare class PostUrlWebhookDestination {
  constructor(url: string);
  url(): string;
  getType(): WebhookDestinationType.PostUrl;
}
export type WebhookDestination = PostUrlWebhookDestination;
/** A webhook, as `ListWebhooks.Success.getWebhooks()` returns it. */
export interface Webhook {
  id: { cacheName: string; webhookName: string };
  topicName: string;
  destination: WebhookDestination;
}

export declare namespace PutWebhook {
  class Success extends ResponseBase { readonly type: 'Success'; secretString(): string; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare namespace DeleteWebhook { class Success extends Empty<'Success'> {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace ListWebhooks {
  class Success extends ResponseBase { readonly type: 'Success'; getWebhooks(): Webhook[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
declare class SecretSuccess extends ResponseBase {
  readonly type: 'Success';
  secret(): string;
  webhookName(): string;
  cacheName(): string;
}
export declare namespace GetWebhookSecret { class Success extends SecretSuccess {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace RotateWebhookSecret { class Success extends SecretSuccess {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare const PutWebhookResponse: Enum<'Success' | 'Error'>;
export type PutWebhookResponse = 'Success' | 'Error';
export declare namespace PutWebhookResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const DeleteWebhookResponse: Enum<'Success' | 'Error'>;
export type DeleteWebhookResponse = 'Success' | 'Error';
export declare namespace DeleteWebhookResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const ListWebhooksResponse: Enum<'Success' | 'Error'>;
export type ListWebhooksResponse = 'Success' | 'Error';
export declare namespace ListWebhooksResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const GetWebhookSecretResponse: Enum<'Success' | 'Error'>;
export type GetWebhookSecretResponse = 'Success' | 'Error';
export declare namespace GetWebhookSecretResponse { type Success = 'Success'; type Error = 'Error'; }
export declare const RotateWebhookSecretResponse: Enum<'Success' | 'Error'>;
export type RotateWebhookSecretResponse = 'Success' | 'Error';
export declare namespace RotateWebhookSecretResponse { type Success = 'Success'; type Error = 'Error'; }
export {};
