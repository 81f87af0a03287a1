//! `listFetch`: `/cache_client.Scs/ListFetch` with an optional `startIndex` (inclusive) / `endIndex` (exclusive)
//! slice → Hit with the elements in order, or Miss when the list does not exist.

use momento_proto::cache_client::{list_fetch_response::List, ListFetchRequest as Proto};

use super::{slice_bounds, Slice};
use crate::core::collection::{validate, List as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// A validated `listFetch` request.
#[derive(Debug)]
pub struct ListFetchRequest {
    cache: String,
    list: String,
    slice: Slice,
}

impl ListFetchRequest {
    /// Validates the names and the slice (see [`Slice::new`]); `None` indices are unbounded.
    pub fn new(
        cache: String,
        list: String,
        start_index: Option<f64>,
        end_index: Option<f64>,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &list)?;
        let slice = Slice::new(start_index, end_index)?;
        Ok(Self { cache, list, slice })
    }
}

hit_or_miss! {
    /// The result of `listFetch`.
    ListFetchResponse: "The list exists; the selected elements, in list order (possibly none)." => values: Vec<Vec<u8>>, "The elements.", "The list does not exist."
}

unary! {
    ListFetchRequest: Proto => ListFetchResponse, cache;
    |self| {
        let (start_index, end_index) = slice_bounds!(self.slice, list_fetch_request);
        Proto {
            list_name: self.list.into_bytes(),
            start_index,
            end_index,
        }
    };
    |reply| found_or_missing!(reply.list, List, "ListFetch",
        |found| Ok(ListFetchResponse::Hit {
            values: found.values,
        }),
        Ok(ListFetchResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::list_fetch_request::{EndIndex, StartIndex};
    use momento_proto::cache_client::list_fetch_response::{Found, Missing};
    use momento_proto::cache_client::ListFetchResponse as ProtoResponse;
    use momento_proto::common::Unbounded;

    fn proto(start: Option<f64>, end: Option<f64>) -> Proto {
        ListFetchRequest::new("c".into(), "l".into(), start, end)
            .unwrap()
            .into_proto()
    }

    #[test]
    fn unbounded_by_default_and_explicit_indices() {
        let p = proto(None, None);
        assert_eq!(p.list_name, b"l");
        assert_eq!(
            p.start_index,
            Some(StartIndex::UnboundedStart(Unbounded {}))
        );
        assert_eq!(p.end_index, Some(EndIndex::UnboundedEnd(Unbounded {})));
        let p = proto(Some(-3.0), Some(-1.0));
        assert_eq!(p.start_index, Some(StartIndex::InclusiveStart(-3)));
        assert_eq!(p.end_index, Some(EndIndex::ExclusiveEnd(-1)));
        let p = proto(Some(0.0), Some(2.0));
        assert_eq!(
            p.start_index,
            Some(StartIndex::UnboundedStart(Unbounded {}))
        );
        assert_eq!(p.end_index, Some(EndIndex::ExclusiveEnd(2)));
    }

    #[test]
    fn validates_before_sending() {
        let e = ListFetchRequest::new("c".into(), "l".into(), Some(0.0), Some(0.0)).unwrap_err();
        assert_eq!(
            e.wrapped_message(),
            "Invalid argument passed to Momento client: endIndex (exclusive) must be larger than startIndex (inclusive)"
        );
        assert!(ListFetchRequest::new("c".into(), "".into(), None, None).is_err());
        assert!(ListFetchRequest::new("".into(), "l".into(), None, None).is_err());
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            list: Some(List::Found(Found {
                values: vec![b"a".to_vec(), b"b".to_vec()],
            })),
        };
        assert_reply::<ListFetchRequest>(
            found,
            ListFetchResponse::Hit {
                values: vec![b"a".to_vec(), b"b".to_vec()],
            },
        );
        let missing = ProtoResponse {
            list: Some(List::Missing(Missing {})),
        };
        assert_reply::<ListFetchRequest>(missing, ListFetchResponse::Miss);
        assert!(ListFetchRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
