//! `rotateWebhookSecret`: `/webhook.Webhook/RotateWebhookSecret` — replaces a webhook's signing secret and answers
//! the new one. The reply carries only the secret: the official SDKs fill the result's cache and webhook names in
//! from the request (the JS facade does the same from its arguments).

use momento_proto::webhook::{
    RotateWebhookSecretRequest as Proto, RotateWebhookSecretResponse as ProtoResponse,
};

use super::webhook::{id, WebhookRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, success_with, UnaryRpc};

/// A validated `rotateWebhookSecret` request.
pub type RotateWebhookSecretRequest = WebhookRequest<Proto>;

success_with! {
    /// The result of a `rotateWebhookSecret`.
    RotateWebhookSecretResponse: "Rotated." => secret: String, "The new signing secret."
}

call!(RotateWebhookSecretRequest: Proto => RotateWebhookSecretResponse);

impl UnaryRpc for RotateWebhookSecretRequest {
    fn into_proto(self) -> Proto {
        Proto {
            webhook_id: Some(id(self.cache, self.webhook)),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<RotateWebhookSecretResponse, MomentoError> {
        Ok(RotateWebhookSecretResponse::Success {
            secret: reply.secret_string,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
