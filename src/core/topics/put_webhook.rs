//! `putWebhook`: `/webhook.Webhook/PutWebhook` — creates the webhook or replaces its topic and destination;
//! answers its signing secret.

use momento_proto::webhook::PutWebhookRequest as Proto;

use super::webhook::{webhook_name, Webhook};
use crate::core::error::MomentoError;
use crate::core::rpc::{success_with, unary};
use crate::core::validation;

/// A validated `putWebhook` request.
#[derive(Debug)]
pub struct PutWebhookRequest {
    webhook: Webhook,
}

impl PutWebhookRequest {
    /// Validates the cache, topic and webhook names, in the official SDK's order (the URL is the service's to
    /// check).
    pub fn new(webhook: Webhook) -> Result<Self, MomentoError> {
        validation::cache_name(&webhook.cache_name)?;
        validation::name("topic", &webhook.topic_name)?;
        webhook_name(&webhook.webhook_name)?;
        Ok(Self { webhook })
    }
}

success_with! {
    /// The result of a `putWebhook`.
    PutWebhookResponse: "Created or updated." => secret: String, "The webhook's signing secret (`secretString()` in the JS SDK)."
}

unary! {
    PutWebhookRequest: Proto => PutWebhookResponse;
    |self| Proto { webhook: Some(self.webhook.into_proto()) };
    |reply| Ok(PutWebhookResponse::Success {
        secret: reply.secret_string,
    })
}

#[cfg(test)]
mod tests {
    use crate::core::rpc::UnaryRpc;
    use momento_proto::webhook::webhook_destination::Kind;
    use momento_proto::webhook::PutWebhookResponse as ProtoResponse;

    use super::*;
    use crate::core::error::MomentoErrorCode;
    use crate::core::rpc::Call;

    fn webhook(cache: &str, name: &str, topic: &str) -> Webhook {
        Webhook {
            cache_name: cache.into(),
            webhook_name: name.into(),
            topic_name: topic.into(),
            url: "https://example.com/hook".into(),
        }
    }

    #[test]
    fn encodes_id_topic_and_post_url() {
        let p = PutWebhookRequest::new(webhook("c", "w", "t"))
            .unwrap()
            .into_proto()
            .webhook
            .unwrap();
        let id = p.webhook_id.unwrap();
        assert_eq!(
            (id.cache_name.as_str(), id.webhook_name.as_str()),
            ("c", "w")
        );
        assert_eq!(p.topic_name, "t");
        assert_eq!(
            p.destination.unwrap().kind,
            Some(Kind::PostUrl("https://example.com/hook".into()))
        );
        assert_eq!(PutWebhookRequest::RPC.path, "/webhook.Webhook/PutWebhook");
        assert_eq!(
            PutWebhookRequest::RPC.endpoint,
            crate::core::rpc::Endpoint::Control
        );
    }

    #[test]
    fn validates_cache_then_topic_then_webhook_name() {
        let message = |w| PutWebhookRequest::new(w).unwrap_err().message;
        assert_eq!(
            message(webhook(" ", "", "")),
            "cache name must not be empty"
        );
        assert_eq!(
            message(webhook("c", "", " ")),
            "topic name must not be empty"
        );
        assert_eq!(
            message(webhook("c", "\t", "t")),
            "webhook name must not be empty"
        );
        let e = PutWebhookRequest::new(webhook("", "w", "t")).unwrap_err();
        assert_eq!(e.code, MomentoErrorCode::InvalidArgument);
    }

    #[test]
    fn decodes_the_secret() {
        let r = PutWebhookRequest::from_proto(ProtoResponse {
            secret_string: "s3cr3t".into(),
        })
        .unwrap();
        assert_eq!(
            r,
            PutWebhookResponse::Success {
                secret: "s3cr3t".into()
            }
        );
    }
}
