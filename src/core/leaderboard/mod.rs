//! `leaderboard.Leaderboard` RPCs (`PreviewLeaderboardClient`), one file each, on the cache endpoint. The cache
//! name travels in the `cache` header, the leaderboard name in the body (field 2). Element ids are `uint32`,
//! scores `double`; ranks are 0-based in the requested order.
//!
//! Validation texts are the official SDK's: "leaderboard name must not be empty", "must provide at least one
//! element", "ranks must be positive", "start rank must be less than end rank", "offset must be non-negative
//! (>= 0)", "count must be strictly positive (> 0)". Leaderboard RPCs are not retried (the official eligibility
//! list has none of them).

pub mod delete;
pub mod fetch_by_rank;
pub mod fetch_by_score;
pub mod get_rank;
pub mod length;
pub mod remove_elements;
pub mod upsert;

use momento_proto::leaderboard::{Order as ProtoOrder, RankedElement as ProtoRankedElement};

use crate::core::error::MomentoError;

/// Most elements one fetch returns, and the default `count` of `fetchByScore`.
pub const MAX_FETCH: u32 = 8192;

/// Ranking order (`LeaderboardOrder`): ascending means rank 0 is the lowest score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Rank 0 is the lowest score (`LeaderboardOrder.Ascending`, `'ASC'`; the default).
    #[default]
    Ascending,
    /// Rank 0 is the highest score (`LeaderboardOrder.Descending`, `'DESC'`).
    Descending,
}

impl Order {
    /// Parses a `LeaderboardOrder` value: `None` → ascending, `'ASC'`, `'DESC'`.
    pub fn parse(order: Option<&str>) -> Result<Self, MomentoError> {
        match order {
            None | Some("ASC") => Ok(Self::Ascending),
            Some("DESC") => Ok(Self::Descending),
            Some(other) => Err(MomentoError::invalid_argument(format!(
                "order must be LeaderboardOrder.Ascending ('ASC') or LeaderboardOrder.Descending ('DESC'), \
                 received {other}"
            ))),
        }
    }

    fn into_proto(self) -> i32 {
        match self {
            Self::Ascending => ProtoOrder::Ascending as i32,
            Self::Descending => ProtoOrder::Descending as i32,
        }
    }
}

/// An element with its rank, as fetches and `getRank` return it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankedElement {
    /// The element id.
    pub id: u32,
    /// Its score.
    pub score: f64,
    /// Its 0-based rank in the requested order.
    pub rank: u32,
}

/// The result of `fetchByScore`, `fetchByRank` and `getRank` (`LeaderboardFetch`).
#[derive(Debug, Clone, PartialEq)]
pub enum FetchResponse {
    /// The matching elements, in order.
    Success {
        /// The elements.
        elements: Vec<RankedElement>,
    },
}

impl FetchResponse {
    fn from_elements(elements: Vec<ProtoRankedElement>) -> Self {
        Self::Success {
            elements: elements
                .into_iter()
                .map(|e| RankedElement {
                    id: e.id,
                    score: e.score,
                    rank: e.rank,
                })
                .collect(),
        }
    }
}

/// An element id: an integer from 0 to 2^32 - 1.
pub fn id(value: f64) -> Result<u32, MomentoError> {
    if value.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&value) {
        return Err(MomentoError::invalid_argument(format!(
            "leaderboard element ids must be integers from 0 to {}",
            u32::MAX
        )));
    }
    Ok(value as u32)
}

/// Element ids (see [`id`]).
pub fn ids(values: &[f64]) -> Result<Vec<u32>, MomentoError> {
    values.iter().map(|v| id(*v)).collect()
}

/// Fails with the official "must provide at least one element" when `len` is 0.
fn at_least_one(len: usize) -> Result<(), MomentoError> {
    if len == 0 {
        return Err(MomentoError::invalid_argument(
            "must provide at least one element",
        ));
    }
    Ok(())
}

/// A non-negative whole number for a `uint32` field (saturating; fractions are dropped).
fn to_u32(value: f64) -> u32 {
    value as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders() {
        assert_eq!(Order::parse(None).unwrap(), Order::Ascending);
        assert_eq!(Order::parse(Some("ASC")).unwrap(), Order::Ascending);
        assert_eq!(Order::parse(Some("DESC")).unwrap(), Order::Descending);
        assert!(Order::parse(Some("desc")).is_err());
        assert_eq!(Order::Descending.into_proto(), 1);
    }

    #[test]
    fn ids_and_counts() {
        assert_eq!(ids(&[0.0, 7.0, 4_294_967_295.0]).unwrap(), [0, 7, u32::MAX]);
        assert!(id(-1.0).is_err());
        assert!(id(1.5).is_err());
        assert!(id(f64::NAN).is_err());
        assert!(id(4_294_967_296.0).is_err());
        assert_eq!(
            at_least_one(0).unwrap_err().message,
            "must provide at least one element"
        );
        assert_eq!(to_u32(1e12), u32::MAX);
    }
}
