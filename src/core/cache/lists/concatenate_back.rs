//! `listConcatenateBack`: `/cache_client.Scs/ListConcatenateBack` → the list's length afterwards. Puts the values, in order, after the last element; truncates from the front. Never retried: a repeat would
//! add twice.

use momento_proto::cache_client::{
    ListConcatenateBackRequest as Proto, ListConcatenateBackResponse as ProtoResponse,
};

use super::truncate_size;
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::{Rpc, UnaryRpc};
use crate::core::validation;

/// A validated `listConcatenateBack` request.
#[derive(Debug)]
pub struct ListConcatenateBackRequest {
    cache: String,
    list: String,
    values: Vec<Vec<u8>>,
    truncate_front_to_size: u32,
    ttl: CollectionTtl,
}

impl ListConcatenateBackRequest {
    /// Validates the cache and list names; `truncateFrontToSize` `None` or 0 = keep every element.
    pub fn new(
        cache: String,
        list: String,
        values: Vec<Vec<u8>>,
        truncate_front_to_size: Option<f64>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("list", &list)?;
        let truncate_front_to_size = truncate_size(truncate_front_to_size, "truncateFrontToSize")?;
        Ok(Self {
            cache,
            list,
            values,
            truncate_front_to_size,
            ttl,
        })
    }
}

/// The result of `listConcatenateBack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListConcatenateBackResponse {
    /// The values were added.
    Success {
        /// The list's length afterwards (after any truncation).
        list_length: u32,
    },
}

impl UnaryRpc for ListConcatenateBackRequest {
    type Proto = Proto;
    type ProtoResponse = ProtoResponse;
    type Response = ListConcatenateBackResponse;
    const RPC: Rpc = Rpc::scs("/cache_client.Scs/ListConcatenateBack");

    fn cache_name(&self) -> Option<&str> {
        Some(&self.cache)
    }

    fn into_proto(self) -> Proto {
        Proto {
            list_name: self.list.into_bytes(),
            values: self.values,
            ttl_milliseconds: self.ttl.ttl_ms,
            refresh_ttl: self.ttl.refresh,
            truncate_front_to_size: self.truncate_front_to_size,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<ListConcatenateBackResponse, MomentoError> {
        Ok(ListConcatenateBackResponse::Success {
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
        let p = ListConcatenateBackRequest::new(
            "c".into(),
            "l".into(),
            vec![b"a".to_vec(), b"b".to_vec()],
            Some(3.0),
            ttl(),
        )
        .unwrap()
        .into_proto();
        assert_eq!(p.list_name, b"l");
        assert_eq!(p.values, vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(
            (p.ttl_milliseconds, p.refresh_ttl, p.truncate_front_to_size),
            (5_000, false, 3)
        );
        let p = ListConcatenateBackRequest::new(
            "c".into(),
            "l".into(),
            vec![b"a".to_vec(), b"b".to_vec()],
            None,
            ttl(),
        )
        .unwrap()
        .into_proto();
        assert_eq!(
            p.truncate_front_to_size, 0,
            "no truncation is the proto's unset 0"
        );
    }

    #[test]
    fn validates_before_sending() {
        let e = ListConcatenateBackRequest::new(
            "c".into(),
            " ".into(),
            vec![b"a".to_vec(), b"b".to_vec()],
            None,
            ttl(),
        )
        .unwrap_err();
        assert_eq!(e.message, "list name must not be empty");
        let e = ListConcatenateBackRequest::new(
            "".into(),
            "l".into(),
            vec![b"a".to_vec(), b"b".to_vec()],
            None,
            ttl(),
        )
        .unwrap_err();
        assert_eq!(e.message, "cache name must not be empty");
        let e = ListConcatenateBackRequest::new(
            "c".into(),
            "l".into(),
            vec![b"a".to_vec(), b"b".to_vec()],
            Some(-1.0),
            ttl(),
        )
        .unwrap_err();
        assert_eq!(e.message, "truncateFrontToSize must be a positive integer");
    }

    #[test]
    fn answers_the_new_length() {
        assert_eq!(
            ListConcatenateBackRequest::from_proto(ProtoResponse { list_length: 4 }).unwrap(),
            ListConcatenateBackResponse::Success { list_length: 4 }
        );
    }
}
