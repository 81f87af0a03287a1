//! `dictionaryGetField` / `dictionaryGetFields`: `/cache_client.Scs/DictionaryGet` → one Hit/Miss per field, in
//! request order, or Miss for the whole dictionary.

use momento_proto::cache_client::{
    dictionary_get_response::Dictionary, DictionaryGetRequest as Proto,
};

use crate::core::cache::is_hit;
use crate::core::collection::{Dictionary as Family, ItemsRequest};
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// A validated `dictionaryGetFields` request (`dictionaryGetField` sends one field).
pub type DictionaryGetRequest = ItemsRequest<Family, Proto>;

hit_or_miss! {
    /// The result of a `dictionaryGetFields`.
    DictionaryGetResponse: "The dictionary exists." => values: Vec<Option<Vec<u8>>>, "`values[i]` answers for the i-th requested field: its value, or `None` if the field is absent.", "The dictionary does not exist (or expired)."
}

unary! {
    DictionaryGetRequest: Proto => DictionaryGetResponse, cache;
    |self| Proto { dictionary_name: self.name, fields: self.items };
    |reply| found_or_missing!(reply.dictionary, Dictionary, "DictionaryGet",
        |found| {
            let values = found
                .items
                .into_iter()
                .map(|part| {
                    let hit = is_hit(part.result, "DictionaryGet field", None)?;
                    Ok(hit.then_some(part.cache_body))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(DictionaryGetResponse::Hit { values })
        },
        Ok(DictionaryGetResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::dictionary_get_response::{
        DictionaryGetResponsePart, Found, Missing,
    };
    use momento_proto::cache_client::DictionaryGetResponse as ProtoResponse;
    use momento_proto::cache_client::ECacheResult;

    #[test]
    fn validates_and_encodes() {
        assert_eq!(
            DictionaryGetRequest::new("c".into(), "".into(), vec![])
                .unwrap_err()
                .message,
            "dictionary name must not be empty"
        );
        let p = DictionaryGetRequest::new("c".into(), "d".into(), vec![b"a".to_vec(), vec![]])
            .unwrap()
            .into_proto();
        assert_eq!(p.dictionary_name, b"d");
        assert_eq!(p.fields, vec![b"a".to_vec(), vec![]]);
    }

    #[test]
    fn maps_results_per_field() {
        let part = |result: ECacheResult, body: &[u8]| DictionaryGetResponsePart {
            result: result as i32,
            cache_body: body.to_vec(),
        };
        let found = ProtoResponse {
            dictionary: Some(Dictionary::Found(Found {
                items: vec![part(ECacheResult::Hit, b"v"), part(ECacheResult::Miss, b"")],
            })),
        };
        assert_reply::<DictionaryGetRequest>(
            found,
            DictionaryGetResponse::Hit {
                values: vec![Some(b"v".to_vec()), None],
            },
        );
        let missing = ProtoResponse {
            dictionary: Some(Dictionary::Missing(Missing {})),
        };
        assert_reply::<DictionaryGetRequest>(missing, DictionaryGetResponse::Miss);
        let invalid = ProtoResponse {
            dictionary: Some(Dictionary::Found(Found {
                items: vec![part(ECacheResult::Invalid, b"")],
            })),
        };
        assert!(DictionaryGetRequest::from_proto(invalid).is_err());
        assert!(DictionaryGetRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
