//! What the webhook RPCs share: a webhook's id and description, and the official SDK's name checks.
//!
//! Webhooks (`webhook.Webhook`, on the control endpoint) POST every message published to one topic of a cache to
//! a URL. The official SDKs validate names only (`validateCacheName`, `validateTopicName`,
//! `validateWebhookName`: empty or whitespace-only is INVALID_ARGUMENT); the destination URL is checked by the
//! service. None of these RPCs is retried (the official eligibility list has none of them).

use momento_proto::webhook::{
    webhook_destination, Webhook as ProtoWebhook, WebhookDestination, WebhookId,
};

use std::marker::PhantomData;

use crate::core::error::MomentoError;
use crate::core::validation;

/// A webhook: where messages of `topic_name` in `cache_name` are POSTed (`Webhook` in the JS SDK, with the id
/// flattened and the `PostUrlWebhookDestination` reduced to its URL).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Webhook {
    /// The cache the webhook belongs to.
    pub cache_name: String,
    /// Its name, unique within the cache.
    pub webhook_name: String,
    /// The topic it watches.
    pub topic_name: String,
    /// The destination (`post_url`).
    pub url: String,
}

impl Webhook {
    pub(crate) fn into_proto(self) -> ProtoWebhook {
        ProtoWebhook {
            webhook_id: Some(id(self.cache_name, self.webhook_name)),
            topic_name: self.topic_name,
            destination: Some(WebhookDestination {
                kind: Some(webhook_destination::Kind::PostUrl(self.url)),
            }),
        }
    }

    /// Missing messages read as empty strings, as the official web SDK reads them.
    pub(crate) fn from_proto(webhook: ProtoWebhook) -> Self {
        let id = webhook.webhook_id.unwrap_or_default();
        let url = match webhook.destination.and_then(|d| d.kind) {
            Some(webhook_destination::Kind::PostUrl(url)) => url,
            None => String::new(),
        };
        Self {
            cache_name: id.cache_name,
            webhook_name: id.webhook_name,
            topic_name: webhook.topic_name,
            url,
        }
    }
}

/// The proto id of a webhook.
pub(crate) fn id(cache_name: String, webhook_name: String) -> WebhookId {
    WebhookId {
        cache_name,
        webhook_name,
    }
}

/// Rejects empty or whitespace-only webhook names ("webhook name must not be empty").
pub fn webhook_name(name: &str) -> Result<(), MomentoError> {
    validation::name("webhook", name)
}

/// A validated request naming one webhook of a cache and nothing else (`getWebhookSecret`,
/// `rotateWebhookSecret`): the cache name, then the webhook name; `P`, the proto request message, says which RPC.
#[derive(Debug)]
pub struct WebhookRequest<P> {
    pub(crate) cache: String,
    pub(crate) webhook: String,
    rpc: PhantomData<P>,
}

impl<P> WebhookRequest<P> {
    /// Validates the cache and webhook names.
    pub fn new(cache: String, webhook: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        webhook_name(&webhook)?;
        Ok(Self {
            cache,
            webhook,
            rpc: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_retries() {
        assert!(webhook_name("w").is_ok());
        assert_eq!(
            webhook_name(" ").unwrap_err().message,
            "webhook name must not be empty"
        );
        use momento_proto::rpc::Rpc;
        for rpc in [
            Rpc::PutWebhook,
            Rpc::DeleteWebhook,
            Rpc::ListWebhooks,
            Rpc::GetWebhookSecret,
            Rpc::RotateWebhookSecret,
        ] {
            assert!(!rpc.idempotent(), "{rpc:?}");
        }
    }
}
