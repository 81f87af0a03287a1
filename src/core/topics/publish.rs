//! `publish`: `/cache_client.pubsub.Pubsub/Publish` — a string goes out as `text`, bytes as `binary`. Never
//! retried (a repeat would publish twice).

use momento_proto::cache_client::pubsub::{topic_value, PublishRequest as Proto, TopicValue};

use crate::core::error::MomentoError;
use crate::core::rpc::success_rpc;
use crate::core::validation;

/// A topic message value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicMessage {
    /// UTF-8 text (published from a JS string).
    Text(String),
    /// Raw bytes (published from a `Uint8Array`).
    Binary(Vec<u8>),
}

/// A validated `publish` request.
#[derive(Debug)]
pub struct PublishRequest {
    cache: String,
    topic: String,
    value: TopicMessage,
}

impl PublishRequest {
    /// Validates the cache and topic names.
    pub fn new(cache: String, topic: String, value: TopicMessage) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("topic", &topic)?;
        Ok(Self {
            cache,
            topic,
            value,
        })
    }
}

success_rpc! {
    /// The result of a `publish`.
    PublishResponse { "Published." } for PublishRequest: Proto, cache;
    |self| {
        let kind = match self.value {
            TopicMessage::Text(t) => topic_value::Kind::Text(t),
            TopicMessage::Binary(b) => topic_value::Kind::Binary(b),
        };
        Proto {
            cache_name: self.cache,
            topic: self.topic,
            value: Some(TopicValue { kind: Some(kind) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn text_and_binary() {
        let p = PublishRequest::new("c".into(), "t".into(), TopicMessage::Text("hi".into()))
            .unwrap()
            .into_proto();
        assert_eq!(
            p.value.unwrap().kind,
            Some(topic_value::Kind::Text("hi".into()))
        );
        let p = PublishRequest::new("c".into(), "t".into(), TopicMessage::Binary(vec![1]))
            .unwrap()
            .into_proto();
        assert_eq!(
            p.value.unwrap().kind,
            Some(topic_value::Kind::Binary(vec![1]))
        );
        assert_eq!(
            PublishRequest::new("c".into(), " ".into(), TopicMessage::Binary(vec![]))
                .unwrap_err()
                .message,
            "topic name must not be empty"
        );
    }
}
