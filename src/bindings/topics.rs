//! `TopicClientCore` and `SubscriptionCore`: the wasm half of `TopicClient`. `publish` resolves to a tagged
//! result; `subscribe` returns a subscription handle whose `next()` resolves to the next event object, or `null`
//! once it has ended. `unsubscribe()` aborts the underlying `fetch`, closing the network stream.
//!
//! Webhooks (`listWebhooks`, `putWebhook`, `deleteWebhook`, `getWebhookSecret`, `rotateWebhookSecret`) go to the
//! control endpoint and resolve to tagged results (`{type: 'Success', ...}` or an error object) documented on each
//! method. They take plain strings: the facade turns a `PostUrlWebhookDestination` into its URL and builds the
//! response classes (`Webhook` objects, `PostUrlWebhookDestination`s, the names of `RotateWebhookSecret.Success`).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Object;
use wasm_bindgen::prelude::*;
use web_sys::AbortController;

use super::cache_client::{client_core, prepare, start_call, PendingCall, Prepared};
use super::config;
use super::convert::{
    self, into_js, methods, set, uint8, Bytes, CallOptions, CredentialData, IntoJs, Text,
};
use crate::core::error::MomentoError;
use crate::core::topics::delete_webhook::{DeleteWebhookRequest, DeleteWebhookResponse};
use crate::core::topics::get_webhook_secret::{GetWebhookSecretRequest, GetWebhookSecretResponse};
use crate::core::topics::list_webhooks::{ListWebhooksRequest, ListWebhooksResponse};
use crate::core::topics::publish::{PublishRequest, PublishResponse, TopicMessage};
use crate::core::topics::put_webhook::{PutWebhookRequest, PutWebhookResponse};
use crate::core::topics::rotate_webhook_secret::{
    RotateWebhookSecretRequest, RotateWebhookSecretResponse,
};
use crate::core::topics::subscription::{
    ReceivedValue, SubscribeOptions, Subscription, SubscriptionEvent,
};
use crate::core::topics::webhook::Webhook;
use crate::transport::js::WasmTransport;

client_core! {
    #[doc = " The wasm core of a topic client (use the `TopicClient` class, which wraps it)."]
    TopicClientCore("topic")
}

#[wasm_bindgen]
impl TopicClientCore {
    /// Switches to another credential for subsequent calls and reconnects (used by `RefreshingCredentialProvider`).
    #[wasm_bindgen(js_name = setCredentials)]
    pub fn set_credentials(&self, credentials: CredentialData) {
        self.client
            .set_credentials(config::credentials(&credentials));
    }

    /// Starts a subscription (nothing is sent until the first `next()`). Options:
    /// `{resumeAtTopicSequenceNumber?, sequencePage?, firstMessageTimeoutMillis?, reconnectInitialDelayMillis?,
    /// reconnectMaxDelayMillis?}`. Throws INVALID_ARGUMENT_ERROR for bad names.
    pub fn subscribe(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = topicName)] topic_name: Text,
        #[wasm_bindgen(
            unchecked_param_type = "{ resumeAtTopicSequenceNumber?: number; sequencePage?: number; firstMessageTimeoutMillis?: number; reconnectInitialDelayMillis?: number; reconnectMaxDelayMillis?: number }"
        )]
        options: Option<Object>,
    ) -> Result<SubscriptionCore, JsValue> {
        let fail = |e: MomentoError| convert::throwable(&e);
        let controller = AbortController::new().map_err(|_| {
            fail(MomentoError::unknown_service(
                "AbortController is not available",
            ))
        })?;
        let cache_name = convert::text(&cache_name, "cache name").map_err(fail)?;
        let topic_name = convert::text(&topic_name, "topic name").map_err(fail)?;
        let num = |name: &str| convert::opt_whole(&options, name).map_err(fail);
        let defaults = SubscribeOptions {
            first_message_timeout_ms: self.client.config().client_timeout_ms,
            ..SubscribeOptions::default()
        };
        let opts = SubscribeOptions {
            resume_at_sequence_number: num("resumeAtTopicSequenceNumber")?.unwrap_or(0),
            sequence_page: num("sequencePage")?.unwrap_or(0),
            first_message_timeout_ms: num("firstMessageTimeoutMillis")?
                .map_or(defaults.first_message_timeout_ms, saturate),
            reconnect_initial_ms: num("reconnectInitialDelayMillis")?
                .map_or(defaults.reconnect_initial_ms, saturate),
            reconnect_max_ms: num("reconnectMaxDelayMillis")?
                .map_or(defaults.reconnect_max_ms, saturate),
        };
        let subscription = Subscription::new(
            Rc::clone(&self.client),
            cache_name,
            topic_name,
            Some(controller.signal()),
            opts,
        )
        .map_err(fail)?;
        Ok(SubscriptionCore {
            inner: Rc::new(RefCell::new(Some(subscription))),
            controller,
        })
    }
}

methods! {
    TopicClientCore {
        #[doc = " Publishes a string (as text) or bytes (as binary): `{type: 'Success'}` or an error object."]
        fn publish as publish(&self, cacheName: Text, topicName: Text, value: Bytes; options: CallOptions) {
            start_call(&self.client, &options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let topicName = convert::text(&topicName, "topic name")?;
                let message = match value.as_string() {
                    Some(text) => TopicMessage::Text(text),
                    None => TopicMessage::Binary(convert::bytes(&value, "value")?),
                };
                Ok(prepare(PublishRequest::new(
                    cacheName, topicName, message,
                )?))
            })
        }
    }
}

/// A whole number of milliseconds as the core's `u32` (larger values mean "practically never").
fn saturate(ms: u64) -> u32 {
    u32::try_from(ms).unwrap_or(u32::MAX)
}

impl TopicClientCore {
    /// A call about one webhook (delete, get or rotate its secret): reads both names, then `make` builds it.
    fn webhook_call(
        &self,
        cache_name: Text,
        webhook_name: Text,
        options: Option<Object>,
        make: fn(String, String) -> Result<Prepared, MomentoError>,
    ) -> PendingCall {
        start_call(&self.client, &options, || {
            make(
                convert::text(&cache_name, "cache name")?,
                convert::text(&webhook_name, "webhook name")?,
            )
        })
    }
}

#[wasm_bindgen]
impl TopicClientCore {
    /// Creates or updates a webhook POSTing `topicName`'s messages to `url`: `{type: 'Success', secretString}` or
    /// an error object.
    #[wasm_bindgen(js_name = putWebhook)]
    pub fn put_webhook(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = webhookName)] webhook_name: Text,
        #[wasm_bindgen(js_name = topicName)] topic_name: Text,
        #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        start_call(&self.client, &options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let webhook_name = convert::text(&webhook_name, "webhook name")?;
            let topic_name = convert::text(&topic_name, "topic name")?;
            let url = convert::text(&url, "destination url")?;
            Ok(prepare(PutWebhookRequest::new(Webhook {
                cache_name,
                webhook_name,
                topic_name,
                url,
            })?))
        })
    }
}

methods! {
    TopicClientCore {
        #[doc = " Lists a cache's webhooks: `{type: 'Success', webhooks: {cacheName, webhookName, topicName, url}[]}` or an"]
        #[doc = " error object."]
        fn list_webhooks as listWebhooks(&self, cacheName: Text; options: CallOptions) {
            start_call(&self.client, &options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                Ok(prepare(ListWebhooksRequest::new(cacheName)?))
            })
        }

        #[doc = " Deletes a webhook: `{type: 'Success'}` or an error object."]
        fn delete_webhook as deleteWebhook(&self, cacheName: Text, webhookName: Text; options: CallOptions) {
            self.webhook_call(cacheName, webhookName, options, |c, w| {
                Ok(prepare(DeleteWebhookRequest::new(c, w)?))
            })
        }

        #[doc = " A webhook's signing secret: `{type: 'Success', secret, cacheName, webhookName}` (names as the service"]
        #[doc = " answered them) or an error object."]
        fn get_webhook_secret as getWebhookSecret(&self, cacheName: Text, webhookName: Text; options: CallOptions) {
            self.webhook_call(cacheName, webhookName, options, |c, w| {
                Ok(prepare(GetWebhookSecretRequest::new(c, w)?))
            })
        }

        #[doc = " Replaces a webhook's signing secret: `{type: 'Success', secret}` (the new one; the reply has no names, so"]
        #[doc = " the facade adds `cacheName` and `webhookName` from its arguments, as the official SDK does) or an error"]
        #[doc = " object."]
        fn rotate_webhook_secret as rotateWebhookSecret(&self, cacheName: Text, webhookName: Text; options: CallOptions) {
            self.webhook_call(cacheName, webhookName, options, |c, w| {
                Ok(prepare(RotateWebhookSecretRequest::new(c, w)?))
            })
        }
    }
}

/// A live subscription: call `next()` repeatedly; `unsubscribe()` ends it.
#[wasm_bindgen]
pub struct SubscriptionCore {
    /// `None` while a `next()` is running (the subscription is moved into that future, so no borrow is held
    /// across an await).
    inner: Rc<RefCell<Option<Subscription<WasmTransport>>>>,
    controller: AbortController,
}

#[wasm_bindgen]
impl SubscriptionCore {
    /// The next event: `{type: 'Item', value, sequenceNumber, sequencePage, tokenId}`,
    /// `{type: 'Discontinuity', lastSequenceNumber, newSequenceNumber, newSequencePage}`, `{type: 'Heartbeat'}`,
    /// `{type: 'ConnectionLost', error}` (reconnecting), an error object (the subscription has ended), or `null`
    /// once ended.
    pub fn next(&self) -> PendingCall {
        let inner = Rc::clone(&self.inner);
        PendingCall::new(async move {
            let taken = inner.try_borrow_mut().ok().and_then(|mut slot| slot.take());
            let Some(mut subscription) = taken else {
                return convert::error(&MomentoError::invalid_argument(
                    "next() called while another next() is pending",
                ));
            };
            let event = subscription.next().await;
            if let Ok(mut slot) = inner.try_borrow_mut() {
                *slot = Some(subscription);
            }
            match event {
                None => JsValue::NULL,
                Some(Ok(event)) => event.into_js(),
                Some(Err(e)) => convert::error(&e),
            }
        })
    }

    /// Ends the subscription and closes its network stream; a pending `next()` resolves to `null`.
    pub fn unsubscribe(&self) {
        self.controller.abort();
    }
}

/// One webhook of `listWebhooks`.
fn webhook(w: Webhook) -> JsValue {
    let o = Object::new();
    set(&o, "cacheName", &JsValue::from_str(&w.cache_name));
    set(&o, "webhookName", &JsValue::from_str(&w.webhook_name));
    set(&o, "topicName", &JsValue::from_str(&w.topic_name));
    set(&o, "url", &JsValue::from_str(&w.url));
    JsValue::from(o)
}

into_js! {
    PublishResponse { _ => "Success" }
    ListWebhooksResponse {
        ListWebhooksResponse::Success { webhooks } => "Success" {
            "webhooks": webhooks.into_iter().map(webhook).collect::<js_sys::Array>(),
        },
    }
    PutWebhookResponse {
        PutWebhookResponse::Success { secret } => "Success" { "secretString": secret },
    }
    DeleteWebhookResponse { _ => "Success" }
    GetWebhookSecretResponse {
        GetWebhookSecretResponse::Success { secret, cache_name, webhook_name } => "Success" {
            "secret": secret,
            "cacheName": cache_name,
            "webhookName": webhook_name,
        },
    }
    RotateWebhookSecretResponse {
        RotateWebhookSecretResponse::Success { secret } => "Success" { "secret": secret },
    }
    SubscriptionEvent {
        SubscriptionEvent::Item { value, sequence_number, sequence_page, publisher_id } => "Item" {
            "value": match value {
                ReceivedValue::Text(t) => JsValue::from_str(&t),
                ReceivedValue::Binary(b) => uint8(&b),
            },
            "sequenceNumber": sequence_number as f64,
            "sequencePage": sequence_page as f64,
            "tokenId": publisher_id,
        },
        SubscriptionEvent::Discontinuity { last_sequence_number, new_sequence_number, new_sequence_page } =>
            "Discontinuity" {
                "lastSequenceNumber": last_sequence_number as f64,
                "newSequenceNumber": new_sequence_number as f64,
                "newSequencePage": new_sequence_page as f64,
            },
        SubscriptionEvent::Heartbeat => "Heartbeat",
        SubscriptionEvent::ConnectionLost { error } => "ConnectionLost" { "error": convert::error(&error) },
    }
}
