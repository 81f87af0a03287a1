//! `fetchByRank`: `/leaderboard.Leaderboard/GetByRank` → the elements at ranks `start..end` (end exclusive) in
//! the requested order; ranks past the end are simply absent. The service serves at most 8192 ranks at a time.

use momento_proto::leaderboard::{GetByRankRequest as Proto, RankRange};

use super::{to_u32, FetchResponse, Order};
use crate::core::collection::{validate, Leaderboard as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `fetchByRank` request.
#[derive(Debug)]
pub struct FetchByRankRequest {
    cache: String,
    leaderboard: String,
    start: u32,
    end: u32,
    order: Order,
}

impl FetchByRankRequest {
    /// Validates the names and the rank range (non-negative, `start < end`).
    pub fn new(
        cache: String,
        leaderboard: String,
        start_rank: f64,
        end_rank: f64,
        order: Order,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &leaderboard)?;
        if start_rank.is_nan() || end_rank.is_nan() || start_rank < 0.0 || end_rank < 0.0 {
            return Err(MomentoError::invalid_argument("ranks must be positive"));
        }
        if start_rank >= end_rank {
            return Err(MomentoError::invalid_argument(
                "start rank must be less than end rank",
            ));
        }
        Ok(Self {
            cache,
            leaderboard,
            start: to_u32(start_rank),
            end: to_u32(end_rank),
            order,
        })
    }
}

unary! {
    FetchByRankRequest: Proto => FetchResponse, cache;
    |self| Proto {
        leaderboard: self.leaderboard,
        rank_range: Some(RankRange {
            start_inclusive: self.start,
            end_exclusive: self.end,
        }),
        order: self.order.into_proto(),
    };
    |reply| Ok(FetchResponse::from_elements(reply.elements))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    fn req(start: f64, end: f64) -> Result<FetchByRankRequest, MomentoError> {
        FetchByRankRequest::new("c".into(), "lb".into(), start, end, Order::Descending)
    }

    #[test]
    fn validates_ranks() {
        assert_eq!(
            req(-1.0, 3.0).unwrap_err().message,
            "ranks must be positive"
        );
        assert_eq!(
            req(5.0, 3.0).unwrap_err().message,
            "start rank must be less than end rank"
        );
        assert_eq!(
            req(2.0, 2.0).unwrap_err().message,
            "start rank must be less than end rank"
        );
        let p = req(0.0, 2.0).unwrap().into_proto();
        assert_eq!(
            p.rank_range,
            Some(RankRange {
                start_inclusive: 0,
                end_exclusive: 2
            })
        );
        assert_eq!(p.order, 1);
        assert_eq!(p.leaderboard, "lb");
    }
}
