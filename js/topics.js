// TopicClient: publish, and resumable subscriptions with the official callbacks (onItem, onError,
// onDiscontinuity, onHeartbeat, onConnectionLost, onSubscriptionEnd) plus a `for await` iterator of items.
import { drive } from './drive.js';
import { TopicClientCore } from './momento_wasm.js';
import { Configuration, CredentialProvider, credentialData, isRefreshing } from './config.js';
import { sdkErrorFrom, unknownErrorFrom } from './errors.js';
import { enumOf, namespace, str } from './responses/base.js';
import { invalidError, runtimeVersion } from './client.js';

/** A message received on a topic. */
export class TopicItem {
  constructor(raw) { this._raw = raw; this.type = 'Item'; }
  /** The value: a string if it was published as text, else a Uint8Array. */
  value() { return this._raw.value; }
  /** The value as a string (bytes are UTF-8 decoded). */
  valueString() { return typeof this._raw.value === 'string' ? this._raw.value : str(this._raw.value); }
  /** The value as bytes (text is UTF-8 encoded). */
  valueUint8Array() { return typeof this._raw.value === 'string' ? new TextEncoder().encode(this._raw.value) : this._raw.value; }
  /** The publisher's disposable-token id (empty when none). */
  tokenId() { return this._raw.tokenId || undefined; }
  /** The topic sequence number of this message. */
  sequenceNumber() { return this._raw.sequenceNumber; }
  /** The sequence page this message belongs to. */
  sequencePage() { return this._raw.sequencePage; }
  toString() { return `TopicItem: ${this.valueString().slice(0, 32)}`; }
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
export const TopicPublish = namespace({ Success: {}, Error: {} });
export const TopicPublishResponse = enumOf(TopicPublish);

/** A live subscription (`TopicSubscribe.Subscription`). */
class Subscription {
  constructor(core, options, first) {
    this.type = 'Subscription';
    this._core = core;
    this._options = options ?? {};
    this._subscribed = true;
    this._waiters = [];
    this._queue = null; // created when iterated
    this._lastSequenceNumber = 0;
    this._lastSequencePage = 0;
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
    this._core.unsubscribe();
  }
  async _pump(first) {
    const o = this._options;
    let ev = first;
    try {
      while (ev !== null) {
        switch (ev.type) {
          case 'Item': {
            const item = new TopicItem(ev);
            this._lastSequenceNumber = ev.sequenceNumber;
            this._lastSequencePage = ev.sequencePage;
            o.onItem?.(item);
            this._deliver(item);
            break;
          }
          case 'Discontinuity':
            this._lastSequenceNumber = ev.newSequenceNumber;
            this._lastSequencePage = ev.newSequencePage;
            o.onDiscontinuity?.(new TopicDiscontinuity(ev));
            break;
          case 'Heartbeat': o.onHeartbeat?.(new TopicHeartbeat()); break;
          case 'ConnectionLost': o.onConnectionLost?.(); break;
          case 'Error': {
            const err = new TopicSubscribe.Error(sdkErrorFrom(ev));
            this.error = err;
            o.onError?.(err, this);
            break;
          }
          default: break;
        }
        if (ev.type === 'Error') break;
        ev = await drive(this._core.next());
      }
    } catch (e) {
      const err = new TopicSubscribe.Error(unknownErrorFrom(e));
      this.error = err;
      o.onError?.(err, this);
    }
    this._subscribed = false;
    this._core.unsubscribe();
    o.onSubscriptionEnd?.();
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
  Error: namespace({ Error: {} }).Error,
});
export const TopicSubscribeResponse = Object.freeze({ Subscription: 'Subscription', Error: 'Error' });

/** Topic client configuration presets (the deadline bounds publishes and each subscribe's first message). */
export const TopicConfigurations = Object.freeze({
  Default: { v1: () => Configuration.laptopV1(), latest: () => Configuration.laptopV1() },
  Laptop: { v1: () => Configuration.laptopV1(), latest: () => Configuration.laptopV1() },
  Browser: { v1: () => Configuration.browserV1(), latest: () => Configuration.browserV1() },
});

/** Publishes to and subscribes to Momento topics. */
export class TopicClient {
  /** @param {{configuration?: Configuration, credentialProvider: CredentialProvider | import('./refreshing-credentials.js').RefreshingCredentialProvider}} props */
  constructor(props) {
    const configuration = props?.configuration ?? TopicConfigurations.Default.latest();
    let provider = props?.credentialProvider;
    if (isRefreshing(provider)) {
      this._refreshing = provider;
      provider = provider.current;
    }
    if (!(configuration instanceof Configuration)) throw invalidError('configuration must be a Configuration');
    if (!(provider instanceof CredentialProvider)) throw invalidError('credentialProvider must be a CredentialProvider');
    this._configuration = configuration;
    this._core = new TopicClientCore(configuration, credentialData(provider), runtimeVersion());
    // Reconnects and later calls use the refreshed token.
    this._stopRefresh = this._refreshing?.onRefresh((p) => this._core?.setCredentials(credentialData(p)));
  }
  /** The configuration this client uses. */
  get configuration() { return this._configuration; }
  /** Releases the wasm-side client. */
  close() { this._stopRefresh?.(); this._core?.free(); this._core = undefined; }

  /** Publishes a string (as text) or bytes (as binary): `TopicPublish.Success | Error`. Never retried. */
  async publish(cacheName, topicName, value, options) {
    let r;
    try {
      if (this._refreshing) await this._refreshing.ensureFresh();
      r = await drive(this._core.publish(cacheName, topicName, value, options));
    } catch (e) {
      r = { type: 'Error', error: unknownErrorFrom(e) };
    }
    const resp = r.type === 'Success' ? new TopicPublish.Success(r) : new TopicPublish.Error(r.error ?? sdkErrorFrom(r));
    if (resp.type === 'Error' && this._configuration.throwOnErrors) throw resp.innerException();
    return resp;
  }

  /**
   * Subscribes; resolves once the server's first message arrives, to a `TopicSubscribe.Subscription` (callbacks
   * and `for await` iteration) or a `TopicSubscribe.Error`. Options: the official callbacks plus
   * `resumeAtTopicSequenceNumber`/`sequencePage` (resume position) and reconnect delays.
   */
  async subscribe(cacheName, topicName, options = {}) {
    let core;
    let first;
    try {
      if (this._refreshing) await this._refreshing.ensureFresh();
      core = this._core.subscribe(cacheName, topicName, options);
      first = await drive(core.next());
    } catch (e) {
      first = e?.errorCode ? { type: 'Error', errorCode: e.errorCode, message: e.message, details: e.message.replace(/^[^:]*: /, '') } : { type: 'Error', error: unknownErrorFrom(e) };
    }
    if (first === null || first.type === 'Error') {
      core?.unsubscribe();
      const err = new TopicSubscribe.Error(first?.error ?? (first ? sdkErrorFrom(first) : unknownErrorFrom(new Error('subscription ended'))));
      if (this._configuration.throwOnErrors) throw err.innerException();
      return err;
    }
    return new Subscription(core, options, first);
  }
}
