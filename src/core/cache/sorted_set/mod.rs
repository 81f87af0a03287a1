//! Sorted-set RPCs of `cache_client.Scs`, one file each (`sortedSetRemoveElement(s)` and `sortedSetLength` are rows
//! of [`crate::core::cache::remove`] and [`crate::core::cache::length`]), plus what they share: the fetch/rank order and the
//! official score-range check. Elements are byte strings with an `f64` score; ties are ordered by the element
//! bytes (service-side).

pub mod fetch;
pub mod get_rank;
pub mod get_score;
pub mod increment_score;
pub mod length_by_score;
pub mod put;
pub mod union_store;

use crate::core::error::MomentoError;

/// The order of `sortedSetFetchByRank`/`ByScore` results and of `sortedSetGetRank` ranks (JS `SortedSetOrder`:
/// `'ASC'` / `'DESC'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortedSetOrder {
    /// Lowest score first (rank 0 = lowest); the default.
    #[default]
    Ascending,
    /// Highest score first (rank 0 = highest).
    Descending,
}

impl SortedSetOrder {
    /// The proto enum value (`ASCENDING = 0`, `DESCENDING = 1`, the same in every sorted-set message).
    pub fn proto(self) -> i32 {
        match self {
            Self::Ascending => 0,
            Self::Descending => 1,
        }
    }
}

/// The official `validateSortedSetScores`: when both bounds are given, `minScore` must not exceed `maxScore`.
pub(crate) fn check_scores(min: Option<f64>, max: Option<f64>) -> Result<(), MomentoError> {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            return Err(MomentoError::invalid_argument(
                "minScore must be less than or equal to maxScore",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_ranges() {
        assert!(check_scores(None, Some(1.0)).is_ok());
        assert!(check_scores(Some(1.0), Some(1.0)).is_ok());
        assert_eq!(
            check_scores(Some(2.0), Some(1.0)).unwrap_err().message,
            "minScore must be less than or equal to maxScore"
        );
        assert_eq!(SortedSetOrder::default().proto(), 0);
        assert_eq!(SortedSetOrder::Descending.proto(), 1);
    }
}
