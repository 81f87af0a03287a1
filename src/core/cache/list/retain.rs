//! `listRetain`: `/cache_client.Scs/ListRetain` keeps only the `startIndex` (inclusive) / `endIndex`
//! (exclusive) slice of a list, with a collection TTL → Success (also when the list does not exist).

use momento_proto::cache_client::ListRetainRequest as Proto;

use super::{slice_bounds, Slice};
use crate::core::collection::{validate, List as Family};
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `listRetain` request.
#[derive(Debug)]
pub struct ListRetainRequest {
    cache: String,
    list: String,
    slice: Slice,
    ttl: CollectionTtl,
}

impl ListRetainRequest {
    /// Validates the names and the slice (see [`Slice::new`]); `None` indices are unbounded.
    pub fn new(
        cache: String,
        list: String,
        start_index: Option<f64>,
        end_index: Option<f64>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &list)?;
        let slice = Slice::new(start_index, end_index)?;
        Ok(Self {
            cache,
            list,
            slice,
            ttl,
        })
    }
}

/// The result of `listRetain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListRetainResponse {
    /// The list now holds only the slice (or did not exist).
    Success,
}

unary! {
    ListRetainRequest: Proto => ListRetainResponse, cache;
    |self| {
        let (start_index, end_index) = slice_bounds!(self.slice, list_retain_request);
        Proto {
            list_name: self.list.into_bytes(),
            ttl_milliseconds: self.ttl.ttl_ms,
            refresh_ttl: self.ttl.refresh,
            start_index,
            end_index,
        }
    };
    |_reply| {
        // Found (with the new length) or Missing: the official SDKs answer Success either way.
        Ok(ListRetainResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::list_retain_request::{EndIndex, StartIndex};
    use momento_proto::cache_client::ListRetainResponse as ProtoResponse;
    use momento_proto::common::Unbounded;

    #[test]
    fn encodes_slice_and_ttl() {
        let ttl = CollectionTtl::new(None, true, 7_000).unwrap();
        let p = ListRetainRequest::new("c".into(), "l".into(), Some(1.0), Some(-1.0), ttl)
            .unwrap()
            .into_proto();
        assert_eq!(p.start_index, Some(StartIndex::InclusiveStart(1)));
        assert_eq!(p.end_index, Some(EndIndex::ExclusiveEnd(-1)));
        assert_eq!((p.ttl_milliseconds, p.refresh_ttl), (7_000, true));
        let p = ListRetainRequest::new("c".into(), "l".into(), None, None, ttl)
            .unwrap()
            .into_proto();
        assert_eq!(
            p.start_index,
            Some(StartIndex::UnboundedStart(Unbounded {}))
        );
        assert_eq!(p.end_index, Some(EndIndex::UnboundedEnd(Unbounded {})));
    }

    #[test]
    fn validates_before_sending() {
        let ttl = CollectionTtl::new(None, true, 7_000).unwrap();
        let e = ListRetainRequest::new("c".into(), "l".into(), Some(-2.0), Some(-5.0), ttl);
        assert!(
            e.is_ok(),
            "negative pairs cannot be judged without the length"
        );
        let e =
            ListRetainRequest::new("c".into(), "l".into(), Some(0.0), Some(0.0), ttl).unwrap_err();
        assert_eq!(
            e.message,
            "endIndex (exclusive) must be larger than startIndex (inclusive)"
        );
        assert!(ListRetainRequest::new("c".into(), "\t".into(), None, None, ttl).is_err());
    }

    #[test]
    fn always_success() {
        assert_reply::<ListRetainRequest>(ProtoResponse::default(), ListRetainResponse::Success);
    }
}
