// Response namespaces of the topic webhook methods (TopicClient.putWebhook, listWebhooks, deleteWebhook,
// getWebhookSecret, rotateWebhookSecret) and the webhook destination types, with the official names and accessors.
import { SUCCESS, enumOf, namespace } from './base.js';

/** Kinds of webhook destination (official `WebhookDestinationType`). */
export const WebhookDestinationType = Object.freeze({ PostUrl: 'post_url' });

/** A webhook destination: messages published to the topic are POSTed to `url`. */
export class PostUrlWebhookDestination {
  /** @param {string} url where the service POSTs each message */
  constructor(url) { this._url = url; }
  /** The URL. */
  url() { return this._url; }
  /** `WebhookDestinationType.PostUrl`. */
  getType() { return WebhookDestinationType.PostUrl; }
}

/** `{secret, cacheName, webhookName}` accessors of the secret responses. */
const SECRET = {
  /** The signing secret. */
  secret() { return this._raw.secret; },
  /** The webhook's name. */
  webhookName() { return this._raw.webhookName; },
  /** The webhook's cache. */
  cacheName() { return this._raw.cacheName; },
  toString() { return `${this.type}: ${this._raw.webhookName}`; },
};

/** `putWebhook` responses: the webhook's signing secret. */
export const PutWebhook = /* @__PURE__ */ namespace({
  Success: { /** The webhook's signing secret. */ secretString() { return this._raw.secretString; } },
  Error: {},
}, 'PutWebhook');
/** `deleteWebhook` responses. */
export const DeleteWebhook = /* @__PURE__ */ namespace({ Success: SUCCESS, Error: {} }, 'DeleteWebhook');
/** `listWebhooks` responses: `getWebhooks()` → `{id: {cacheName, webhookName}, topicName, destination}[]`. */
export const ListWebhooks = /* @__PURE__ */ namespace({
  Success: {
    /** The cache's webhooks. */
    getWebhooks() {
      return this._raw.webhooks.map((w) => ({
        id: { cacheName: w.cacheName, webhookName: w.webhookName },
        topicName: w.topicName,
        destination: new PostUrlWebhookDestination(w.url),
      }));
    },
    toString() { return `${this.type}: ${this._raw.webhooks.map((w) => w.webhookName).join(', ')}`; },
  },
  Error: {},
}, 'ListWebhooks');
/** `getWebhookSecret` responses. */
export const GetWebhookSecret = /* @__PURE__ */ namespace({ Success: SECRET, Error: {} }, 'GetWebhookSecret');
/** `rotateWebhookSecret` responses: the new secret. */
export const RotateWebhookSecret = /* @__PURE__ */ namespace({ Success: SECRET, Error: {} }, 'RotateWebhookSecret');

export const PutWebhookResponse = /* @__PURE__ */ enumOf(PutWebhook);
export const DeleteWebhookResponse = /* @__PURE__ */ enumOf(DeleteWebhook);
export const ListWebhooksResponse = /* @__PURE__ */ enumOf(ListWebhooks);
export const GetWebhookSecretResponse = /* @__PURE__ */ enumOf(GetWebhookSecret);
export const RotateWebhookSecretResponse = /* @__PURE__ */ enumOf(RotateWebhookSecret);
