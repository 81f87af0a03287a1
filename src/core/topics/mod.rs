//! Topics (`cache_client.pubsub.Pubsub`): publish, and resumable subscriptions over a server stream. Topic webhooks
//! (`webhook.Webhook`, control endpoint): one file per RPC, shared types in [`webhook`].

pub mod delete_webhook;
pub mod get_webhook_secret;
pub mod list_webhooks;
pub mod publish;
pub mod put_webhook;
pub mod rotate_webhook_secret;
pub mod subscription;
pub mod webhook;
