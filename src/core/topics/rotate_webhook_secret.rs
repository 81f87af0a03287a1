//! `rotateWebhookSecret`: `/webhook.Webhook/RotateWebhookSecret` — replaces a webhook's signing secret and answers
//! the new one. The reply carries only the secret: the official SDKs fill the result's cache and webhook names in
//! from the request (the JS facade does the same from its arguments).

use momento_proto::webhook::RotateWebhookSecretRequest as Proto;

use super::webhook::{id, WebhookRequest};
use crate::core::rpc::{success_with, unary};

/// A validated `rotateWebhookSecret` request.
pub type RotateWebhookSecretRequest = WebhookRequest<Proto>;

success_with! {
    /// The result of a `rotateWebhookSecret`.
    RotateWebhookSecretResponse: "Rotated." => secret: String, "The new signing secret."
}

unary! {
    RotateWebhookSecretRequest: Proto => RotateWebhookSecretResponse;
    |self| Proto { webhook_id: Some(id(self.cache, self.webhook)) };
    |reply| Ok(RotateWebhookSecretResponse::Success {
        secret: reply.secret_string,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::webhook::RotateWebhookSecretResponse as ProtoResponse;

    #[test]
    fn validates_encodes_and_decodes() {
        assert_eq!(
            RotateWebhookSecretRequest::new("c".into(), "w".into())
                .unwrap()
                .into_proto()
                .webhook_id,
            Some(id("c".into(), "w".into()))
        );
        assert_eq!(
            RotateWebhookSecretRequest::new("c".into(), "".into())
                .unwrap_err()
                .message,
            "webhook name must not be empty"
        );
        assert_eq!(
            RotateWebhookSecretRequest::from_proto(ProtoResponse {
                secret_string: "new".into()
            })
            .unwrap(),
            RotateWebhookSecretResponse::Success {
                secret: "new".into()
            }
        );
    }
}
