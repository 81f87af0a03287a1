//! `sortedSetPutElement` / `sortedSetPutElements`: `/cache_client.Scs/SortedSetPut` adds elements (or updates
//! their scores) with a collection TTL → Success.

use momento_proto::cache_client::{SortedSetElement, SortedSetPutRequest as Proto};

use crate::core::collection::{SortedSet as Family, WriteRequest};
use crate::core::rpc::success_rpc;

/// A validated `sortedSetPutElement(s)` request; items are `(value, score)` pairs.
pub type SortedSetPutRequest = WriteRequest<Family, (Vec<u8>, f64), Proto>;

success_rpc! {
    /// The result of `sortedSetPutElement(s)`.
    SortedSetPutResponse { "The elements are stored with their scores." } for SortedSetPutRequest: Proto, cache;
    |self| Proto {
        set_name: self.name,
        elements: self
            .items
            .into_iter()
            .map(|(value, score)| SortedSetElement { value, score })
            .collect(),
        ttl_milliseconds: self.ttl.ttl_ms,
        refresh_ttl: self.ttl.refresh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection_ttl::CollectionTtl;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn encodes_elements_and_ttl() {
        let ttl = CollectionTtl::new(Some(2.0), true, 9_000).unwrap();
        let p = SortedSetPutRequest::new(
            "c".into(),
            "z".into(),
            vec![(b"a".to_vec(), 1.5), (b"b".to_vec(), -2.0)],
            ttl,
        )
        .unwrap()
        .into_proto();
        assert_eq!(p.set_name, b"z");
        assert_eq!(
            p.elements,
            vec![
                SortedSetElement {
                    value: b"a".to_vec(),
                    score: 1.5
                },
                SortedSetElement {
                    value: b"b".to_vec(),
                    score: -2.0
                }
            ]
        );
        assert_eq!((p.ttl_milliseconds, p.refresh_ttl), (2_000, true));
    }

    #[test]
    fn validates_and_answers_success() {
        let ttl = CollectionTtl::new(None, true, 9_000).unwrap();
        assert_eq!(
            SortedSetPutRequest::new("c".into(), " ".into(), vec![], ttl)
                .unwrap_err()
                .message,
            "sorted set name must not be empty"
        );
        assert_reply::<SortedSetPutRequest>(Default::default(), SortedSetPutResponse::Success);
    }
}
