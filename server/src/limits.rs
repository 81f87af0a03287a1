//! Configurable limits: memory cap, item size, TTL and number of caches.
//!
//! [`Limits`] lives in [`crate::Config`] (flags `--max-memory-mb`, `--max-item-size-kb`,
//! `--max-ttl-seconds`, `--max-caches`) and is enforced in three places:
//! - the [`crate::store::Store`] keeps a copy for the memory cap (LRU eviction, see
//!   [`crate::store`]) and the cache count (`CreateCache`);
//! - the request validators of [`crate::services`] (`check_ttl`, `check_item_size`,
//!   `check_collection_size`) take the limits explicitly: the handlers pass the ones of the
//!   store they serve ([`crate::store::Store::limits`]).
//!
//! In every numeric limit except the item size, `0` means unlimited.
//!
//! # The memory cap is a process budget
//! `--max-memory-mb` bounds the whole process, not only the stored items: what the server
//! holds at any moment is the process itself (code, runtime, connection buffers), the stored
//! items, and the calls being processed (a 5 MiB value read over gRPC-web text is about 11.7 MiB
//! of buffers while it is encoded). [`Limits::memory_budget`] splits the cap four ways:
//! - a fixed **baseline** allowance ([`BASELINE_ALLOWANCE_BYTES`]) for the process without items
//!   or calls;
//! - the **in-flight** budget, enforced by admission control ([`crate::budget`]): at least one
//!   call carrying the largest item fits ([`crate::budget::largest_call_cost`]), and at least
//!   `cap / 8`;
//! - the **topics** share, `cap / 16`: topic states, messages buffered for resuming subscribers
//!   (the oldest of any topic are dropped beyond it) and open subscriptions (refused beyond it),
//!   see [`crate::services::pubsub`];
//! - the **store** budget, the rest: least-recently-used items are evicted beyond it
//!   ([`crate::store`]).
//!
//! A cap too small for that split (below about 46 MiB with the default 5 MiB item limit) still
//! gives the store `min(cap, MIN_STORE_BUDGET_BYTES)`: small caps keep capping the stored items
//! as before, and the process then needs more than the cap (the startup line says so).
//! The glibc allocator is configured to give freed buffers back (see `main.rs`), so freed
//! request and response buffers do not stay in the process.

/// Default largest item (key + value) the server stores: 5 MiB, reported as `max_item_size_kb`
/// 5120 (configurable with `--max-item-size-kb`).
pub const MAX_ITEM_SIZE_BYTES: usize = 5 * 1024 * 1024;

/// Largest topic message (the published text or bytes): 100 KiB, Momento's limit, reported by
/// `ListCaches` as `max_publish_message_size_kb` 100.
pub const MAX_PUBLISH_MESSAGE_BYTES: usize = 100 * 1024;

/// Default memory cap: 1024 MiB (`--max-memory-mb 1024`).
pub const DEFAULT_MAX_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;

/// Default longest TTL: 24 hours (`--max-ttl-seconds 86400`), what Momento reports by default.
pub const DEFAULT_MAX_TTL_SECONDS: u64 = 24 * 60 * 60;

/// Default maximum number of caches (`--max-caches 100`).
pub const DEFAULT_MAX_CACHES: usize = 100;

/// Memory the process needs besides stored items and calls in flight: the binary's code and data
/// (a debug build has ~13.6 MiB of it resident under load, binary and libc), the tokio runtime
/// and its threads, connection buffers (capped per read, see [`crate::conn`]), small
/// allocations and what the allocator has not yet given back. Measured under the load test
/// (tests/load: 64 connections, debug build; RSS minus stored items minus reserved in-flight
/// bytes, sampled every 20 ms): ~20.5 MiB typically, 22 MiB at most; the rest is margin for
/// other machines and allocators.
pub const BASELINE_ALLOWANCE_BYTES: u64 = 26 * 1024 * 1024;

/// The store budget never drops below `min(cap, MIN_STORE_BUDGET_BYTES)` (see the module docs).
pub const MIN_STORE_BUDGET_BYTES: u64 = 8 * 1024 * 1024;

/// The in-flight budget is at least `cap / IN_FLIGHT_SHARE`.
const IN_FLIGHT_SHARE: u64 = 8;

/// Topics (their states, buffered messages and open subscriptions) get `cap / TOPICS_SHARE`.
const TOPICS_SHARE: u64 = 16;

/// How a memory cap is split (see the module docs); all figures in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryBudget {
    /// The cap (`--max-memory-mb`).
    pub total_bytes: u64,
    /// [`BASELINE_ALLOWANCE_BYTES`].
    pub baseline_bytes: u64,
    /// Calls being processed (request and response bodies and their copies).
    pub in_flight_bytes: u64,
    /// Topics: their states, buffered messages and open subscriptions
    /// ([`crate::services::pubsub`]).
    pub topics_bytes: u64,
    /// Stored items, as accounted by [`crate::store`].
    pub store_bytes: u64,
}

impl MemoryBudget {
    /// Whether the three parts fit in the cap (false for small caps, see the module docs).
    pub fn fits(&self) -> bool {
        self.baseline_bytes
            .saturating_add(self.in_flight_bytes)
            .saturating_add(self.topics_bytes)
            .saturating_add(self.store_bytes)
            <= self.total_bytes
    }
}

/// Server-wide limits (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Approximate memory cap of all live items in bytes (see [`crate::store`] for what is
    /// counted); least-recently-used items are evicted to stay under it. `0` = unlimited.
    /// Default [`DEFAULT_MAX_MEMORY_BYTES`].
    pub max_memory_bytes: u64,
    /// Largest item (key + value, or key + every element of a collection) in bytes; larger
    /// writes fail with `RESOURCE_EXHAUSTED` (`err: item_size_limit_exceeded`). Default
    /// [`MAX_ITEM_SIZE_BYTES`] (5 MiB, reported by `ListCaches` as `max_item_size_kb` 5120).
    pub max_item_size_bytes: usize,
    /// Longest accepted TTL in seconds; longer TTLs fail with `INVALID_ARGUMENT`. `0` =
    /// unlimited. Default [`DEFAULT_MAX_TTL_SECONDS`].
    pub max_ttl_seconds: u64,
    /// Most caches that may exist at once; `CreateCache` beyond fails with
    /// `RESOURCE_EXHAUSTED`. `0` = unlimited. Default [`DEFAULT_MAX_CACHES`].
    pub max_caches: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_memory_bytes: DEFAULT_MAX_MEMORY_BYTES,
            max_item_size_bytes: MAX_ITEM_SIZE_BYTES,
            max_ttl_seconds: DEFAULT_MAX_TTL_SECONDS,
            max_caches: DEFAULT_MAX_CACHES,
        }
    }
}

impl Limits {
    /// No memory, TTL or cache-count limit (the item size keeps its default).
    pub fn unlimited() -> Self {
        Self {
            max_memory_bytes: 0,
            max_item_size_bytes: MAX_ITEM_SIZE_BYTES,
            max_ttl_seconds: 0,
            max_caches: 0,
        }
    }

    /// The longest accepted TTL in milliseconds, `None` when unlimited.
    pub fn max_ttl_ms(&self) -> Option<u64> {
        (self.max_ttl_seconds > 0).then(|| self.max_ttl_seconds.saturating_mul(1000))
    }

    /// The memory cap in bytes, `None` when unlimited.
    pub fn memory_cap(&self) -> Option<u64> {
        (self.max_memory_bytes > 0).then_some(self.max_memory_bytes)
    }

    /// How the memory cap is split between the process, calls in flight and stored items;
    /// `None` when unlimited (see the module docs).
    pub fn memory_budget(&self) -> Option<MemoryBudget> {
        let cap = self.memory_cap()?;
        let in_flight =
            (cap / IN_FLIGHT_SHARE).max(crate::budget::largest_call_cost(self.max_item_size_bytes));
        let topics = cap / TOPICS_SHARE;
        let store = cap
            .saturating_sub(BASELINE_ALLOWANCE_BYTES)
            .saturating_sub(in_flight)
            .saturating_sub(topics)
            .max(cap.min(MIN_STORE_BUDGET_BYTES));
        Some(MemoryBudget {
            total_bytes: cap,
            baseline_bytes: BASELINE_ALLOWANCE_BYTES,
            in_flight_bytes: in_flight,
            topics_bytes: topics,
            store_bytes: store,
        })
    }

    /// The bytes stored items may take before LRU eviction, `None` when unlimited.
    pub fn store_budget(&self) -> Option<u64> {
        self.memory_budget().map(|b| b.store_bytes)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn memory_budget_splits_the_cap() {
        const MIB: u64 = 1024 * 1024;
        let with_cap = |mib: u64| Limits {
            max_memory_bytes: mib * MIB,
            ..Limits::default()
        };
        // 64 MiB: 26 baseline + ~11.7 in flight (a 5 MiB item read over gRPC-web text).
        let b = with_cap(64).memory_budget().unwrap();
        assert!(b.fits(), "{b:?}");
        assert_eq!(b.baseline_bytes, 26 * MIB);
        assert_eq!(
            b.in_flight_bytes,
            crate::budget::largest_call_cost(5 * 1024 * 1024)
        );
        assert!((11 * MIB..12 * MIB).contains(&b.in_flight_bytes), "{b:?}");
        assert_eq!(
            b.store_bytes,
            64 * MIB - b.baseline_bytes - b.in_flight_bytes - b.topics_bytes
        );
        // Large caps: an eighth in flight.
        let b = with_cap(1024).memory_budget().unwrap();
        assert_eq!(b.in_flight_bytes, 128 * MIB);
        assert_eq!(b.topics_bytes, 64 * MIB);
        assert_eq!(b.store_bytes, (1024 - 26 - 128 - 64) * MIB);
        // Small caps keep capping the items alone; the store budget never decreases as the cap
        // grows.
        assert_eq!(with_cap(1).store_budget(), Some(MIB));
        assert_eq!(with_cap(8).store_budget(), Some(8 * MIB));
        assert_eq!(with_cap(30).store_budget(), Some(8 * MIB));
        assert!(!with_cap(30).memory_budget().unwrap().fits());
        let mut last = 0;
        for mib in 1..200 {
            let store = with_cap(mib).store_budget().unwrap();
            assert!(store >= last, "{mib} MiB");
            last = store;
        }
        assert_eq!(Limits::unlimited().memory_budget(), None);
    }

    #[test]
    fn zero_means_unlimited() {
        let limits = Limits::unlimited();
        assert_eq!(limits.max_ttl_ms(), None);
        assert_eq!(limits.memory_cap(), None);
        assert_eq!(Limits::default().max_ttl_ms(), Some(86_400_000));
    }
}
