//! The sorted-set data structure (elements with f64 scores, ordered by score then bytes).
//!
//! Placeholder shape for issue #4: the sorted-set RPCs replace it with an indexed structure.

use std::collections::HashMap;

/// Distinct byte-string elements, each with a score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SortedSet {
    /// Element → score.
    pub scores: HashMap<Vec<u8>, f64>,
}
