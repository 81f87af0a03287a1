//! `dictionaryFetch`: `/cache_client.Scs/DictionaryFetch` → every field/value pair, or Miss.

use momento_proto::cache_client::{
    dictionary_fetch_response::Dictionary, DictionaryFetchRequest as Proto,
};

use super::FieldValue;
use crate::core::collection::{Dictionary as Family, NamedRequest};
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// A validated `dictionaryFetch` request.
pub type DictionaryFetchRequest = NamedRequest<Family, Proto>;

hit_or_miss! {
    /// The result of a `dictionaryFetch`.
    DictionaryFetchResponse: "The dictionary exists." => items: Vec<FieldValue>, "Its `(field, value)` pairs, in the order the service sent them.", "The dictionary does not exist (or expired)."
}

unary! {
    DictionaryFetchRequest: Proto => DictionaryFetchResponse, cache;
    |self| Proto { dictionary_name: self.name.into_bytes() };
    |reply| found_or_missing!(reply.dictionary, Dictionary, "DictionaryFetch",
        |found| Ok(DictionaryFetchResponse::Hit {
            items: found
                .items
                .into_iter()
                .map(|pair| (pair.field, pair.value))
                .collect(),
        }),
        Ok(DictionaryFetchResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::DictionaryFetchResponse as ProtoResponse;
    use momento_proto::cache_client::{dictionary_fetch_response, DictionaryFieldValuePair};

    #[test]
    fn validates_and_encodes() {
        assert!(DictionaryFetchRequest::new("c".into(), "".into()).is_err());
        let p = DictionaryFetchRequest::new("c".into(), "d".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.dictionary_name, b"d");
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            dictionary: Some(Dictionary::Found(dictionary_fetch_response::Found {
                items: vec![DictionaryFieldValuePair {
                    field: b"f".to_vec(),
                    value: b"v".to_vec(),
                }],
            })),
        };
        assert_reply::<DictionaryFetchRequest>(
            found,
            DictionaryFetchResponse::Hit {
                items: vec![(b"f".to_vec(), b"v".to_vec())],
            },
        );
        let missing = ProtoResponse {
            dictionary: Some(Dictionary::Missing(dictionary_fetch_response::Missing {})),
        };
        assert_reply::<DictionaryFetchRequest>(missing, DictionaryFetchResponse::Miss);
        assert!(DictionaryFetchRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
