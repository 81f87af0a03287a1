//! The sorted-set data structure: distinct byte-string elements, each with an `f64` score,
//! ordered by score and then by element bytes (lexicographically), as Momento and Redis order
//! them.
//!
//! Two indexes are kept in step:
//! - `scores`: element → score, for O(1) score look-ups and membership;
//! - `order`: a `BTreeSet` of `(score, element)` pairs, for ordered iteration, score ranges
//!   (`O(log n + k)`) and ranks (`O(rank)`: the set has no order-statistics, which is fine for a
//!   local development server).
//!
//! Scores use [`f64::total_cmp`] as their order. Callers must not store NaN (the RPC layer
//! rejects it with `INVALID_ARGUMENT`); `-0.0` is stored as `0.0` so that the numeric and the
//! total order agree on every stored score.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::ops::Bound;

/// Bytes accounted per element for its score (an `f64`).
pub const SCORE_BYTES: usize = 8;

/// Bytes charged for `element` with its score.
fn element_cost(element: &[u8]) -> usize {
    super::item::element_bytes(element.len().saturating_add(SCORE_BYTES))
}

/// A score with a total order ([`f64::total_cmp`]).
#[derive(Debug, Clone, Copy)]
pub struct Score(pub f64);

impl Score {
    /// `value` as a score, `-0.0` stored as `0.0` ([`normalize`]).
    pub fn new(value: f64) -> Self {
        Self(normalize(value))
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// `-0.0` → `0.0` (other values unchanged), so equal numbers share one position in the order.
fn normalize(score: f64) -> f64 {
    if score == 0.0 {
        0.0
    } else {
        score
    }
}

/// The smallest `f64` greater than `x` in the total order (`x` must not be NaN or `+inf`).
///
/// `f64::next_up` would do, but it needs Rust 1.86 (the workspace supports 1.85). The total
/// order of `f64` is the order of the sign-magnitude bits mapped to two's complement, so the
/// successor is "+1" on that integer.
fn successor(x: f64) -> f64 {
    let bits = x.to_bits() as i64;
    // Same transform as `f64::total_cmp`: flip the magnitude bits of negative numbers.
    let key = bits ^ ((((bits >> 63) as u64) >> 1) as i64);
    let next = key.saturating_add(1);
    let back = next ^ ((((next >> 63) as u64) >> 1) as i64);
    f64::from_bits(back as u64)
}

/// Iterator over `(element, score)` pairs in ascending order; reverse it (`.rev()`) for
/// descending order.
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::collections::btree_set::Range<'a, (Score, Vec<u8>)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a [u8], f64);

    fn next(&mut self) -> Option<Self::Item> {
        self.0
            .next()
            .map(|(score, element)| (element.as_slice(), score.0))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0
            .next_back()
            .map(|(score, element)| (element.as_slice(), score.0))
    }
}

/// Distinct byte-string elements, each with a score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SortedSet {
    /// Element → score.
    scores: HashMap<Vec<u8>, f64>,
    /// `(score, element)` in ascending order.
    order: BTreeSet<(Score, Vec<u8>)>,
    /// [`crate::store::element_bytes`] of every element with its score ([`SCORE_BYTES`]).
    bytes: usize,
}

impl SortedSet {
    /// An empty sorted set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether the set has no elements.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// Approximate bytes: [`crate::store::element_bytes`] of every element's length plus
    /// [`SCORE_BYTES`].
    pub fn size_bytes(&self) -> usize {
        self.bytes
    }

    /// Bytes [`SortedSet::size_bytes`] would grow by if `element` were inserted (0 when present).
    pub fn added_bytes(&self, element: &[u8]) -> usize {
        if self.scores.contains_key(element) {
            0
        } else {
            element_cost(element)
        }
    }

    /// The score of `element`.
    pub fn score(&self, element: &[u8]) -> Option<f64> {
        self.scores.get(element).copied()
    }

    /// Inserts `element` with `score` (replacing its previous score, which is returned).
    /// `score` must not be NaN.
    pub fn insert(&mut self, element: Vec<u8>, score: f64) -> Option<f64> {
        let score = normalize(score);
        let previous = self.scores.insert(element.clone(), score);
        match previous {
            Some(old) => {
                self.order.remove(&(Score(old), element.clone()));
            }
            None => {
                self.bytes = self.bytes.saturating_add(element_cost(&element));
            }
        }
        self.order.insert((Score(score), element));
        previous
    }

    /// Removes `element`, returning its score.
    pub fn remove(&mut self, element: &[u8]) -> Option<f64> {
        let (element, score) = self.scores.remove_entry(element)?;
        self.bytes = self.bytes.saturating_sub(element_cost(&element));
        self.order.remove(&(Score(score), element));
        Some(score)
    }

    /// Zero-based rank of `element` in ascending order (lowest score first).
    pub fn rank(&self, element: &[u8]) -> Option<usize> {
        let score = self.score(element)?;
        Some(self.order.range(..(Score(score), element.to_vec())).count())
    }

    /// Every element in ascending order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.order.range::<(Score, Vec<u8>), _>(..))
    }

    /// The elements whose score lies within `min`..`max` (either bound may be inclusive,
    /// exclusive or unbounded), in ascending order. NaN bounds must be rejected by the caller;
    /// an inverted range yields nothing.
    pub fn range_by_score(&self, min: Bound<f64>, max: Bound<f64>) -> Iter<'_> {
        // Turn both bounds into `[lower, upper)` on `(score, element)` keys, where an empty
        // element is the smallest key of its score.
        let lower = match min {
            Bound::Unbounded => None,
            Bound::Included(m) => Some(normalize(m)),
            Bound::Excluded(m) if m == f64::INFINITY => return self.empty(),
            Bound::Excluded(m) => Some(successor(normalize(m))),
        };
        let upper = match max {
            Bound::Unbounded => None,
            Bound::Included(m) if m == f64::INFINITY => None,
            Bound::Included(m) => Some(successor(normalize(m))),
            Bound::Excluded(m) => Some(normalize(m)),
        };
        if let (Some(lo), Some(hi)) = (lower, upper) {
            // `BTreeSet::range` panics on start > end.
            if Score(lo) > Score(hi) {
                return self.empty();
            }
        }
        let key = |score: f64| (Score(score), Vec::new());
        let start = lower.map_or(Bound::Unbounded, |lo| Bound::Included(key(lo)));
        let end = upper.map_or(Bound::Unbounded, |hi| Bound::Excluded(key(hi)));
        Iter(self.order.range((start, end)))
    }

    /// An empty iterator of the same type as [`SortedSet::iter`].
    fn empty(&self) -> Iter<'_> {
        let key = (Score(0.0), Vec::new());
        Iter(
            self.order
                .range((Bound::Included(key.clone()), Bound::Excluded(key))),
        )
    }
}

impl FromIterator<(Vec<u8>, f64)> for SortedSet {
    fn from_iter<I: IntoIterator<Item = (Vec<u8>, f64)>>(iter: I) -> Self {
        let mut set = Self::new();
        for (element, score) in iter {
            set.insert(element, score);
        }
        set
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn set(pairs: &[(&str, f64)]) -> SortedSet {
        pairs
            .iter()
            .map(|(e, s)| (e.as_bytes().to_vec(), *s))
            .collect()
    }

    fn names<'a>(iter: impl Iterator<Item = (&'a [u8], f64)>) -> Vec<String> {
        iter.map(|(e, _)| String::from_utf8(e.to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn order_ties_and_ranks() {
        let mut s = set(&[("b", 1.0), ("a", 1.0), ("c", 0.5), ("d", 2.0)]);
        assert_eq!(names(s.iter()), ["c", "a", "b", "d"]);
        assert_eq!(s.rank(b"a"), Some(1));
        assert_eq!(s.rank(b"d"), Some(3));
        assert_eq!(s.rank(b"x"), None);
        assert_eq!(s.insert(b"d".to_vec(), -1.0), Some(2.0));
        assert_eq!(names(s.iter()), ["d", "c", "a", "b"]);
        assert_eq!(s.len(), 4);
        assert_eq!(s.size_bytes(), 4 * element_cost(b"a"));
        assert_eq!(s.remove(b"c"), Some(0.5));
        assert_eq!(s.remove(b"c"), None);
        assert_eq!(s.size_bytes(), 3 * element_cost(b"a"));
        assert_eq!(names(s.iter().rev()), ["b", "a", "d"]);
    }

    #[test]
    fn score_ranges() {
        let s = set(&[
            ("a", -0.0),
            ("b", 1.0),
            ("c", 1.0),
            ("d", 2.5),
            ("e", f64::INFINITY),
        ]);
        use Bound::*;
        let r = |lo, hi| names(s.range_by_score(lo, hi));
        assert_eq!(r(Included(1.0), Included(2.5)), ["b", "c", "d"]);
        assert_eq!(r(Excluded(1.0), Included(2.5)), ["d"]);
        assert_eq!(r(Included(1.0), Excluded(2.5)), ["b", "c"]);
        assert_eq!(r(Excluded(-0.0), Unbounded), ["b", "c", "d", "e"]);
        assert_eq!(r(Included(-0.0), Included(0.0)), ["a"]);
        assert_eq!(r(Unbounded, Excluded(0.0)), Vec::<String>::new());
        assert_eq!(r(Included(3.0), Included(1.0)), Vec::<String>::new());
        assert_eq!(r(Excluded(1.0), Excluded(1.0)), Vec::<String>::new());
        assert_eq!(r(Included(1.0), Excluded(1.0)), Vec::<String>::new());
        assert_eq!(r(Excluded(f64::INFINITY), Unbounded), Vec::<String>::new());
        assert_eq!(r(Included(f64::INFINITY), Included(f64::INFINITY)), ["e"]);
        assert_eq!(r(Unbounded, Unbounded).len(), 5);
        assert_eq!(
            names(s.range_by_score(Included(1.0), Unbounded).rev()),
            ["e", "d", "c", "b"]
        );
    }

    #[test]
    fn successor_steps_through_signs() {
        assert!(successor(-f64::MIN_POSITIVE) < 0.0);
        assert_eq!(successor(0.0), f64::from_bits(1));
        assert_eq!(successor(-f64::from_bits(1)).to_bits(), (-0.0f64).to_bits());
        assert_eq!(successor(f64::NEG_INFINITY), f64::MIN);
        assert_eq!(successor(f64::MAX), f64::INFINITY);
    }
}
