//! `listWebhooks`: `/webhook.Webhook/ListWebhooks` (request `_ListWebhookRequest`) — every webhook of a cache.

use momento_proto::webhook::ListWebhookRequest as Proto;

use super::webhook::Webhook;
use crate::core::control::CacheRequest;
use crate::core::rpc::{success_with, unary};

/// A validated `listWebhooks` request.
pub type ListWebhooksRequest = CacheRequest<Proto>;

success_with! {
    /// The result of a `listWebhooks`.
    ListWebhooksResponse: "The cache's webhooks, in the service's order." => webhooks: Vec<Webhook>, "Every webhook (`getWebhooks()` in the JS SDK)."
}

unary! {
    ListWebhooksRequest: Proto => ListWebhooksResponse;
    |self| Proto { cache_name: self.cache };
    |reply| Ok(ListWebhooksResponse::Success {
        webhooks: reply.webhook.into_iter().map(Webhook::from_proto).collect(),
    })
}

#[cfg(test)]
mod tests {
    use crate::core::rpc::UnaryRpc;
    use momento_proto::webhook::ListWebhooksResponse as ProtoResponse;
    use momento_proto::webhook::Webhook as ProtoWebhook;

    use super::*;

    #[test]
    fn decodes_webhooks_and_tolerates_missing_parts() {
        let full = Webhook {
            cache_name: "c".into(),
            webhook_name: "w".into(),
            topic_name: "t".into(),
            url: "https://example.com/".into(),
        };
        let r = ListWebhooksRequest::from_proto(ProtoResponse {
            webhook: vec![
                full.clone().into_proto(),
                ProtoWebhook {
                    webhook_id: None,
                    topic_name: "t2".into(),
                    destination: None,
                },
            ],
        })
        .unwrap();
        assert_eq!(
            r,
            ListWebhooksResponse::Success {
                webhooks: vec![
                    full,
                    Webhook {
                        topic_name: "t2".into(),
                        ..Webhook::default()
                    }
                ]
            }
        );
    }

    #[test]
    fn validates_and_encodes_the_cache_name() {
        assert_eq!(
            ListWebhooksRequest::new("c".into()).unwrap().into_proto(),
            Proto {
                cache_name: "c".into()
            }
        );
        assert_eq!(
            ListWebhooksRequest::new(String::new()).unwrap_err().message,
            "cache name must not be empty"
        );
    }
}
