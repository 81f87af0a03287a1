//! `sortedSetFetchByRank` / `sortedSetFetchByScore`: `/cache_client.Scs/SortedSetFetch` (`by_index` /
//! `by_score`, always with scores) → Hit with `(value, score)` elements in the requested order, or Miss when the
//! sorted set does not exist.

use momento_proto::cache_client::{
    sorted_set_fetch_request::{
        by_index::{End, Start},
        by_score::{Max, Min, Score},
        ByIndex, ByScore, Range,
    },
    sorted_set_fetch_response::{found::Elements, SortedSet},
    SortedSetFetchRequest as Proto,
};
use momento_proto::common::Unbounded;

use super::{check_scores, SortedSetOrder};
use crate::core::cache::list::opt_i32;
use crate::core::collection::{validate, SortedSet as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `sortedSetFetchByRank` or `sortedSetFetchByScore` request.
#[derive(Debug)]
pub struct SortedSetFetchRequest {
    cache: String,
    set: String,
    order: SortedSetOrder,
    range: Range,
}

impl SortedSetFetchRequest {
    /// `sortedSetFetchByRank`: ranks `start_rank` (inclusive, default 0) to `end_rank` (exclusive, default the
    /// end); negative ranks count from the end. Checked as the official `validateSortedSetRanks` does.
    ///
    /// Rank 0 is sent as unbounded, as every official JS SDK does (`if (endRank) … else unbounded`): for the
    /// end this means `endRank: 0` reads "through the last element". Kept for drop-in parity.
    pub fn by_rank(
        cache: String,
        set: String,
        start_rank: Option<f64>,
        end_rank: Option<f64>,
        order: SortedSetOrder,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        let start = opt_i32(start_rank, "startRank")?.unwrap_or(0);
        let end = opt_i32(end_rank, "endRank")?;
        if let Some(end) = end {
            if start > 0 && end > 0 && start > end {
                return Err(MomentoError::invalid_argument(
                    "start rank must be less than end rank",
                ));
            }
            if start < 0 && end < 0 && start >= end {
                return Err(MomentoError::invalid_argument(
                    "negative start rank must be less than negative end rank",
                ));
            }
        }
        let range = Range::ByIndex(ByIndex {
            start: Some(match start {
                0 => Start::UnboundedStart(Unbounded {}),
                i => Start::InclusiveStartIndex(i),
            }),
            end: Some(match end {
                None | Some(0) => End::UnboundedEnd(Unbounded {}),
                Some(i) => End::ExclusiveEndIndex(i),
            }),
        });
        Ok(Self {
            cache,
            set,
            order,
            range,
        })
    }

    /// `sortedSetFetchByScore`: scores from `min_score` to `max_score` (both inclusive, default unbounded), then
    /// `offset` elements skipped (default 0) and at most `count` returned (default all, sent as -1).
    pub fn by_score(
        cache: String,
        set: String,
        min_score: Option<f64>,
        max_score: Option<f64>,
        order: SortedSetOrder,
        offset: Option<f64>,
        count: Option<f64>,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &set)?;
        check_scores(min_score, max_score)?;
        let offset = match offset {
            None => 0,
            Some(o) if o < 0.0 => {
                return Err(MomentoError::invalid_argument(
                    "offset must be non-negative (>= 0)",
                ))
            }
            Some(o) if o.fract() == 0.0 && o <= f64::from(u32::MAX) => o as u32,
            Some(_) => return Err(MomentoError::invalid_argument("offset must be an integer")),
        };
        let count = match count {
            None => -1,
            Some(c) if c < 1.0 => {
                return Err(MomentoError::invalid_argument(
                    "count must be strictly positive (> 0)",
                ))
            }
            Some(c) if c.fract() == 0.0 && c <= f64::from(i32::MAX) => c as i32,
            Some(_) => return Err(MomentoError::invalid_argument("count must be an integer")),
        };
        let bound = |score| Score {
            score,
            exclusive: false,
        };
        let range = Range::ByScore(ByScore {
            offset,
            count,
            min: Some(match min_score {
                Some(s) => Min::MinScore(bound(s)),
                None => Min::UnboundedMin(Unbounded {}),
            }),
            max: Some(match max_score {
                Some(s) => Max::MaxScore(bound(s)),
                None => Max::UnboundedMax(Unbounded {}),
            }),
        });
        Ok(Self {
            cache,
            set,
            order,
            range,
        })
    }
}

/// The result of `sortedSetFetchByRank` / `sortedSetFetchByScore`.
#[derive(Debug, Clone, PartialEq)]
pub enum SortedSetFetchResponse {
    /// The sorted set exists; the selected elements in the requested order (possibly none).
    Hit {
        /// `(value, score)` pairs.
        elements: Vec<(Vec<u8>, f64)>,
    },
    /// The sorted set does not exist.
    Miss,
}

unary! {
    SortedSetFetchRequest: Proto => SortedSetFetchResponse, cache;
    |self| Proto {
        set_name: self.set.into_bytes(),
        order: self.order.proto(),
        with_scores: true,
        range: Some(self.range),
    };
    |reply| match reply.sorted_set {
        Some(SortedSet::Found(found)) => match found.elements {
            Some(Elements::ValuesWithScores(v)) => Ok(SortedSetFetchResponse::Hit {
                elements: v.elements.into_iter().map(|e| (e.value, e.score)).collect(),
            }),
            // Scores were requested; a reply without them is as unusable as it is to the official SDKs.
            _ => Err(MomentoError::unknown_service(
                "Unknown sorted set fetch hit response type",
            )),
        },
        Some(SortedSet::Missing(_)) => Ok(SortedSetFetchResponse::Miss),
        None => Err(MomentoError::unknown_service(
            "Unknown sorted set fetch response type",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::sorted_set_fetch_response::{
        found::ValuesWithScores, Found, Missing,
    };
    use momento_proto::cache_client::SortedSetElement;
    use momento_proto::cache_client::SortedSetFetchResponse as ProtoResponse;

    fn rank(start: Option<f64>, end: Option<f64>) -> Result<Proto, MomentoError> {
        SortedSetFetchRequest::by_rank(
            "c".into(),
            "z".into(),
            start,
            end,
            SortedSetOrder::Descending,
        )
        .map(UnaryRpc::into_proto)
    }

    fn score(
        min: Option<f64>,
        max: Option<f64>,
        offset: Option<f64>,
        count: Option<f64>,
    ) -> Result<Proto, MomentoError> {
        SortedSetFetchRequest::by_score(
            "c".into(),
            "z".into(),
            min,
            max,
            SortedSetOrder::Ascending,
            offset,
            count,
        )
        .map(UnaryRpc::into_proto)
    }

    #[test]
    fn by_rank_encodes_indices_and_order() {
        let p = rank(None, None).unwrap();
        assert_eq!(
            (p.set_name.as_slice(), p.order, p.with_scores),
            (&b"z"[..], 1, true)
        );
        assert_eq!(
            p.range,
            Some(Range::ByIndex(ByIndex {
                start: Some(Start::UnboundedStart(Unbounded {})),
                end: Some(End::UnboundedEnd(Unbounded {})),
            }))
        );
        assert_eq!(
            rank(Some(-3.0), Some(-1.0)).unwrap().range,
            Some(Range::ByIndex(ByIndex {
                start: Some(Start::InclusiveStartIndex(-3)),
                end: Some(End::ExclusiveEndIndex(-1)),
            }))
        );
    }

    #[test]
    fn by_rank_validates_like_the_official_sdk() {
        assert_eq!(
            rank(Some(5.0), Some(2.0)).unwrap_err().message,
            "start rank must be less than end rank"
        );
        assert!(
            rank(Some(2.0), Some(2.0)).is_ok(),
            "equal positive ranks pass (empty result)"
        );
        assert_eq!(
            rank(Some(-1.0), Some(-3.0)).unwrap_err().message,
            "negative start rank must be less than negative end rank"
        );
        assert!(rank(Some(-1.0), Some(-1.0)).is_err());
        assert!(rank(Some(1.0), Some(-1.0)).is_ok());
        assert_eq!(
            rank(Some(0.5), None).unwrap_err().message,
            "startRank must be an integer"
        );
        let e = SortedSetFetchRequest::by_rank(
            "c".into(),
            "".into(),
            None,
            None,
            SortedSetOrder::Ascending,
        );
        assert_eq!(e.unwrap_err().message, "sorted set name must not be empty");
    }

    #[test]
    fn by_score_defaults_to_everything() {
        let p = score(None, None, None, None).unwrap();
        assert_eq!(p.order, 0);
        assert_eq!(
            p.range,
            Some(Range::ByScore(ByScore {
                offset: 0,
                count: -1,
                min: Some(Min::UnboundedMin(Unbounded {})),
                max: Some(Max::UnboundedMax(Unbounded {})),
            }))
        );
        let p = score(Some(1.0), Some(2.5), Some(1.0), Some(2.0)).unwrap();
        assert_eq!(
            p.range,
            Some(Range::ByScore(ByScore {
                offset: 1,
                count: 2,
                min: Some(Min::MinScore(Score {
                    score: 1.0,
                    exclusive: false
                })),
                max: Some(Max::MaxScore(Score {
                    score: 2.5,
                    exclusive: false
                })),
            }))
        );
    }

    #[test]
    fn by_score_validates_like_the_official_sdk() {
        let msg = |r: Result<Proto, MomentoError>| r.unwrap_err().message;
        assert_eq!(
            msg(score(Some(3.0), Some(1.0), None, None)),
            "minScore must be less than or equal to maxScore"
        );
        assert_eq!(
            msg(score(None, None, Some(-1.0), None)),
            "offset must be non-negative (>= 0)"
        );
        assert_eq!(
            msg(score(None, None, None, Some(0.0))),
            "count must be strictly positive (> 0)"
        );
        assert_eq!(
            msg(score(None, None, None, Some(-5.0))),
            "count must be strictly positive (> 0)"
        );
        assert_eq!(
            msg(score(None, None, Some(1.5), None)),
            "offset must be an integer"
        );
        assert!(score(Some(1.0), Some(1.0), Some(0.0), Some(1.0)).is_ok());
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            sorted_set: Some(SortedSet::Found(Found {
                elements: Some(Elements::ValuesWithScores(ValuesWithScores {
                    elements: vec![SortedSetElement {
                        value: b"a".to_vec(),
                        score: 1.0,
                    }],
                })),
            })),
        };
        assert_reply::<SortedSetFetchRequest>(
            found,
            SortedSetFetchResponse::Hit {
                elements: vec![(b"a".to_vec(), 1.0)],
            },
        );
        let missing = ProtoResponse {
            sorted_set: Some(SortedSet::Missing(Missing {})),
        };
        assert_reply::<SortedSetFetchRequest>(missing, SortedSetFetchResponse::Miss);
        let no_scores = ProtoResponse {
            sorted_set: Some(SortedSet::Found(Found { elements: None })),
        };
        assert!(SortedSetFetchRequest::from_proto(no_scores).is_err());
        assert!(SortedSetFetchRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
