//! `setSample`: `/cache_client.Scs/SetSample` → up to `limit` distinct random elements, or Miss.

use momento_proto::cache_client::{
    set_sample_response::Set, SetSampleRequest as Proto, SetSampleResponse as ProtoResponse,
};

use super::SetElementsResponse;
use crate::core::collection::{validate, Set as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A validated `setSample` request.
#[derive(Debug)]
pub struct SetSampleRequest {
    cache: String,
    set: Vec<u8>,
    limit: u64,
}

impl SetSampleRequest {
    /// Validates the names and `limit`: an integer >= 0, as in the official SDK (0 samples nothing).
    pub fn new(cache: String, set: String, limit: f64) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        let set = set.into_bytes();
        if limit < 0.0 {
            return Err(MomentoError::invalid_argument(
                "limit must be non-negative (>= 0)",
            ));
        }
        if !limit.is_finite() || limit.fract() != 0.0 || limit > MAX_SAFE_INTEGER {
            return Err(MomentoError::invalid_argument(
                "limit must be a non-negative safe integer",
            ));
        }
        Ok(Self {
            cache,
            set,
            limit: limit as u64,
        })
    }
}

call!(SetSampleRequest: Proto => SetElementsResponse, cache);

impl UnaryRpc for SetSampleRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.set,
            limit: self.limit,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetElementsResponse, MomentoError> {
        found_or_missing!(
            reply.set,
            Set,
            "SetSample",
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
    use momento_proto::cache_client::set_sample_response::{Found, Missing};

    fn msg(limit: f64) -> String {
        SetSampleRequest::new("c".into(), "s".into(), limit)
            .unwrap_err()
            .message
    }

    #[test]
    fn validates_limit() {
        assert_eq!(msg(-1.0), "limit must be non-negative (>= 0)");
        for bad in [0.5, f64::NAN, f64::INFINITY, 1e16] {
            assert_eq!(msg(bad), "limit must be a non-negative safe integer");
        }
        assert_eq!(
            SetSampleRequest::new("c".into(), "s".into(), 0.0)
                .unwrap()
                .into_proto()
                .limit,
            0
        );
        let p = SetSampleRequest::new("c".into(), "s".into(), 5.0)
            .unwrap()
            .into_proto();
        assert_eq!((p.set_name, p.limit), (b"s".to_vec(), 5));
        assert_eq!(
            SetSampleRequest::new("c".into(), "".into(), -1.0)
                .unwrap_err()
                .message,
            "set name must not be empty"
        );
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            set: Some(Set::Found(Found {
                elements: vec![b"x".to_vec()],
            })),
        };
        assert_reply::<SetSampleRequest>(
            found,
            SetElementsResponse::Hit {
                elements: vec![b"x".to_vec()],
            },
        );
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_reply::<SetSampleRequest>(missing, SetElementsResponse::Miss);
        assert!(SetSampleRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
