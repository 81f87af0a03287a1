//! `setAddElement` / `setAddElements`: `/cache_client.Scs/SetUnion` with the collection TTL → Success.

use momento_proto::cache_client::SetUnionRequest as Proto;

use crate::core::collection::{Set as Family, WriteRequest};
use crate::core::rpc::success_rpc;

/// A validated `setAddElements` request (`setAddElement` sends one element).
pub type SetUnionRequest = WriteRequest<Family, Vec<u8>, Proto>;

success_rpc! {
    /// The result of a `setAddElements`.
    SetUnionResponse { "The elements are in the set." } for SetUnionRequest: Proto, cache;
    |self| Proto {
        set_name: self.name,
        elements: self.items,
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
    fn encodes_elements_and_collection_ttl() {
        let ttl = CollectionTtl::new(Some(2.0), false, 60_000).unwrap();
        let p = SetUnionRequest::new("c".into(), "s".into(), vec![b"a".to_vec()], ttl)
            .unwrap()
            .into_proto();
        assert_eq!(p.set_name, b"s");
        assert_eq!(p.elements, vec![b"a".to_vec()]);
        assert_eq!((p.ttl_milliseconds, p.refresh_ttl), (2000, false));
        assert_eq!(
            SetUnionRequest::new("c".into(), "".into(), vec![], ttl)
                .unwrap_err()
                .message,
            "set name must not be empty"
        );
        assert_reply::<SetUnionRequest>(Default::default(), SetUnionResponse::Success);
    }
}
