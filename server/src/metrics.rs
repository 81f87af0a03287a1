//! Store metrics: memory use, item counts, evictions and expirations.
//!
//! [`crate::store::Store::metrics`] (also [`crate::RunningServer::metrics`]) takes a snapshot;
//! its `Display` form is the `key=value` list the server logs (e.g. in the `event=evicting`
//! line).

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// A snapshot of the store's counters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreMetrics {
    /// Approximate bytes of all stored items (live, plus expired ones not yet swept), as counted
    /// against the memory cap (see [`crate::store`]).
    pub used_bytes: u64,
    /// The memory cap in bytes (`0` = unlimited): the whole process's budget.
    pub max_memory_bytes: u64,
    /// The part of the cap left for stored items ([`crate::limits::Limits::store_budget`]):
    /// `used_bytes` stays at or below it (`0` = unlimited).
    pub store_budget_bytes: u64,
    /// Stored items (live, plus expired ones not yet swept).
    pub items: u64,
    /// Items evicted to stay under the memory cap, since start.
    pub evictions: u64,
    /// Bytes freed by those evictions, since start.
    pub evicted_bytes: u64,
    /// Expired items removed (on access, by the sweeper or when found by the evictor), since
    /// start.
    pub expirations: u64,
    /// Per-cache figures, sorted by cache name (every existing cache, also empty ones).
    pub caches: Vec<CacheMetrics>,
}

/// One cache's share of [`StoreMetrics`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheMetrics {
    /// The cache name.
    pub name: String,
    /// Stored items (live, plus expired ones not yet swept).
    pub items: u64,
    /// Approximate bytes of those items.
    pub bytes: u64,
}

impl StoreMetrics {
    /// The figures of one cache, if it exists.
    pub fn cache(&self, name: &str) -> Option<&CacheMetrics> {
        self.caches.iter().find(|c| c.name == name)
    }
}

impl fmt::Display for StoreMetrics {
    /// `used_bytes=… max_memory_bytes=… items=… evictions=… evicted_bytes=… expirations=…
    /// caches=… store_budget_bytes=…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "used_bytes={} max_memory_bytes={} items={} evictions={} evicted_bytes={} \
             expirations={} caches={} store_budget_bytes={}",
            self.used_bytes,
            self.max_memory_bytes,
            self.items,
            self.evictions,
            self.evicted_bytes,
            self.expirations,
            self.caches.len(),
            self.store_budget_bytes
        )
    }
}

/// The store's global counters (atomics; updated while the shard lock of the item concerned is
/// held, so additions always precede the matching subtractions).
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) bytes: AtomicU64,
    pub(crate) items: AtomicU64,
    pub(crate) evictions: AtomicU64,
    pub(crate) evicted_bytes: AtomicU64,
    pub(crate) expirations: AtomicU64,
}

/// `usize` → `u64` (lossless on every supported platform; saturating otherwise).
pub(crate) fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl Counters {
    /// An item of `size` bytes was added.
    pub(crate) fn added(&self, size: usize) {
        self.bytes.fetch_add(to_u64(size), Ordering::Relaxed);
        self.items.fetch_add(1, Ordering::Relaxed);
    }

    /// An item of `size` bytes was removed (deleted, expired, evicted or purged).
    pub(crate) fn removed(&self, size: usize) {
        self.bytes.fetch_sub(to_u64(size), Ordering::Relaxed);
        self.items.fetch_sub(1, Ordering::Relaxed);
    }

    /// `count` items totalling `bytes` were removed at once (a cache was deleted or flushed).
    pub(crate) fn removed_many(&self, count: usize, bytes: usize) {
        self.bytes.fetch_sub(to_u64(bytes), Ordering::Relaxed);
        self.items.fetch_sub(to_u64(count), Ordering::Relaxed);
    }

    /// An item changed size in place.
    pub(crate) fn resized(&self, old: usize, new: usize) {
        if new > old {
            self.bytes
                .fetch_add(to_u64(new.saturating_sub(old)), Ordering::Relaxed);
        } else if old > new {
            self.bytes
                .fetch_sub(to_u64(old.saturating_sub(new)), Ordering::Relaxed);
        }
    }

    /// Current accounted bytes.
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Adds one to a monotonic counter.
    pub(crate) fn bump(counter: &AtomicU64, by: u64) {
        counter.fetch_add(by, Ordering::Relaxed);
    }

    /// Reads a counter.
    pub(crate) fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}
