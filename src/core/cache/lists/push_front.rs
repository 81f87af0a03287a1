//! `listPushFront`: `/cache_client.Scs/ListPushFront` → the list's length afterwards. Adds one value before the first element; truncates from the back. Never retried: a repeat would
//! add twice.

use momento_proto::cache_client::{
    ListPushFrontRequest as Proto, ListPushFrontResponse as ProtoResponse,
};

use super::truncate_size;
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::{Rpc, UnaryRpc};
use crate::core::validation;

/// A validated `listPushFront` request.
#[derive(Debug)]
pub struct ListPushFrontRequest {
    cache: String,
    list: String,
    value: Vec<u8>,
    truncate_back_to_size: u32,
    ttl: CollectionTtl,
}

impl ListPushFrontRequest {
    /// Validates the cache and list names; `truncateBackToSize` `None` or 0 = keep every element.
    pub fn new(
        cache: String,
        list: String,
        value: Vec<u8>,
        truncate_back_to_size: Option<f64>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("list", &list)?;
        let truncate_back_to_size = truncate_size(truncate_back_to_size, "truncateBackToSize")?;
        Ok(Self {
            cache,
            list,
            value,
            truncate_back_to_size,
            ttl,
        })
    }
}

/// The result of `listPushFront`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListPushFrontResponse {
    /// The value was added.
    Success {
        /// The list's length afterwards (after any truncation).
        list_length: u32,
    },
}

impl UnaryRpc for ListPushFrontRequest {
    type Proto = Proto;
    type ProtoResponse = ProtoResponse;
    type Response = ListPushFrontResponse;
    const RPC: Rpc = Rpc::scs("/cache_client.Scs/ListPushFront");

    fn cache_name(&self) -> Option<&str> {
        Some(&self.cache)
    }

    fn into_proto(self) -> Proto {
        Proto {
            list_name: self.list.into_bytes(),
            value: self.value,
            ttl_milliseconds: self.ttl.ttl_ms,
            refresh_ttl: self.ttl.refresh,
            truncate_back_to_size: self.truncate_back_to_size,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<ListPushFrontResponse, MomentoError> {
        Ok(ListPushFrontResponse::Success {
            list_length: reply.list_length,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ttl() -> CollectionTtl {
        CollectionTtl::new(Some(5.0), false, 60_000).unwrap()
    }

    #[test]
    fn encodes_values_ttl_and_truncation() {
        let p = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(3.0), ttl())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
        assert_eq!(p.value, b"v".to_vec());
        assert_eq!(
            (p.ttl_milliseconds, p.refresh_ttl, p.truncate_back_to_size),
            (5_000, false, 3)
        );
        let p = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), None, ttl())
            .unwrap()
            .into_proto();
        assert_eq!(
            p.truncate_back_to_size, 0,
            "no truncation is the proto's unset 0"
        );
    }

    #[test]
    fn validates_before_sending() {
        let e = ListPushFrontRequest::new("c".into(), " ".into(), b"v".to_vec(), None, ttl())
            .unwrap_err();
        assert_eq!(e.message, "list name must not be empty");
        let e = ListPushFrontRequest::new("".into(), "l".into(), b"v".to_vec(), None, ttl())
            .unwrap_err();
        assert_eq!(e.message, "cache name must not be empty");
        let e = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(-1.0), ttl())
            .unwrap_err();
        assert_eq!(e.message, "truncateBackToSize must be a positive integer");
    }

    #[test]
    fn answers_the_new_length() {
        assert_eq!(
            ListPushFrontRequest::from_proto(ProtoResponse { list_length: 4 }).unwrap(),
            ListPushFrontResponse::Success { list_length: 4 }
        );
    }
}
