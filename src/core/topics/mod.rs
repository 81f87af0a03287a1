//! Topics (`cache_client.pubsub.Pubsub`): publish, and resumable subscriptions over a server stream.

pub mod publish;
pub mod subscription;
