//! `listRemoveValue`: `/cache_client.Scs/ListRemove` (`all_elements_with_value`) removes every element equal to
//! the value → Success (also when the list does not exist). The unused ListErase RPC is not exposed, as in
//! the official SDKs.

use momento_proto::cache_client::{list_remove_request::Remove, ListRemoveRequest as Proto};

use crate::core::collection::collection_request;
use crate::core::rpc::unary;

collection_request! {
    /// A validated `listRemoveValue` request.
    ListRemoveValueRequest: List, list { value: Vec<u8> }
    "Validates the cache and list names."
}

/// The result of `listRemoveValue`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRemoveValueResponse {
    /// Every element equal to the value is gone.
    Success,
}

unary! {
    ListRemoveValueRequest: Proto => ListRemoveValueResponse, cache;
    |self| Proto {
        list_name: self.list.into_bytes(),
        remove: Some(Remove::AllElementsWithValue(self.value)),
    };
    |_reply| {
        // Found (with the new length) or Missing: the official SDKs answer Success either way.
        Ok(ListRemoveValueResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::ListRemoveResponse as ProtoResponse;

    #[test]
    fn encodes_the_value() {
        let p = ListRemoveValueRequest::new("c".into(), "l".into(), b"v".to_vec())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
        assert_eq!(p.remove, Some(Remove::AllElementsWithValue(b"v".to_vec())));
        assert_eq!(
            ListRemoveValueRequest::new("c".into(), " ".into(), vec![])
                .unwrap_err()
                .message,
            "list name must not be empty"
        );
    }

    #[test]
    fn always_success() {
        assert_reply::<ListRemoveValueRequest>(
            ProtoResponse::default(),
            ListRemoveValueResponse::Success,
        );
    }
}
