//! `deleteWebhook`: `/webhook.Webhook/DeleteWebhook` → Success. Like the official SDK, only the cache name is
//! checked client-side (the service rejects an empty webhook name).

use momento_proto::webhook::DeleteWebhookRequest as Proto;

use super::webhook::id;
use crate::core::error::MomentoError;
use crate::core::rpc::success_rpc;
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

success_rpc! {
    /// The result of a `deleteWebhook`.
    DeleteWebhookResponse { "The webhook is gone." } for DeleteWebhookRequest: Proto;
    |self| Proto { webhook_id: Some(id(self.cache, self.webhook)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;

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
        assert_reply::<DeleteWebhookRequest>(Default::default(), DeleteWebhookResponse::Success);
    }
}
