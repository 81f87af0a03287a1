//! `dictionaryLength`: `/cache_client.Scs/DictionaryLength` → the number of fields, or Miss.

use momento_proto::cache_client::{
    dictionary_length_response::Dictionary, DictionaryLengthRequest as Proto,
    DictionaryLengthResponse as ProtoResponse,
};

use crate::core::collection::{Dictionary as Family, NamedRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};

/// A validated `dictionaryLength` request.
pub type DictionaryLengthRequest = NamedRequest<Family, Proto>;

/// The result of a `dictionaryLength`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictionaryLengthResponse {
    /// The dictionary exists.
    Hit {
        /// Its number of fields.
        length: u32,
    },
    /// The dictionary does not exist (or expired).
    Miss,
}

call!(DictionaryLengthRequest: Proto => DictionaryLengthResponse, cache);

impl UnaryRpc for DictionaryLengthRequest {
    fn into_proto(self) -> Proto {
        Proto {
            dictionary_name: self.name.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<DictionaryLengthResponse, MomentoError> {
        found_or_missing!(
            reply.dictionary,
            Dictionary,
            "DictionaryLength",
            |found| Ok(DictionaryLengthResponse::Hit {
                length: found.length,
            }),
            Ok(DictionaryLengthResponse::Miss)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::dictionary_length_response::{Found, Missing};

    #[test]
    fn maps_results() {
        assert!(DictionaryLengthRequest::new("c".into(), "".into()).is_err());
        let found = ProtoResponse {
            dictionary: Some(Dictionary::Found(Found { length: 3 })),
        };
        assert_eq!(
            DictionaryLengthRequest::from_proto(found).unwrap(),
            DictionaryLengthResponse::Hit { length: 3 }
        );
        let missing = ProtoResponse {
            dictionary: Some(Dictionary::Missing(Missing {})),
        };
        assert_eq!(
            DictionaryLengthRequest::from_proto(missing).unwrap(),
            DictionaryLengthResponse::Miss
        );
        assert!(DictionaryLengthRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
