//! `dictionaryRemoveField` / `dictionaryRemoveFields`: `/cache_client.Scs/DictionaryDelete` with `some` fields →
//! Success (also when the dictionary or fields do not exist).

use momento_proto::cache_client::{
    dictionary_delete_request::{Delete, Some as SomeFields},
    DictionaryDeleteRequest as Proto, DictionaryDeleteResponse as ProtoResponse,
};

use crate::core::collection::{Dictionary as Family, ItemsRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `dictionaryRemoveFields` request (`dictionaryRemoveField` sends one field).
pub type DictionaryDeleteRequest = ItemsRequest<Family, Proto>;

/// The result of a `dictionaryRemoveFields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictionaryDeleteResponse {
    /// The fields are gone.
    Success,
}

call!(DictionaryDeleteRequest: Proto => DictionaryDeleteResponse, cache);

impl UnaryRpc for DictionaryDeleteRequest {
    fn into_proto(self) -> Proto {
        Proto {
            dictionary_name: self.name,
            delete: Some(Delete::Some(SomeFields { fields: self.items })),
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<DictionaryDeleteResponse, MomentoError> {
        Ok(DictionaryDeleteResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;

    #[test]
    fn sends_some_fields() {
        let p = DictionaryDeleteRequest::new("c".into(), "d".into(), vec![b"a".to_vec()])
            .unwrap()
            .into_proto();
        assert_eq!(p.dictionary_name, b"d");
        assert_eq!(
            p.delete,
            Some(Delete::Some(SomeFields {
                fields: vec![b"a".to_vec()]
            }))
        );
        assert!(DictionaryDeleteRequest::new(" ".into(), "d".into(), vec![]).is_err());
        assert_reply::<DictionaryDeleteRequest>(
            ProtoResponse {},
            DictionaryDeleteResponse::Success,
        );
    }
}
