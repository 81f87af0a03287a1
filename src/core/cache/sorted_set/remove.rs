//! `sortedSetRemoveElement` / `sortedSetRemoveElements`: `/cache_client.Scs/SortedSetRemove` (`some`) → Success,
//! also when the elements or the sorted set do not exist.

use momento_proto::cache_client::{
    sorted_set_remove_request::{RemoveElements, Some as SomeValues},
    SortedSetRemoveRequest as Proto,
};

use crate::core::collection::{ItemsRequest, SortedSet as Family};
use crate::core::rpc::success_rpc;

/// A validated `sortedSetRemoveElement(s)` request.
pub type SortedSetRemoveRequest = ItemsRequest<Family, Proto>;

success_rpc! {
    /// The result of `sortedSetRemoveElement(s)`.
    SortedSetRemoveResponse { "The elements are no longer in the sorted set." } for SortedSetRemoveRequest: Proto, cache;
    |self| Proto {
        set_name: self.name,
        remove_elements: Some(RemoveElements::Some(SomeValues {
            values: self.items,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn encodes_some_values() {
        let p = SortedSetRemoveRequest::new("c".into(), "z".into(), vec![b"a".to_vec()])
            .unwrap()
            .into_proto();
        assert_eq!(p.set_name, b"z");
        assert_eq!(
            p.remove_elements,
            Some(RemoveElements::Some(SomeValues {
                values: vec![b"a".to_vec()]
            }))
        );
        assert!(SortedSetRemoveRequest::new("c".into(), " ".into(), vec![]).is_err());
        assert_reply::<SortedSetRemoveRequest>(
            Default::default(),
            SortedSetRemoveResponse::Success,
        );
    }
}
