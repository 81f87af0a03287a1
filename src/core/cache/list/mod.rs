//! List RPCs of `cache_client.Scs`, one file each (the front/back pairs — push, concatenate, pop — one file per pair,
//! generic over the [`end::End`] they touch), plus the argument checks they share (index slices and truncation sizes). Pushes and concatenations are never retried (repeating them would add twice); the shared
//! retry policy in [`crate::core::retry`] already knows that.

pub mod concatenate;
pub mod end;
pub mod fetch;
pub mod pop;
pub mod push;
pub mod remove_value;
pub mod retain;

use std::marker::PhantomData;

use end::End;

use crate::core::collection::{validate, List as Family};
use crate::core::collection_ttl::CollectionTtl;
use crate::core::error::MomentoError;

/// A validated insertion at end `E` of `V`: one value (a push, [`push::ListPushRequest`]) or several in order (a
/// concatenation, [`concatenate::ListConcatenateRequest`]). Both truncate the other end.
#[derive(Debug)]
pub struct ListInsertRequest<E, V> {
    cache: String,
    list: String,
    values: V,
    truncate_other_end_to: u32,
    ttl: CollectionTtl,
    end: PhantomData<E>,
}

impl<E: End, V> ListInsertRequest<E, V> {
    /// Validates the cache and list names; the truncation size (`truncateBackToSize` for the front,
    /// `truncateFrontToSize` for the back) `None` or 0 = keep every element.
    pub fn new(
        cache: String,
        list: String,
        values: V,
        truncate_other_end_to: Option<f64>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &list)?;
        let truncate_other_end_to = truncate_size(truncate_other_end_to, E::TRUNCATE_OPTION)?;
        Ok(Self {
            cache,
            list,
            values,
            truncate_other_end_to,
            ttl,
            end: PhantomData,
        })
    }
}

/// Defines an insertion at either end (push, concatenate) from what differs: `insert! { /// docs Request(values
/// type): End message => Response, End::build, End::length, "what Success means" }` declares `Request<E>` (a
/// [`ListInsertRequest`]), its response (`Success { list_length }`, the length after any truncation), and its
/// conversions.
macro_rules! insert {
    ($(#[$doc:meta])* $request:ident($values:ty): $message:ident => $response:ident, $build:ident, $length:ident, $success:literal) => {
        $(#[$doc])*
        pub type $request<E> = ListInsertRequest<E, $values>;

        $crate::core::rpc::success_with! {
            #[doc = concat!("The result of a [`", stringify!($request), "`].")]
            $response: $success => list_length: u32, "The list's length afterwards (after any truncation)."
        }

        $crate::core::rpc::call!(impl<E: End> $request<E>: E::$message => $response, cache);

        impl<E: End> $crate::core::rpc::UnaryRpc for $request<E> {
            fn into_proto(self) -> E::$message {
                E::$build(self.list.into_bytes(), self.values, self.ttl, self.truncate_other_end_to)
            }

            fn from_proto(
                reply: $crate::core::rpc::ProtoReply<Self>,
            ) -> Result<$response, $crate::core::error::MomentoError> {
                Ok($response::Success { list_length: E::$length(reply) })
            }
        }
    };
}
use insert;

/// An optional JS number argument that must be an integer in the `i32` range (list indices, sorted-set
/// ranks): `None` stays `None`.
pub(crate) fn opt_i32(value: Option<f64>, what: &str) -> Result<Option<i32>, MomentoError> {
    match value {
        None => Ok(None),
        Some(v) if v.fract() == 0.0 && v >= f64::from(i32::MIN) && v <= f64::from(i32::MAX) => {
            Ok(Some(v as i32))
        }
        Some(_) => Err(MomentoError::invalid_argument(format!(
            "{what} must be an integer"
        ))),
    }
}

/// A `truncate*ToSize` option: `None` and 0 mean "no truncation" (sent as 0, the proto's unset value, as the
/// official SDKs do); otherwise a positive integer that fits the `uint32` field.
pub(crate) fn truncate_size(value: Option<f64>, what: &str) -> Result<u32, MomentoError> {
    match value {
        None => Ok(0),
        Some(v) if v.fract() == 0.0 && v >= 0.0 && v <= f64::from(u32::MAX) => Ok(v as u32),
        Some(_) => Err(MomentoError::invalid_argument(format!(
            "{what} must be a positive integer"
        ))),
    }
}

/// A validated `startIndex`/`endIndex` slice of `listFetch`/`listRetain` (start inclusive, end exclusive,
/// negative counts from the end; `None` = unbounded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slice {
    /// Inclusive start; `None` = from the first element.
    pub start: Option<i32>,
    /// Exclusive end; `None` = through the last element.
    pub end: Option<i32>,
}

impl Slice {
    /// Checks the indices as the official `validateListSliceStartEnd` does: only when both are given and the
    /// order can be judged without the list's length (start ≤ 0 ≤ end), end must be larger than start.
    ///
    /// An index of 0 is then sent as unbounded, as every official JS SDK does (`if (start) … else unbounded`):
    /// harmless for the start, and for the end it means `endIndex: 0` reads "through the last element" rather
    /// than an empty slice. Kept for drop-in parity with `@gomomento/sdk-web`.
    pub fn new(start: Option<f64>, end: Option<f64>) -> Result<Self, MomentoError> {
        let start = opt_i32(start, "startIndex")?;
        let end = opt_i32(end, "endIndex")?;
        if let (Some(s), Some(e)) = (start, end) {
            if s <= 0 && e >= 0 && e <= s {
                return Err(MomentoError::invalid_argument(
                    "endIndex (exclusive) must be larger than startIndex (inclusive)",
                ));
            }
        }
        Ok(Self {
            start: start.filter(|&i| i != 0),
            end: end.filter(|&i| i != 0),
        })
    }
}

/// A [`Slice`] as the `(start_index, end_index)` oneofs of the request message whose module is `$module`
/// (`list_fetch_request`, `list_retain_request`: each has its own `StartIndex`/`EndIndex`); `None` = unbounded.
macro_rules! slice_bounds {
    ($slice:expr, $module:ident) => {{
        use momento_proto::cache_client::$module::{EndIndex, StartIndex};
        use momento_proto::common::Unbounded;
        let slice: $crate::core::cache::list::Slice = $slice;
        (
            Some(match slice.start {
                Some(i) => StartIndex::InclusiveStart(i),
                None => StartIndex::UnboundedStart(Unbounded {}),
            }),
            Some(match slice.end {
                Some(i) => EndIndex::ExclusiveEnd(i),
                None => EndIndex::UnboundedEnd(Unbounded {}),
            }),
        )
    }};
}
use slice_bounds;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_follow_the_official_validator() {
        let bad = "endIndex (exclusive) must be larger than startIndex (inclusive)";
        assert_eq!(Slice::new(Some(0.0), Some(0.0)).unwrap_err().message, bad);
        assert_eq!(
            Slice::new(Some(-1.0), Some(-1.0)).unwrap(),
            Slice {
                start: Some(-1),
                end: Some(-1)
            }
        );
        assert_eq!(Slice::new(Some(-2.0), Some(-3.0)).unwrap().end, Some(-3));
        assert_eq!(Slice::new(Some(5.0), Some(2.0)).unwrap().start, Some(5));
        assert_eq!(Slice::new(Some(-1.0), Some(0.0)).unwrap().end, None);
        assert!(Slice::new(Some(0.0), Some(1.0)).is_ok());
        assert_eq!(
            Slice::new(None, None).unwrap(),
            Slice {
                start: None,
                end: None
            }
        );
        assert_eq!(
            Slice::new(Some(1.5), None).unwrap_err().message,
            "startIndex must be an integer"
        );
        assert_eq!(
            Slice::new(None, Some(3e10)).unwrap_err().message,
            "endIndex must be an integer"
        );
    }

    #[test]
    fn truncation_sizes() {
        assert_eq!(truncate_size(None, "t").unwrap(), 0);
        assert_eq!(truncate_size(Some(0.0), "t").unwrap(), 0);
        assert_eq!(truncate_size(Some(3.0), "t").unwrap(), 3);
        for bad in [-1.0, 2.5, f64::NAN, 5e9] {
            assert_eq!(
                truncate_size(Some(bad), "truncateBackToSize")
                    .unwrap_err()
                    .message,
                "truncateBackToSize must be a positive integer"
            );
        }
    }
}
