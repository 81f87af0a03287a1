//! `setSample` and `setPop`, a row each: `/cache_client.Scs/SetSample` → up to `limit` distinct random elements,
//! `/cache_client.Scs/SetPop` → up to `count` random elements, removed from the set (never retried: repeating it
//! would remove more); either as [`SetElementsResponse`], Miss when the set does not exist.

use momento_proto::cache_client as pb;

use super::SetElementsResponse;
use crate::core::collection::{validate, Set as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, ProtoReply, UnaryRpc};
use crate::core::validation::MAX_SAFE_INTEGER;

/// Checks a number of elements: at least `min` (else `below`), then a whole number no larger than `max` (else
/// `not_whole`; NaN and infinities too).
fn whole(
    n: f64,
    min: f64,
    max: f64,
    below: &'static str,
    not_whole: &'static str,
) -> Result<f64, MomentoError> {
    if n < min {
        return Err(MomentoError::invalid_argument(below));
    }
    if !n.is_finite() || n.fract() != 0.0 || n > max {
        return Err(MomentoError::invalid_argument(not_whole));
    }
    Ok(n)
}

/// Defines the RPCs, a row each: `Request { field: wire type, min, max, "below min", "not whole" } => module::Oneof,
/// "Rpc"` (the proto messages are `cache_client::<Request>` and its reply).
macro_rules! draws {
    ($($(#[$doc:meta])* $request:ident { $n:ident: $ty:ty, $min:expr, $max:expr, $below:literal, $not_whole:literal } => $module:ident::$oneof:ident, $rpc:literal;)+) => {$(
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $request {
            cache: String,
            set: Vec<u8>,
            $n: $ty,
        }

        impl $request {
            /// Validates the names, then the number (see the row).
            pub fn new(cache: String, set: String, $n: f64) -> Result<Self, MomentoError> {
                validate::<Family>(&cache, &set)?;
                let $n = whole($n, $min, $max, $below, $not_whole)? as $ty;
                Ok(Self { cache, set: set.into_bytes(), $n })
            }
        }

        call!($request: pb::$request => SetElementsResponse, cache);

        impl UnaryRpc for $request {
            fn into_proto(self) -> pb::$request {
                pb::$request { set_name: self.set, $n: self.$n }
            }

            fn from_proto(reply: ProtoReply<Self>) -> Result<SetElementsResponse, MomentoError> {
                let hit = |found: pb::$module::Found| Ok(SetElementsResponse::Hit { elements: found.elements });
                found_or_missing!(reply.set, pb::$module::$oneof, $rpc, |found| hit(found), Ok(SetElementsResponse::Miss))
            }
        }
    )+};
}

draws! {
    /// A validated `setSample` request: `limit` is an integer >= 0, as in the official SDK (0 samples nothing).
    SetSampleRequest { limit: u64, 0.0, MAX_SAFE_INTEGER, "limit must be non-negative (>= 0)", "limit must be a non-negative safe integer" } => set_sample_response::Set, "SetSample";
    /// A validated `setPop` request: `count` is an integer from 1 to 2^32 - 1 (the wire field is a uint32).
    SetPopRequest { count: u32, 1.0, f64::from(u32::MAX), "count must be positive (> 0)", "count must be a positive integer no larger than 4294967295" } => set_pop_response::Set, "SetPop";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;

    /// Per RPC: the texts of numbers below the minimum and of ones not whole (or too large), a valid number and how
    /// it is sent, the reply module; each maps Found, Missing and no result.
    macro_rules! check {
        ($($request:ident { $n:ident: $below:expr, $not_whole:expr, $ok:literal } => $module:ident;)+) => {$({
            use pb::$module::{Found, Missing, Set};
            let msg = |n: f64| $request::new("c".into(), "s".into(), n).unwrap_err().message;
            for (bad, text) in $below.into_iter().chain($not_whole) {
                assert_eq!(msg(bad), text, "{} {}", stringify!($request), bad);
            }
            let p = $request::new("c".into(), "s".into(), $ok).unwrap().into_proto();
            assert_eq!((p.set_name, p.$n), (b"s".to_vec(), $ok as _));
            let empty = $request::new("c".into(), "".into(), -1.0).unwrap_err().message;
            assert_eq!(empty, "set name must not be empty");
            let elements = vec![b"x".to_vec(), b"y".to_vec()];
            let found = ProtoReply::<$request> { set: Some(Set::Found(Found { elements: elements.clone() })) };
            assert_reply::<$request>(found, SetElementsResponse::Hit { elements });
            let missing = ProtoReply::<$request> { set: Some(Set::Missing(Missing {})) };
            assert_reply::<$request>(missing, SetElementsResponse::Miss);
            assert!($request::from_proto(Default::default()).is_err());
        })+};
    }

    #[test]
    fn validates_encodes_and_maps_results() {
        let (sample_below, sample_not_whole) = (
            "limit must be non-negative (>= 0)",
            "limit must be a non-negative safe integer",
        );
        let (pop_below, pop_not_whole) = (
            "count must be positive (> 0)",
            "count must be a positive integer no larger than 4294967295",
        );
        check! {
            SetSampleRequest { limit: [(-1.0, sample_below)], [0.5, f64::NAN, f64::INFINITY, 1e16].map(|n| (n, sample_not_whole)), 5.0 } => set_sample_response;
            SetPopRequest { count: [0.0, -3.0, 0.5].map(|n| (n, pop_below)), [1.5, f64::NAN, f64::INFINITY, 4_294_967_296.0].map(|n| (n, pop_not_whole)), 2.0 } => set_pop_response;
        }
        assert_eq!(
            SetSampleRequest::new("c".into(), "s".into(), 0.0)
                .unwrap()
                .into_proto()
                .limit,
            0
        );
    }
}
