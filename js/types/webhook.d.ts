// Types of the topic webhook responses and destinations (TopicClient.putWebhook and friends).
import { SuccessEnum, SuccessResponses } from './enums.js';
import { Empty, ErrorResponse, ResponseBase, SuccessBase } from './common.js';

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
  class Success extends SuccessBase { secretString(): string; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export import DeleteWebhook = SuccessResponses;
export declare namespace ListWebhooks {
  class Success extends SuccessBase { getWebhooks(): Webhook[]; }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
declare class SecretSuccess extends SuccessBase {
  secret(): string;
  webhookName(): string;
  cacheName(): string;
}
export declare namespace GetWebhookSecret { class Success extends SecretSuccess {} class Error extends ErrorResponse {} type Response = Success | Error; }
export declare namespace RotateWebhookSecret { class Success extends SecretSuccess {} class Error extends ErrorResponse {} type Response = Success | Error; }
export {
  SuccessEnum as PutWebhookResponse, SuccessEnum as DeleteWebhookResponse, SuccessEnum as ListWebhooksResponse,
  SuccessEnum as GetWebhookSecretResponse, SuccessEnum as RotateWebhookSecretResponse
};
export {};
