//! `dictionaryRemoveField` / `dictionaryRemoveFields`: `/cache_client.Scs/DictionaryDelete` with `some` fields →
//! Success (also when the dictionary or fields do not exist).

use momento_proto::cache_client::{
    dictionary_delete_request::{Delete, Some as SomeFields},
    DictionaryDeleteRequest as Proto,
};

use crate::core::collection::{Dictionary as Family, ItemsRequest};
use crate::core::rpc::success_rpc;

/// A validated `dictionaryRemoveFields` request (`dictionaryRemoveField` sends one field).
pub type DictionaryDeleteRequest = ItemsRequest<Family, Proto>;

success_rpc! {
    /// The result of a `dictionaryRemoveFields`.
    DictionaryDeleteResponse { "The fields are gone." } for DictionaryDeleteRequest: Proto, cache;
    |self| Proto {
        dictionary_name: self.name,
        delete: Some(Delete::Some(SomeFields { fields: self.items })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;

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
            Default::default(),
            DictionaryDeleteResponse::Success,
        );
    }
}
