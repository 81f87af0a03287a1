//! `sortedSetIncrementScore`: `/cache_client.Scs/SortedSetIncrement` adds `amount` to an element's score (a
//! missing element or set is created with `amount`), with a collection TTL → Success with the new score.
//! Never retried: a repeat would add twice.

use momento_proto::cache_client::SortedSetIncrementRequest as Proto;

use crate::core::collection::collection_request;
use crate::core::collection_ttl::CollectionTtl;
use crate::core::rpc::unary;

collection_request! {
    /// A validated `sortedSetIncrementScore` request.
    SortedSetIncrementScoreRequest: SortedSet, set { value: Vec<u8>, amount: f64, ttl: CollectionTtl }
    "Validates the cache and sorted-set names; `amount` may be any number (the service rejects NaN)."
}

/// The result of `sortedSetIncrementScore`.
#[derive(Debug, Clone, PartialEq)]
pub enum SortedSetIncrementScoreResponse {
    /// The element's score after the increment.
    Success {
        /// The new score.
        score: f64,
    },
}

unary! {
    SortedSetIncrementScoreRequest: Proto => SortedSetIncrementScoreResponse, cache;
    |self| Proto {
        set_name: self.set.into_bytes(),
        value: self.value,
        amount: self.amount,
        ttl_milliseconds: self.ttl.ttl_ms,
        refresh_ttl: self.ttl.refresh,
    };
    |reply| Ok(SortedSetIncrementScoreResponse::Success { score: reply.score })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::SortedSetIncrementResponse as ProtoResponse;

    #[test]
    fn encodes_and_maps() {
        let ttl = CollectionTtl::new(Some(3.0), false, 1_000).unwrap();
        let p =
            SortedSetIncrementScoreRequest::new("c".into(), "z".into(), b"a".to_vec(), -0.5, ttl)
                .unwrap()
                .into_proto();
        assert_eq!((p.set_name, p.value), (b"z".to_vec(), b"a".to_vec()));
        assert_eq!(
            (p.amount, p.ttl_milliseconds, p.refresh_ttl),
            (-0.5, 3_000, false)
        );
        assert!(
            SortedSetIncrementScoreRequest::new("".into(), "z".into(), vec![], 1.0, ttl).is_err()
        );
        assert_reply::<SortedSetIncrementScoreRequest>(
            ProtoResponse { score: 4.25 },
            SortedSetIncrementScoreResponse::Success { score: 4.25 },
        );
    }
}
