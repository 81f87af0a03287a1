//! `deleteWebhook`: `/webhook.Webhook/DeleteWebhook` → Success. Like the official SDK, only the cache name is
//! checked client-side (the service rejects an empty webhook name).

use momento_proto::webhook::{
    DeleteWebhookRequest as Proto, DeleteWebhookResponse as ProtoResponse,
};

use super::webhook::id;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};
use crate::core::validation;

/// A validated `deleteWebhook` request.
#[derive(Debug)]
pub struct DeleteWebhookRequest {
    cache: String,
    webhook: String,
}

impl DeleteWebhookRequest {
    /// Validates the cache name.
    pub fn new(cache: String, webhook: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        Ok(Self { cache, webhook })
    }
}

/// The result of a `deleteWebhook`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteWebhookResponse {
    /// The webhook is gone.
    Success,
}

call!(DeleteWebhookRequest: Proto => DeleteWebhookResponse);

impl UnaryRpc for DeleteWebhookRequest {
    fn into_proto(self) -> Proto {
        Proto {
            webhook_id: Some(id(self.cache, self.webhook)),
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<DeleteWebhookResponse, MomentoError> {
        Ok(DeleteWebhookResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;

    #[test]
    fn encodes_the_id_and_checks_the_cache_name_only() {
        let p = DeleteWebhookRequest::new("c".into(), "w".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.webhook_id, Some(id("c".into(), "w".into())));
        assert!(DeleteWebhookRequest::new("c".into(), String::new()).is_ok());
        assert_eq!(
            DeleteWebhookRequest::new(" ".into(), "w".into())
                .unwrap_err()
                .message,
            "cache name must not be empty"
        );
        assert_reply::<DeleteWebhookRequest>(ProtoResponse {}, DeleteWebhookResponse::Success);
    }
}
