//! `setAddElement` / `setAddElements`: `/cache_client.Scs/SetUnion` with the collection TTL → Success.

use momento_proto::cache_client::{SetUnionRequest as Proto, SetUnionResponse as ProtoResponse};

use crate::core::collection::{validate, Set as Family};
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `setAddElements` request (`setAddElement` sends one element).
#[derive(Debug)]
pub struct SetUnionRequest {
    cache: String,
    set: Vec<u8>,
    elements: Vec<Vec<u8>>,
    ttl: CollectionTtl,
}

impl SetUnionRequest {
    /// Validates the cache and set names.
    pub fn new(
        cache: String,
        set: String,
        elements: Vec<Vec<u8>>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        let set = set.into_bytes();
        Ok(Self {
            cache,
            set,
            elements,
            ttl,
        })
    }
}

/// The result of a `setAddElements`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetUnionResponse {
    /// The elements are in the set.
    Success,
}

call!(SetUnionRequest: Proto => SetUnionResponse, cache);

impl UnaryRpc for SetUnionRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.set,
            elements: self.elements,
            ttl_milliseconds: self.ttl.ttl_ms,
            refresh_ttl: self.ttl.refresh,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<SetUnionResponse, MomentoError> {
        Ok(SetUnionResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;

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
        assert_reply::<SetUnionRequest>(ProtoResponse {}, SetUnionResponse::Success);
    }
}
