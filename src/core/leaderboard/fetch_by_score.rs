//! `fetchByScore`: `/leaderboard.Leaderboard/GetByScore` → the elements with `minScore <= score < maxScore`
//! (each bound optional), in order, skipping `offset` (default 0) and returning at most `count` (default and
//! maximum 8192). Returned ranks are positions in the whole leaderboard.

use momento_proto::common::Unbounded;
use momento_proto::leaderboard::{score_range, GetByScoreRequest as Proto, ScoreRange};

use super::{to_u32, FetchResponse, Order, MAX_FETCH};
use crate::core::collection::{validate, Leaderboard as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `fetchByScore` request.
#[derive(Debug)]
pub struct FetchByScoreRequest {
    cache: String,
    leaderboard: String,
    min_score: Option<f64>,
    max_score: Option<f64>,
    order: Order,
    offset: u32,
    count: u32,
}

/// The options of `fetchByScore`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FetchByScoreOptions {
    /// Inclusive lower bound (`None` or -∞: unbounded).
    pub min_score: Option<f64>,
    /// Exclusive upper bound (`None` or +∞: unbounded).
    pub max_score: Option<f64>,
    /// Ranking order.
    pub order: Order,
    /// Matching elements to skip (default 0).
    pub offset: Option<f64>,
    /// Most elements to return (default 8192).
    pub count: Option<f64>,
}

impl FetchByScoreRequest {
    /// Validates as the official SDK does: scores, then offset, then count.
    pub fn new(
        cache: String,
        leaderboard: String,
        options: FetchByScoreOptions,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &leaderboard)?;
        let FetchByScoreOptions {
            min_score,
            max_score,
            order,
            offset,
            count,
        } = options;
        if let (Some(min), Some(max)) = (min_score, max_score) {
            if min > max {
                return Err(MomentoError::invalid_argument(
                    "minScore must be less than or equal to maxScore",
                ));
            }
        }
        let offset = offset.unwrap_or(0.0);
        if offset < 0.0 {
            return Err(MomentoError::invalid_argument(
                "offset must be non-negative (>= 0)",
            ));
        }
        let count = count.unwrap_or(f64::from(MAX_FETCH));
        if count < 1.0 {
            return Err(MomentoError::invalid_argument(
                "count must be strictly positive (> 0)",
            ));
        }
        Ok(Self {
            cache,
            leaderboard,
            min_score: min_score.filter(|m| *m != f64::NEG_INFINITY),
            max_score: max_score.filter(|m| *m != f64::INFINITY),
            order,
            offset: to_u32(offset),
            count: to_u32(count),
        })
    }
}

unary! {
    FetchByScoreRequest: Proto => FetchResponse, cache;
    |self| {
        let min = match self.min_score {
            Some(m) => score_range::Min::MinInclusive(m),
            None => score_range::Min::UnboundedMin(Unbounded {}),
        };
        let max = match self.max_score {
            Some(m) => score_range::Max::MaxExclusive(m),
            None => score_range::Max::UnboundedMax(Unbounded {}),
        };
        Proto {
            leaderboard: self.leaderboard,
            score_range: Some(ScoreRange {
                min: Some(min),
                max: Some(max),
            }),
            offset: self.offset,
            limit_elements: self.count,
            order: self.order.into_proto(),
        }
    };
    |reply| Ok(FetchResponse::from_elements(reply.elements))
}

#[cfg(test)]
mod tests {
    use crate::core::rpc::UnaryRpc;
    use momento_proto::leaderboard::GetByScoreResponse as ProtoResponse;
    use momento_proto::leaderboard::RankedElement as ProtoRanked;

    use super::super::RankedElement;
    use super::*;

    fn req(o: FetchByScoreOptions) -> Result<FetchByScoreRequest, MomentoError> {
        FetchByScoreRequest::new("c".into(), "lb".into(), o)
    }

    #[test]
    fn defaults_and_bounds() {
        let p = req(FetchByScoreOptions::default()).unwrap().into_proto();
        assert_eq!((p.offset, p.limit_elements, p.order), (0, 8192, 0));
        let range = p.score_range.unwrap();
        assert_eq!(
            range.min,
            Some(score_range::Min::UnboundedMin(Unbounded {}))
        );
        assert_eq!(
            range.max,
            Some(score_range::Max::UnboundedMax(Unbounded {}))
        );
        let p = req(FetchByScoreOptions {
            min_score: Some(15.0),
            max_score: Some(35.0),
            order: Order::Descending,
            offset: Some(1.0),
            count: Some(2.0),
        })
        .unwrap()
        .into_proto();
        assert_eq!((p.offset, p.limit_elements, p.order), (1, 2, 1));
        let range = p.score_range.unwrap();
        assert_eq!(range.min, Some(score_range::Min::MinInclusive(15.0)));
        assert_eq!(range.max, Some(score_range::Max::MaxExclusive(35.0)));
        let p = req(FetchByScoreOptions {
            min_score: Some(f64::NEG_INFINITY),
            max_score: Some(f64::INFINITY),
            ..Default::default()
        })
        .unwrap()
        .into_proto();
        assert_eq!(
            p.score_range.unwrap().min,
            Some(score_range::Min::UnboundedMin(Unbounded {}))
        );
    }

    #[test]
    fn validation_texts() {
        let msg = |o| req(o).unwrap_err().message;
        assert_eq!(
            msg(FetchByScoreOptions {
                min_score: Some(2.0),
                max_score: Some(1.0),
                ..Default::default()
            }),
            "minScore must be less than or equal to maxScore"
        );
        assert_eq!(
            msg(FetchByScoreOptions {
                offset: Some(-1.0),
                ..Default::default()
            }),
            "offset must be non-negative (>= 0)"
        );
        assert_eq!(
            msg(FetchByScoreOptions {
                count: Some(0.0),
                ..Default::default()
            }),
            "count must be strictly positive (> 0)"
        );
    }

    #[test]
    fn maps_elements() {
        let r = FetchByScoreRequest::from_proto(ProtoResponse {
            elements: vec![ProtoRanked {
                id: 3,
                rank: 2,
                score: 30.0,
            }],
        })
        .unwrap();
        assert_eq!(
            r,
            FetchResponse::Success {
                elements: vec![RankedElement {
                    id: 3,
                    score: 30.0,
                    rank: 2
                }]
            }
        );
    }
}
