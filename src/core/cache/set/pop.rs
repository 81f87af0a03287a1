//! `setPop`: `/cache_client.Scs/SetPop` → up to `count` random elements, removed from the set, or Miss. Never
//! retried: repeating it would remove more.

use momento_proto::cache_client::{
    set_pop_response::Set, SetPopRequest as Proto, SetPopResponse as ProtoResponse,
};

use super::SetElementsResponse;
use crate::core::collection::{validate, Set as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};

/// A validated `setPop` request.
#[derive(Debug)]
pub struct SetPopRequest {
    cache: String,
    set: Vec<u8>,
    count: u32,
}

impl SetPopRequest {
    /// Validates the names and `count`: an integer from 1 to 2^32 - 1 (the wire field is a uint32).
    pub fn new(cache: String, set: String, count: f64) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        let set = set.into_bytes();
        if count < 1.0 {
            return Err(MomentoError::invalid_argument(
                "count must be positive (> 0)",
            ));
        }
        if !count.is_finite() || count.fract() != 0.0 || count > f64::from(u32::MAX) {
            return Err(MomentoError::invalid_argument(
                "count must be a positive integer no larger than 4294967295",
            ));
        }
        Ok(Self {
            cache,
            set,
            count: count as u32,
        })
    }
}

call!(SetPopRequest: Proto => SetElementsResponse, cache);

impl UnaryRpc for SetPopRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.set,
            count: self.count,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetElementsResponse, MomentoError> {
        found_or_missing!(
            reply.set,
            Set,
            "SetPop",
            |found| Ok(SetElementsResponse::Hit {
                elements: found.elements,
            }),
            Ok(SetElementsResponse::Miss)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use momento_proto::cache_client::set_pop_response::{Found, Missing};

    fn msg(count: f64) -> String {
        SetPopRequest::new("c".into(), "s".into(), count)
            .unwrap_err()
            .message
    }

    #[test]
    fn validates_count() {
        for bad in [0.0, -3.0, 0.5] {
            assert_eq!(msg(bad), "count must be positive (> 0)");
        }
        for bad in [1.5, f64::NAN, f64::INFINITY, 4_294_967_296.0] {
            assert_eq!(
                msg(bad),
                "count must be a positive integer no larger than 4294967295"
            );
        }
        let p = SetPopRequest::new("c".into(), "s".into(), 2.0)
            .unwrap()
            .into_proto();
        assert_eq!((p.set_name, p.count), (b"s".to_vec(), 2));
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            set: Some(Set::Found(Found {
                elements: vec![b"x".to_vec(), b"y".to_vec()],
            })),
        };
        assert_reply::<SetPopRequest>(
            found,
            SetElementsResponse::Hit {
                elements: vec![b"x".to_vec(), b"y".to_vec()],
            },
        );
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_reply::<SetPopRequest>(missing, SetElementsResponse::Miss);
        assert!(SetPopRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
