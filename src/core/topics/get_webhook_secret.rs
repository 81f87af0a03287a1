//! `getWebhookSecret`: `/webhook.Webhook/GetWebhookSecret` — a webhook's signing secret. The request names the
//! webhook with two plain fields (no `_WebhookId`); the names in the result come from the reply.

use momento_proto::webhook::GetWebhookSecretRequest as Proto;

use super::webhook::WebhookRequest;
use crate::core::rpc::unary;

/// A validated `getWebhookSecret` request.
pub type GetWebhookSecretRequest = WebhookRequest<Proto>;

/// The result of a `getWebhookSecret`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GetWebhookSecretResponse {
    /// The secret.
    Success {
        /// The signing secret.
        secret: String,
        /// The cache, as the service answered it.
        cache_name: String,
        /// The webhook, as the service answered it.
        webhook_name: String,
    },
}

unary! {
    GetWebhookSecretRequest: Proto => GetWebhookSecretResponse;
    |self| Proto { cache_name: self.cache, webhook_name: self.webhook };
    |reply| Ok(GetWebhookSecretResponse::Success {
        secret: reply.secret_string,
        cache_name: reply.cache_name,
        webhook_name: reply.webhook_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::webhook::GetWebhookSecretResponse as ProtoResponse;

    #[test]
    fn validates_encodes_and_decodes() {
        assert_eq!(
            GetWebhookSecretRequest::new("c".into(), "w".into())
                .unwrap()
                .into_proto(),
            Proto {
                cache_name: "c".into(),
                webhook_name: "w".into()
            }
        );
        assert_eq!(
            GetWebhookSecretRequest::new("".into(), "".into())
                .unwrap_err()
                .message,
            "cache name must not be empty"
        );
        assert_eq!(
            GetWebhookSecretRequest::new("c".into(), " ".into())
                .unwrap_err()
                .message,
            "webhook name must not be empty"
        );
        let r = GetWebhookSecretRequest::from_proto(ProtoResponse {
            cache_name: "c".into(),
            webhook_name: "w".into(),
            secret_string: "s".into(),
        })
        .unwrap();
        assert_eq!(
            r,
            GetWebhookSecretResponse::Success {
                secret: "s".into(),
                cache_name: "c".into(),
                webhook_name: "w".into()
            }
        );
    }
}
