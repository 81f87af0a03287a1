//! Stored items.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

use sha2::{Digest as _, Sha256};

/// Far-future cap for expiry arithmetic (a TTL too large for `Instant` expires in ~100 years).
const MAX_TTL: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

pub use super::sorted_set::SortedSet;

/// Bytes accounted per collection element (dictionary field, set/list element, sorted-set
/// element) on top of its payload: an approximation of the container's own memory (the `Vec`
/// headers of the element and a hash-table or tree slot).
pub const ELEMENT_OVERHEAD_BYTES: usize = 48;

/// Bytes charged for one collection element of `payload` bytes (a dictionary field and its
/// value together, a set/list element, a sorted-set element with its score): the payload plus
/// [`ELEMENT_OVERHEAD_BYTES`]. The one definition used by the store's accounting and by the
/// item size checks of the collection RPCs, so that many empty elements are not free.
pub fn element_bytes(payload: usize) -> usize {
    payload.saturating_add(ELEMENT_OVERHEAD_BYTES)
}

/// [`element_bytes`] summed over `lengths`, saturating.
pub fn elements_size(lengths: impl Iterator<Item = usize>) -> usize {
    lengths.fold(0usize, |acc, len| acc.saturating_add(element_bytes(len)))
}

/// The data held at a key. An empty collection is never stored: removing the last element removes
/// the item, so "missing" and "empty" are the same to clients, as in Momento.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A plain byte string (`Get`/`Set`; counters are base-10 strings).
    Scalar(Vec<u8>),
    /// Field → value.
    Dictionary(HashMap<Vec<u8>, Vec<u8>>),
    /// Unordered distinct elements.
    Set(HashSet<Vec<u8>>),
    /// Ordered elements (duplicates allowed).
    List(VecDeque<Vec<u8>>),
    /// Distinct elements ordered by score.
    SortedSet(SortedSet),
}

impl Value {
    /// Approximate memory of the value in bytes: a scalar's length; for a collection,
    /// [`element_bytes`] of every field/value/element (a sorted set also counts 8 bytes per
    /// score, see [`SortedSet::size_bytes`]).
    ///
    /// O(1) for scalars and sorted sets (which keep a running count), O(elements) for
    /// dictionaries, sets and lists.
    pub fn size_bytes(&self) -> usize {
        match self {
            Self::Scalar(bytes) => bytes.len(),
            Self::Dictionary(map) => {
                elements_size(map.iter().map(|(f, v)| f.len().saturating_add(v.len())))
            }
            Self::Set(set) => elements_size(set.iter().map(Vec::len)),
            Self::List(list) => elements_size(list.iter().map(Vec::len)),
            Self::SortedSet(sorted) => sorted.size_bytes(),
        }
    }
}

/// A value with its expiry.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The data.
    pub value: Value,
    /// The instant from which the item is gone.
    pub expires_at: Instant,
}

impl Item {
    /// An item expiring `ttl_ms` milliseconds after `now`.
    pub fn new(value: Value, now: Instant, ttl_ms: u64) -> Self {
        Self {
            value,
            expires_at: expiry(now, ttl_ms),
        }
    }

    /// Approximate memory of the item's value in bytes ([`Value::size_bytes`]); the store adds
    /// the key and a fixed per-item overhead (see [`crate::store::ITEM_OVERHEAD_BYTES`]).
    pub fn size_bytes(&self) -> usize {
        self.value.size_bytes()
    }

    /// Whether the item has expired at `now`.
    pub fn is_expired(&self, now: Instant) -> bool {
        self.expires_at <= now
    }

    /// Remaining time to live at `now`, in whole milliseconds.
    pub fn remaining_ttl_ms(&self, now: Instant) -> u64 {
        let remaining = self.expires_at.saturating_duration_since(now);
        u64::try_from(remaining.as_millis()).unwrap_or(u64::MAX)
    }

    /// Sets the expiry to `ttl_ms` after `now`.
    pub fn set_ttl(&mut self, now: Instant, ttl_ms: u64) {
        self.expires_at = expiry(now, ttl_ms);
    }

    /// The scalar bytes, if this item is a scalar.
    pub fn as_scalar(&self) -> Option<&[u8]> {
        match &self.value {
            Value::Scalar(bytes) => Some(bytes),
            _ => None,
        }
    }
}

/// `now + ttl_ms`, capped far in the future instead of overflowing.
pub fn expiry(now: Instant, ttl_ms: u64) -> Instant {
    let ttl = Duration::from_millis(ttl_ms).min(MAX_TTL);
    now.checked_add(ttl)
        .or_else(|| now.checked_add(Duration::from_secs(24 * 60 * 60)))
        .unwrap_or(now)
}

/// The hash reported by `GetWithHash` and compared by `SetIfHash`: the 32-byte SHA-256 digest of
/// the value.
pub fn value_hash(value: &[u8]) -> Vec<u8> {
    Sha256::digest(value).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_bytes_covers_every_variant() {
        let now = Instant::now();
        let size = |value: Value| Item::new(value, now, 1000).size_bytes();
        assert_eq!(size(Value::Scalar(vec![0; 10])), 10);
        assert_eq!(
            size(Value::Dictionary(HashMap::from([
                (b"f1".to_vec(), b"abc".to_vec()),
                (b"f2".to_vec(), Vec::new()),
            ]))),
            5 + 2 + 2 * ELEMENT_OVERHEAD_BYTES
        );
        assert_eq!(
            size(Value::Set(HashSet::from([b"a".to_vec(), b"bb".to_vec()]))),
            3 + 2 * ELEMENT_OVERHEAD_BYTES
        );
        assert_eq!(
            size(Value::List(VecDeque::from([b"x".to_vec(), b"x".to_vec()]))),
            2 + 2 * ELEMENT_OVERHEAD_BYTES
        );
        let mut sorted = SortedSet::default();
        sorted.insert(b"abcd".to_vec(), 1.5);
        assert_eq!(size(Value::SortedSet(sorted.clone())), sorted.size_bytes());
        assert_eq!(sorted.size_bytes(), 4 + 8 + ELEMENT_OVERHEAD_BYTES);
    }
}
