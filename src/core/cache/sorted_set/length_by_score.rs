//! `sortedSetLengthByScore`: `/cache_client.Scs/SortedSetLengthByScore` counts the elements scored between
//! `minScore` and `maxScore` (both inclusive, default unbounded) → Hit with the count, or Miss.

use momento_proto::cache_client::{
    sorted_set_length_by_score_request::{Max, Min},
    sorted_set_length_by_score_response::SortedSet,
    SortedSetLengthByScoreRequest as Proto, SortedSetLengthByScoreResponse as ProtoResponse,
};
use momento_proto::common::Unbounded;

use super::check_scores;
use crate::core::collection::{validate, SortedSet as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `sortedSetLengthByScore` request.
#[derive(Debug)]
pub struct SortedSetLengthByScoreRequest {
    cache: String,
    set: String,
    min_score: Option<f64>,
    max_score: Option<f64>,
}

impl SortedSetLengthByScoreRequest {
    /// Validates the names and the score range (`minScore` ≤ `maxScore` when both are given).
    pub fn new(
        cache: String,
        set: String,
        min_score: Option<f64>,
        max_score: Option<f64>,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        check_scores(min_score, max_score)?;
        Ok(Self {
            cache,
            set,
            min_score,
            max_score,
        })
    }
}

/// The result of `sortedSetLengthByScore`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortedSetLengthByScoreResponse {
    /// Elements are scored in the range.
    Hit {
        /// How many.
        length: u32,
    },
    /// The sorted set does not exist, or (as in both official JS SDKs) no element is scored in the range.
    Miss,
}

call!(SortedSetLengthByScoreRequest: Proto => SortedSetLengthByScoreResponse, cache);

impl UnaryRpc for SortedSetLengthByScoreRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.set.into_bytes(),
            min: Some(match self.min_score {
                Some(s) => Min::InclusiveMin(s),
                None => Min::UnboundedMin(Unbounded {}),
            }),
            max: Some(match self.max_score {
                Some(s) => Max::InclusiveMax(s),
                None => Max::UnboundedMax(Unbounded {}),
            }),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SortedSetLengthByScoreResponse, MomentoError> {
        match reply.sorted_set {
            Some(SortedSet::Found(found)) if found.length > 0 => {
                Ok(SortedSetLengthByScoreResponse::Hit {
                    length: found.length,
                })
            }
            Some(_) => Ok(SortedSetLengthByScoreResponse::Miss),
            None => Err(MomentoError::unknown_service(
                "SortedSetLengthByScore response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::sorted_set_length_by_score_response::{Found, Missing};

    #[test]
    fn encodes_inclusive_or_unbounded_bounds() {
        let p = SortedSetLengthByScoreRequest::new("c".into(), "z".into(), Some(1.0), None)
            .unwrap()
            .into_proto();
        assert_eq!(p.min, Some(Min::InclusiveMin(1.0)));
        assert_eq!(p.max, Some(Max::UnboundedMax(Unbounded {})));
        let e = SortedSetLengthByScoreRequest::new("c".into(), "z".into(), Some(2.0), Some(1.0));
        assert_eq!(
            e.unwrap_err().message,
            "minScore must be less than or equal to maxScore"
        );
    }

    #[test]
    fn maps_results() {
        let found = |length| ProtoResponse {
            sorted_set: Some(SortedSet::Found(Found { length })),
        };
        assert_eq!(
            SortedSetLengthByScoreRequest::from_proto(found(3)).unwrap(),
            SortedSetLengthByScoreResponse::Hit { length: 3 }
        );
        assert_eq!(
            SortedSetLengthByScoreRequest::from_proto(found(0)).unwrap(),
            SortedSetLengthByScoreResponse::Miss
        );
        let missing = ProtoResponse {
            sorted_set: Some(SortedSet::Missing(Missing {})),
        };
        assert_eq!(
            SortedSetLengthByScoreRequest::from_proto(missing).unwrap(),
            SortedSetLengthByScoreResponse::Miss
        );
        assert!(SortedSetLengthByScoreRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
