//! `dictionarySetField` / `dictionarySetFields`: `/cache_client.Scs/DictionarySet` with the collection TTL →
//! Success.

use momento_proto::cache_client::{DictionaryFieldValuePair, DictionarySetRequest as Proto};

use super::FieldValue;
use crate::core::collection::{Dictionary as Family, WriteRequest};
use crate::core::rpc::success_rpc;

/// A validated `dictionarySetFields` request (`dictionarySetField` sends one pair); items are `(field, value)` pairs.
pub type DictionarySetRequest = WriteRequest<Family, FieldValue, Proto>;

success_rpc! {
    /// The result of a `dictionarySetFields`.
    DictionarySetResponse { "The fields were stored." } for DictionarySetRequest: Proto, cache;
    |self| Proto {
        dictionary_name: self.name,
        items: self
            .items
            .into_iter()
            .map(|(field, value)| DictionaryFieldValuePair { field, value })
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
    fn encodes_pairs_and_collection_ttl() {
        let ttl = CollectionTtl::new(Some(3.0), false, 60_000).unwrap();
        let p = DictionarySetRequest::new(
            "c".into(),
            "d".into(),
            vec![(b"f".to_vec(), b"v".to_vec())],
            ttl,
        )
        .unwrap()
        .into_proto();
        assert_eq!(p.dictionary_name, b"d");
        assert_eq!(
            p.items,
            vec![DictionaryFieldValuePair {
                field: b"f".to_vec(),
                value: b"v".to_vec()
            }]
        );
        assert_eq!(p.ttl_milliseconds, 3_000);
        assert!(!p.refresh_ttl);
        let default = CollectionTtl::new(None, true, 60_000).unwrap();
        let p = DictionarySetRequest::new("c".into(), "d".into(), vec![], default)
            .unwrap()
            .into_proto();
        assert_eq!((p.ttl_milliseconds, p.refresh_ttl), (60_000, true));
    }

    #[test]
    fn validates_names() {
        let ttl = CollectionTtl::new(None, true, 1).unwrap();
        assert_eq!(
            DictionarySetRequest::new("c".into(), "\t".into(), vec![], ttl)
                .unwrap_err()
                .message,
            "dictionary name must not be empty"
        );
        assert_reply::<DictionarySetRequest>(Default::default(), DictionarySetResponse::Success);
    }
}
