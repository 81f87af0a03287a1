//! Stored items.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

use sha2::{Digest as _, Sha256};

/// Far-future cap for expiry arithmetic (a TTL too large for `Instant` expires in ~100 years).
const MAX_TTL: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

pub use super::sorted_set::SortedSet;

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
