// TopicClient: publish, and resumable subscriptions with the official callbacks (onItem, onError,
// onDiscontinuity, onHeartbeat, onConnectionLost, onSubscriptionEnd) plus a `for await` iterator of items.
import { drive, instanceGeneration, recover, release } from './drive.js';
import { TopicClientCore } from './momento_wasm.js';
import { FetchStreamTransport } from './fetch-stream.js';
import { TopicClientConfiguration, presetClass } from './config.js';
import { PRESETS } from './presets.js';
import { sdkErrorFrom, unknownErrorFrom } from './error-results.js';
import { ClientBase, runtimeVersion } from './pipeline.js';
import { bytesOf, enumOf, namespace, stringOf, truncate } from './responses/base.js';
import { DeleteWebhook, GetWebhookSecret, ListWebhooks, PutWebhook, RotateWebhookSecret } from './responses/webhook.js';

/** A message received on a topic. */
export class TopicItem {
  constructor(raw) { this._raw = raw; this.type = 'Item'; }
  /** The value: a string if it was published as text, else a Uint8Array. */
  value() { return this._raw.value; }
  /** The value as a string (bytes are UTF-8 decoded). */
  valueString() { return stringOf(this._raw.value); }
  /** The value as bytes (text is UTF-8 encoded). */
  valueUint8Array() { return bytesOf(this._raw.value); }
  /** The publisher's disposable-token id (empty when none). */
  tokenId() { return this._raw.tokenId || undefined; }
  /** The topic sequence number of this message. */
  sequenceNumber() { return this._raw.sequenceNumber; }
  /** The sequence page this message belongs to. */
  sequencePage() { return this._raw.sequencePage; }
  /** `TopicItem: <value, 32 characters at most…>[; Token Id: <publisher>]`, as the official SDK prints it. */
  toString() {
    const id = this.tokenId();
    return `TopicItem: ${truncate(String(this.value()))}${id === undefined ? '' : `; Token Id: ${id}`}`;
  }
}

/** Messages between `lastSequenceNumber()` and `newSequenceNumber() + 1` could not be delivered. */
export class TopicDiscontinuity {
  constructor(raw) { this._raw = raw; this.type = 'Discontinuity'; }
  lastSequenceNumber() { return this._raw.lastSequenceNumber; }
  newSequenceNumber() { return this._raw.newSequenceNumber; }
  newSequencePage() { return this._raw.newSequencePage; }
}

/** The server is alive and the stream is open. */
export class TopicHeartbeat { constructor() { this.type = 'Heartbeat'; } }

/** `publish` responses. */
export const TopicPublish = namespace({ Success: {}, Error: {} }, 'TopicPublish');
export const TopicPublishResponse = enumOf(TopicPublish);

/** A live subscription (`TopicSubscribe.Subscription`). */
class Subscription {
  constructor(client, core, generation, options, first) {
    this.type = 'Subscription';
    this._client = client;
    this._core = core;
    this._generation = generation;
    this._options = options ?? {};
    this._subscribed = true;
    this._waiters = [];
    this._queue = null; // created when iterated
    this._lastSequenceNumber = 0;
    this._lastSequencePage = 0;
    client._subscriptions.add(this);
    this._pump(first);
  }
  /** Whether the subscription is still receiving. */
  get isSubscribed() { return this._subscribed; }
  /** Resume position: the last delivered sequence number and page (pass them to `subscribe` to resume). */
  get lastSequenceNumber() { return this._lastSequenceNumber; }
  get lastSequencePage() { return this._lastSequencePage; }
  /** Stops receiving and closes the network stream. */
  unsubscribe() {
    if (!this._subscribed) return;
    this._subscribed = false;
    this._stop();
  }
  /** Closes the stream (the pending `next()` then ends with `null`); nothing to do on a replaced instance. */
  _stop() { if (this._generation === instanceGeneration()) this._core.unsubscribe(); }
  /** Calls the user's callback `name`; an exception it throws is logged, never fed back into the subscription. */
  _emit(name, ...args) {
    try {
      this._options[name]?.(...args);
    } catch (e) {
      this._client._logger.error(`topic subscription ${name} callback threw: ${e?.stack ?? e}`);
    }
  }
  async _pump(first) {
    let ev = first;
    while (ev !== null && this._subscribed) {
      switch (ev.type) {
        case 'Item': {
          const item = new TopicItem(ev);
          this._lastSequenceNumber = ev.sequenceNumber;
          this._lastSequencePage = ev.sequencePage;
          this._emit('onItem', item);
          this._deliver(item);
          break;
        }
        case 'Discontinuity':
          this._lastSequenceNumber = ev.newSequenceNumber;
          this._lastSequencePage = ev.newSequencePage;
          this._emit('onDiscontinuity', new TopicDiscontinuity(ev));
          break;
        case 'Heartbeat': this._emit('onHeartbeat', new TopicHeartbeat()); break;
        case 'ConnectionLost': this._emit('onConnectionLost'); break;
        case 'Error': {
          // Ended: isSubscribed is already false when onError runs.
          this._subscribed = false;
          this.error = new TopicSubscribe.Error(ev.error ?? sdkErrorFrom(ev));
          this._emit('onError', this.error, this);
          break;
        }
        default: break;
      }
      if (ev.type === 'Error') break;
      ev = await drive(() => this._core.next());
    }
    this._subscribed = false;
    this._stop();
    release(this._core, this._generation);
    this._client._subscriptions.delete(this);
    this._emit('onSubscriptionEnd');
    this._deliver(null);
  }
  _deliver(item) {
    if (this._queue === null) return;
    const w = this._waiters.shift();
    if (w) w(item); else this._queue.push(item);
  }
  /** `for await (const item of subscription)`: every TopicItem until the subscription ends (see `error`). */
  [Symbol.asyncIterator]() {
    if (this._queue === null) this._queue = [];
    return {
      next: () => {
        if (this._queue.length > 0) {
          const item = this._queue.shift();
          return Promise.resolve(item === null ? { done: true, value: undefined } : { done: false, value: item });
        }
        if (!this._subscribed) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => this._waiters.push((item) => resolve(
          item === null ? { done: true, value: undefined } : { done: false, value: item })));
      },
      return: () => { this.unsubscribe(); return Promise.resolve({ done: true, value: undefined }); },
    };
  }
}

/** `subscribe` responses. */
export const TopicSubscribe = Object.freeze({
  Subscription,
  Error: namespace({ Error: {} }, 'TopicSubscribe').Error,
  requestType: 'TopicSubscribe',
});
export const TopicSubscribeResponse = Object.freeze({ Subscription: 'Subscription', Error: 'Error' });

/** Topic client configuration presets (the deadline bounds publishes and each subscribe's first message). */
export const TopicConfigurations = Object.freeze({
  Default: presetClass(TopicClientConfiguration, 'Default', PRESETS.Laptop),
  Laptop: presetClass(TopicClientConfiguration, 'Laptop', PRESETS.Laptop),
  Browser: presetClass(TopicClientConfiguration, 'Browser', PRESETS.Browser),
});

/** Publishes to and subscribes to Momento topics. */
export class TopicClient extends ClientBase {
  /** @param {{configuration?: TopicClientConfiguration, credentialProvider?: object}} [props] configuration defaults to
   *   `TopicConfigurations.Default.latest()`, credentialProvider to MOMENTO_API_KEY (+ MOMENTO_ENDPOINT). */
  constructor(props) {
    const version = runtimeVersion();
    super(props, TopicConfigurations.Default.latest, 'TopicClient',
      (configuration, credentials, transport) => new TopicClientCore(configuration, credentials, version, transport),
      FetchStreamTransport);
    /** Live subscriptions, ended by close(). */
    this._subscriptions = new Set();
  }

  /** Ends every subscription (each gets `onSubscriptionEnd`) and releases the wasm-side client; later calls answer
   * an Error saying the client is closed. */
  close() {
    for (const s of this._subscriptions) s.unsubscribe();
    super.close();
  }

  /** Publishes a string (as text) or bytes (as binary): `TopicPublish.Success | Error`. Never retried. */
  publish(cacheName, topicName, value, options) {
    return this._call(TopicPublish, cacheName, (c) => c.publish(cacheName, topicName, value, options));
  }

  /**
   * Subscribes; resolves once the server's first message arrives, to a `TopicSubscribe.Subscription` (callbacks
   * and `for await` iteration) or a `TopicSubscribe.Error`. Options: the official callbacks plus
   * `resumeAtTopicSequenceNumber`/`sequencePage` (resume position) and reconnect delays.
   */
  async subscribe(cacheName, topicName, options) {
    let core;
    let generation;
    const first = await this._run((c) => {
      generation = instanceGeneration();
      try {
        core = c.subscribe(cacheName, topicName, options ?? {});
      } catch (e) {
        return recover(e);
      }
      return drive(() => core.next());
    }).catch((e) => ({ type: 'Error', error: unknownErrorFrom(e) }));
    if (first === null || first.type === 'Error') {
      if (core) { if (generation === instanceGeneration()) core.unsubscribe(); release(core, generation); }
      const err = new TopicSubscribe.Error(first?.error ?? (first ? sdkErrorFrom(first) : unknownErrorFrom(new Error('subscription ended'))));
      return this._settle(err, 'TopicSubscribe');
    }
    return new Subscription(this, core, generation, options, first);
  }

  /** The webhooks of `cacheName`: `ListWebhooks.Success` (`getWebhooks()`) `| Error`. */
  listWebhooks(cacheName) { return this._call(ListWebhooks, cacheName, (c) => c.listWebhooks(cacheName)); }

  /**
   * Creates or updates webhook `webhookName`, which POSTs each message published to `options.topicName` to
   * `options.destination` (a `PostUrlWebhookDestination` or a URL): `PutWebhook.Success` (`secretString()`) `| Error`.
   */
  putWebhook(cacheName, webhookName, options) {
    return this._call(PutWebhook, cacheName, (c) => {
      const dest = options?.destination;
      return c.putWebhook(cacheName, webhookName, options?.topicName, typeof dest?.url === 'function' ? dest.url() : dest);
    });
  }

  /** Deletes webhook `webhookName`: `DeleteWebhook.Success | Error`. */
  deleteWebhook(cacheName, webhookName) {
    return this._call(DeleteWebhook, cacheName, (c) => c.deleteWebhook(cacheName, webhookName));
  }

  /** The signing secret of webhook `webhookName`: `GetWebhookSecret.Success` (`secret()`) `| Error`. */
  getWebhookSecret(cacheName, webhookName) {
    return this._call(GetWebhookSecret, cacheName, (c) => c.getWebhookSecret(cacheName, webhookName));
  }

  /** Replaces the signing secret of webhook `webhookName`: `RotateWebhookSecret.Success` (`secret()`) `| Error`. */
  rotateWebhookSecret(cacheName, webhookName) {
    return this._call(RotateWebhookSecret, cacheName, (c) => c.rotateWebhookSecret(cacheName, webhookName),
      { cacheName, webhookName });
  }
}
