//! The in-memory store: a registry of caches plus sharded item maps, with memory accounting and
//! least-recently-used eviction.
//!
//! # Layout and locking
//! - Items live in `N` shards, each a `Mutex` over `cache → key → entry` maps plus the shard's
//!   recency index; the shard of an item is chosen by hashing `(cache, key)`, so unrelated keys
//!   rarely contend.
//! - The cache registry is an `RwLock`: data operations hold it shared for their duration (so a
//!   cache cannot vanish half-way through a write), `DeleteCache`/`FlushCache` hold it exclusively
//!   while they purge the shards.
//! - Every item has an expiry. Expired items are invisible (lazy expiry on access) and are removed
//!   by [`Store::sweep_expired`], which the server runs periodically.
//! - No lock is held across an `.await`: every operation is synchronous. Global state touched on
//!   every operation is limited to atomics (the recency clock and the byte/item counters).
//!
//! # Memory accounting
//! Each item is charged `key length + value size + ITEM_OVERHEAD_BYTES`, where the value size is
//! [`Value::size_bytes`] (a scalar's length; for collections every field/value/element plus
//! [`ELEMENT_OVERHEAD_BYTES`] per element). The charge is recomputed after every operation that
//! inserted or mutably accessed the item ([`Slot::insert`], [`Slot::get_mut`]) and released when
//! the item is deleted, expires, is evicted or its cache is flushed or deleted. Figures are kept
//! per cache and per shard (under the shard lock) and globally (atomics), see [`Store::metrics`].
//! Recomputing is O(1) for scalars and sorted sets and O(elements) for the other collections.
//!
//! # Eviction (LRU)
//! Every access to an existing item (reads included) stamps it with the next value of a global
//! atomic clock; each shard indexes its items by stamp (`BTreeMap`, O(log n) per access). When
//! an operation leaves the store above its budget ([`Limits::store_budget`]: the part of
//! `--max-memory-mb` left for items, see [`crate::limits`]), the
//! operation's thread — after releasing its shard — takes the eviction lock (only ever taken when
//! over the cap) and evicts globally least-recently-used items until the store fits: it peeks the
//! oldest stamp of every shard, then evicts from the shard holding the oldest item every item
//! older than the runner-up shard's oldest (O(shards) per batch, O(log n) per item). The
//! item just written is the most recent, so it goes last; an item bigger than the whole store
//! budget is rejected up front by the request validators (`RESOURCE_EXHAUSTED`).

mod item;
pub mod sorted_set;

pub use item::{element_bytes, elements_size, value_hash, Item, Value, ELEMENT_OVERHEAD_BYTES};

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use crate::limits::Limits;
use crate::metrics::{to_u64, CacheMetrics, Counters, StoreMetrics};

/// Default number of shards.
pub const DEFAULT_SHARDS: usize = 32;

/// Fixed bytes charged per item on top of its key and value: the entry in the shard's hash map
/// (key pointer, [`Item`], size and recency stamp, control byte and spare capacity), the shared
/// key allocation's header and the entry of the recency index. An approximation, checked
/// against the structures' sizes by a unit test.
pub const ITEM_OVERHEAD_BYTES: usize = 256;

/// At most one `event=evicting` log line per this interval.
const EVICTION_LOG_INTERVAL: Duration = Duration::from_secs(10);

/// The cache named in a request does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheNotFound;

/// Why `CreateCache` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateCacheError {
    /// The name is taken.
    AlreadyExists,
    /// [`Limits::max_caches`] caches exist already.
    TooManyCaches {
        /// The limit.
        max: usize,
    },
}

/// Per-cache metadata.
#[derive(Debug, Clone)]
pub struct CacheInfo {
    /// When the cache was created.
    pub created_at: Instant,
}

/// Keys are shared between the item map and the recency index.
type Key = Arc<[u8]>;

/// What the recency index records per item: where to find it.
type LruRecord = (Arc<str>, Key);

/// A stored item with its accounting.
#[derive(Debug)]
struct Entry {
    item: Item,
    /// Bytes charged for the item (key + value + [`ITEM_OVERHEAD_BYTES`]).
    size: usize,
    /// Recency stamp (its key in [`Shard::lru`]).
    tick: u64,
}

/// One cache's items within a shard.
#[derive(Debug, Default)]
struct CacheItems {
    items: HashMap<Key, Entry>,
    /// Sum of the items' `size`.
    bytes: usize,
}

/// One shard: its caches' items and their recency index.
#[derive(Debug, Default)]
struct Shard {
    caches: HashMap<Arc<str>, CacheItems>,
    /// Recency stamp → item, oldest first.
    lru: BTreeMap<u64, LruRecord>,
}

/// What [`Shard::evict_oldest`] removed.
#[derive(Debug, Clone, Copy)]
struct Removed {
    size: usize,
    expired: bool,
}

/// Eviction lock state: what to report in the next `event=evicting` line.
#[derive(Debug, Default)]
struct EvictionLog {
    last_line: Option<Instant>,
    evicted_since: u64,
    evicted_bytes_since: u64,
}

/// The whole server state.
#[derive(Debug)]
pub struct Store {
    caches: RwLock<BTreeMap<Arc<str>, CacheInfo>>,
    shards: Box<[Mutex<Shard>]>,
    hasher: RandomState,
    limits: Limits,
    /// [`Limits::store_budget`]: eviction keeps the accounted bytes at or below it.
    store_budget: Option<u64>,
    /// Global recency clock.
    clock: AtomicU64,
    counters: Counters,
    /// Serializes evictions (taken only when over the memory cap).
    evicting: Mutex<EvictionLog>,
    /// Counts cache deletions, for whoever must learn of them at once (topic subscriptions).
    deletions: tokio::sync::watch::Sender<u64>,
}

impl Default for Store {
    fn default() -> Self {
        Self::new(DEFAULT_SHARDS)
    }
}

/// Access to one key of one cache, handed to the closure of [`Store::with_key`].
///
/// Expired items have already been removed, so [`Slot::get`] only sees live ones.
#[derive(Debug)]
pub struct Slot<'a> {
    items: &'a mut HashMap<Key, Entry>,
    key: &'a [u8],
    now: Instant,
    /// This access's recency stamp (given to a newly inserted entry).
    tick: u64,
    /// Whether the item may have changed (inserted or mutably borrowed): its size is recomputed.
    dirty: bool,
}

impl Slot<'_> {
    /// The live item at this key.
    pub fn get(&self) -> Option<&Item> {
        self.items.get(self.key).map(|entry| &entry.item)
    }

    /// The live item at this key, mutably (its size is re-measured after the operation).
    pub fn get_mut(&mut self) -> Option<&mut Item> {
        let entry = self.items.get_mut(self.key)?;
        self.dirty = true;
        Some(&mut entry.item)
    }

    /// Stores `item` at this key, replacing any previous one.
    pub fn insert(&mut self, item: Item) {
        self.dirty = true;
        match self.items.get_mut(self.key) {
            Some(existing) => existing.item = item,
            None => {
                self.items.insert(
                    Key::from(self.key),
                    Entry {
                        item,
                        size: 0,
                        tick: self.tick,
                    },
                );
            }
        }
    }

    /// Removes the item at this key, returning it.
    pub fn remove(&mut self) -> Option<Item> {
        self.items.remove(self.key).map(|entry| entry.item)
    }

    /// The instant the operation is evaluated at (for expiry arithmetic).
    pub fn now(&self) -> Instant {
        self.now
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Bytes charged for `item` stored at `key`.
fn charged_size(key: &[u8], item: &Item) -> usize {
    key.len()
        .saturating_add(item.size_bytes())
        .saturating_add(ITEM_OVERHEAD_BYTES)
}

impl Shard {
    /// Runs `f` on `key` of `cache` (dropping an expired item first), then brings the
    /// accounting and the recency index up to date.
    fn access<R>(
        &mut self,
        cache: &Arc<str>,
        key: &[u8],
        now: Instant,
        tick: u64,
        counters: &Counters,
        f: impl FnOnce(&mut Slot<'_>) -> R,
    ) -> R {
        let Shard { caches, lru } = self;
        let items = caches.entry(Arc::clone(cache)).or_default();

        // (size, stamp) of the live item before the operation.
        let mut before = None;
        if let Some(entry) = items.items.get(key) {
            if entry.item.is_expired(now) {
                if let Some(entry) = items.items.remove(key) {
                    lru.remove(&entry.tick);
                    items.bytes = items.bytes.saturating_sub(entry.size);
                    counters.removed(entry.size);
                    Counters::bump(&counters.expirations, 1);
                }
            } else {
                before = Some((entry.size, entry.tick));
            }
        }

        let mut slot = Slot {
            items: &mut items.items,
            key,
            now,
            tick,
            dirty: false,
        };
        let result = f(&mut slot);
        let dirty = slot.dirty;

        // The index record of the previous item, re-filed under this access's stamp below.
        let record = before.and_then(|(_, old_tick)| lru.remove(&old_tick));
        let old_size = before.map(|(size, _)| size);
        match items.items.get_mut(key) {
            None => {
                if let Some(size) = old_size {
                    items.bytes = items.bytes.saturating_sub(size);
                    counters.removed(size);
                }
            }
            Some(entry) => {
                let size = match old_size {
                    Some(size) if !dirty => size,
                    _ => charged_size(key, &entry.item),
                };
                entry.size = size;
                entry.tick = tick;
                match old_size {
                    Some(old) => {
                        items.bytes = items.bytes.saturating_sub(old).saturating_add(size);
                        counters.resized(old, size);
                    }
                    None => {
                        items.bytes = items.bytes.saturating_add(size);
                        counters.added(size);
                    }
                }
                let record = record.or_else(|| {
                    items
                        .items
                        .get_key_value(key)
                        .map(|(key, _)| (Arc::clone(cache), Arc::clone(key)))
                });
                if let Some(record) = record {
                    lru.insert(tick, record);
                }
            }
        }
        result
    }

    /// Stamp of the least recently used item.
    fn oldest_tick(&self) -> Option<u64> {
        self.lru.first_key_value().map(|(tick, _)| *tick)
    }

    /// Removes the least recently used item; `None` when the shard is empty.
    fn evict_oldest(&mut self, now: Instant) -> Option<Removed> {
        let (tick, (cache, key)) = self.lru.pop_first()?;
        let mut removed = Removed {
            size: 0,
            expired: false,
        };
        if let Some(items) = self.caches.get_mut(&*cache) {
            if let Some(entry) = items.items.remove(&*key) {
                if entry.tick != tick {
                    // Not expected (stamps move with their entries); keep the index consistent.
                    self.lru.remove(&entry.tick);
                }
                items.bytes = items.bytes.saturating_sub(entry.size);
                removed = Removed {
                    size: entry.size,
                    expired: entry.item.is_expired(now),
                };
            }
            if items.items.is_empty() {
                self.caches.remove(&*cache);
            }
        }
        Some(removed)
    }

    /// Removes every item of `cache`; returns (count, bytes).
    fn purge(&mut self, cache: &str) -> (usize, usize) {
        let Some(items) = self.caches.remove(cache) else {
            return (0, 0);
        };
        for entry in items.items.values() {
            self.lru.remove(&entry.tick);
        }
        (items.items.len(), items.bytes)
    }

    /// Removes every expired item; returns (count, bytes).
    fn sweep(&mut self, now: Instant) -> (usize, usize) {
        let Shard { caches, lru } = self;
        let (mut count, mut bytes) = (0usize, 0usize);
        for items in caches.values_mut() {
            let mut freed = 0usize;
            items.items.retain(|_, entry| {
                if entry.item.is_expired(now) {
                    lru.remove(&entry.tick);
                    count = count.saturating_add(1);
                    freed = freed.saturating_add(entry.size);
                    false
                } else {
                    true
                }
            });
            items.bytes = items.bytes.saturating_sub(freed);
            bytes = bytes.saturating_add(freed);
        }
        caches.retain(|_, items| !items.items.is_empty());
        (count, bytes)
    }
}

impl Store {
    /// An empty store with `shards` shards (at least one) and the default [`Limits`].
    pub fn new(shards: usize) -> Self {
        Self::with_limits(shards, Limits::default())
    }

    /// An empty store with `shards` shards (at least one) enforcing `limits` (the memory cap and
    /// the number of caches; the other limits are checked by the request validators).
    pub fn with_limits(shards: usize, limits: Limits) -> Self {
        Self {
            caches: RwLock::new(BTreeMap::new()),
            shards: (0..shards.max(1))
                .map(|_| Mutex::new(Shard::default()))
                .collect(),
            hasher: RandomState::new(),
            limits,
            store_budget: limits.store_budget(),
            clock: AtomicU64::new(1),
            counters: Counters::default(),
            evicting: Mutex::new(EvictionLog::default()),
            deletions: tokio::sync::watch::channel(0).0,
        }
    }

    /// Changes whenever a cache is deleted (see [`Store::delete_cache`]).
    pub fn cache_deletions(&self) -> tokio::sync::watch::Receiver<u64> {
        self.deletions.subscribe()
    }

    /// The limits this store was created with.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn caches_read(&self) -> RwLockReadGuard<'_, BTreeMap<Arc<str>, CacheInfo>> {
        self.caches.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn caches_write(&self) -> RwLockWriteGuard<'_, BTreeMap<Arc<str>, CacheInfo>> {
        self.caches.write().unwrap_or_else(PoisonError::into_inner)
    }

    fn shard_for(&self, cache: &str, key: &[u8]) -> &Mutex<Shard> {
        let hash = self.hasher.hash_one((cache, key));
        // `shards` is never empty (see `new`); the modulo keeps the index in range.
        let index = (hash % self.shards.len() as u64) as usize;
        match self.shards.get(index) {
            Some(shard) => shard,
            None => unreachable_shard(),
        }
    }

    /// Creates a cache (`TooManyCaches` when [`Limits::max_caches`] caches exist).
    pub fn create_cache(&self, name: &str) -> Result<(), CreateCacheError> {
        let mut caches = self.caches_write();
        if caches.contains_key(name) {
            return Err(CreateCacheError::AlreadyExists);
        }
        let max = self.limits.max_caches;
        if max > 0 && caches.len() >= max {
            return Err(CreateCacheError::TooManyCaches { max });
        }
        caches.insert(
            Arc::from(name),
            CacheInfo {
                created_at: Instant::now(),
            },
        );
        Ok(())
    }

    /// Deletes a cache and all its items; [`Store::cache_deletions`] changes.
    pub fn delete_cache(&self, name: &str) -> Result<(), CacheNotFound> {
        let mut caches = self.caches_write();
        caches.remove(name).ok_or(CacheNotFound)?;
        self.purge(name);
        self.deletions.send_modify(|n| *n = n.wrapping_add(1));
        Ok(())
    }

    /// Removes every item of a cache, keeping the cache.
    pub fn flush_cache(&self, name: &str) -> Result<(), CacheNotFound> {
        let caches = self.caches_write();
        if !caches.contains_key(name) {
            return Err(CacheNotFound);
        }
        self.purge(name);
        Ok(())
    }

    fn purge(&self, name: &str) {
        for shard in self.shards.iter() {
            let mut shard = lock(shard);
            let (count, bytes) = shard.purge(name);
            self.counters.removed_many(count, bytes);
        }
    }

    /// Whether a cache exists.
    pub fn cache_exists(&self, name: &str) -> bool {
        self.caches_read().contains_key(name)
    }

    /// All caches, sorted by name.
    pub fn list_caches(&self) -> Vec<(String, CacheInfo)> {
        self.caches_read()
            .iter()
            .map(|(name, info)| (name.to_string(), info.clone()))
            .collect()
    }

    /// Runs `f` on the slot of `key` in `cache`, with expired items already dropped.
    ///
    /// Afterwards the item's size is re-measured if `f` inserted or mutably accessed it, the item
    /// (if still there) becomes the most recently used, and, when the store is now above its
    /// memory cap, least-recently-used items are evicted (after the shard lock is released).
    pub fn with_key<R>(
        &self,
        cache: &str,
        key: &[u8],
        f: impl FnOnce(&mut Slot<'_>) -> R,
    ) -> Result<R, CacheNotFound> {
        self.with_key_at(cache, key, Instant::now(), f)
    }

    /// [`Store::with_key`] evaluated at `now`.
    pub fn with_key_at<R>(
        &self,
        cache: &str,
        key: &[u8],
        now: Instant,
        f: impl FnOnce(&mut Slot<'_>) -> R,
    ) -> Result<R, CacheNotFound> {
        let caches = self.caches_read();
        let Some((name, _)) = caches.get_key_value(cache) else {
            return Err(CacheNotFound);
        };
        let tick = self.clock.fetch_add(1, Ordering::Relaxed);
        let result =
            lock(self.shard_for(cache, key)).access(name, key, now, tick, &self.counters, f);
        drop(caches);
        self.enforce_memory_cap(now);
        Ok(result)
    }

    /// The bytes charged for the item at `key` of `cache` (expired or not), without touching
    /// its recency: what a read of it is about to copy out ([`crate::budget`]).
    pub fn charged_size(&self, cache: &str, key: &[u8]) -> Option<usize> {
        let shard = lock(self.shard_for(cache, key));
        shard
            .caches
            .get(cache)
            .and_then(|items| items.items.get(key))
            .map(|entry| entry.size)
    }

    /// Runs `f` on the item at `key` of `cache` (expired or not) under its shard's lock,
    /// without touching its recency: to measure what a read is about to copy out
    /// ([`crate::budget`]). `f` must be quick.
    pub fn peek<R>(&self, cache: &str, key: &[u8], f: impl FnOnce(&Item) -> R) -> Option<R> {
        let shard = lock(self.shard_for(cache, key));
        shard
            .caches
            .get(cache)
            .and_then(|items| items.items.get(key))
            .map(|entry| f(&entry.item))
    }

    /// Evicts least-recently-used items while the store is above its budget.
    fn enforce_memory_cap(&self, now: Instant) {
        let Some(cap) = self.store_budget else {
            return;
        };
        if self.counters.bytes() <= cap {
            return;
        }
        let mut log = lock(&self.evicting);
        let (mut evicted, mut evicted_bytes) = (0u64, 0u64);
        while self.counters.bytes() > cap {
            // The shard holding the globally oldest item, and the runner-up shard's oldest stamp.
            let mut oldest: Option<(u64, usize)> = None;
            let mut runner_up = u64::MAX;
            for (index, shard) in self.shards.iter().enumerate() {
                let Some(tick) = lock(shard).oldest_tick() else {
                    continue;
                };
                match oldest {
                    Some((best, _)) if best <= tick => runner_up = runner_up.min(tick),
                    _ => {
                        if let Some((best, _)) = oldest {
                            runner_up = runner_up.min(best);
                        }
                        oldest = Some((tick, index));
                    }
                }
            }
            let Some(shard) = oldest.and_then(|(_, index)| self.shards.get(index)) else {
                break; // nothing left to evict
            };
            let mut shard = lock(shard);
            while let Some(removed) = shard.evict_oldest(now) {
                self.counters.removed(removed.size);
                if removed.expired {
                    Counters::bump(&self.counters.expirations, 1);
                } else {
                    Counters::bump(&self.counters.evictions, 1);
                    Counters::bump(&self.counters.evicted_bytes, to_u64(removed.size));
                    evicted = evicted.saturating_add(1);
                    evicted_bytes = evicted_bytes.saturating_add(to_u64(removed.size));
                }
                if self.counters.bytes() <= cap || shard.oldest_tick().is_none_or(|t| t > runner_up)
                {
                    break;
                }
            }
        }
        log.evicted_since = log.evicted_since.saturating_add(evicted);
        log.evicted_bytes_since = log.evicted_bytes_since.saturating_add(evicted_bytes);
        let due = log
            .last_line
            .is_none_or(|last| now.saturating_duration_since(last) >= EVICTION_LOG_INTERVAL);
        if due && log.evicted_since > 0 {
            crate::log_warn!(
                "event=evicting reason=memory_cap evicted={} evicted_bytes={} used_bytes={} \
                 max_memory_bytes={} store_budget_bytes={cap} items={} evictions_total={} \
                 (least recently used items are dropped to stay under the part of \
                 --max-memory-mb left for items; at most one line per {}s)",
                log.evicted_since,
                log.evicted_bytes_since,
                self.counters.bytes(),
                self.limits.max_memory_bytes,
                Counters::get(&self.counters.items),
                Counters::get(&self.counters.evictions),
                EVICTION_LOG_INTERVAL.as_secs(),
            );
            *log = EvictionLog {
                last_line: Some(now),
                evicted_since: 0,
                evicted_bytes_since: 0,
            };
        }
    }

    /// Drops every expired item; returns how many were removed.
    pub fn sweep_expired(&self, now: Instant) -> usize {
        let mut removed = 0usize;
        for shard in self.shards.iter() {
            let mut shard = lock(shard);
            let (count, bytes) = shard.sweep(now);
            self.counters.removed_many(count, bytes);
            Counters::bump(&self.counters.expirations, to_u64(count));
            removed = removed.saturating_add(count);
        }
        removed
    }

    /// Number of live and not-yet-swept items in a cache (diagnostics and tests).
    pub fn item_count(&self, cache: &str) -> usize {
        self.shards
            .iter()
            .map(|shard| lock(shard).caches.get(cache).map_or(0, |c| c.items.len()))
            .sum()
    }

    /// Approximate bytes of all stored items, as counted against the store budget.
    pub fn used_bytes(&self) -> u64 {
        self.counters.bytes()
    }

    /// A snapshot of the store's counters, with per-cache item counts and bytes.
    pub fn metrics(&self) -> StoreMetrics {
        let names: Vec<Arc<str>> = self.caches_read().keys().cloned().collect();
        let mut caches: Vec<CacheMetrics> = names
            .iter()
            .map(|name| CacheMetrics {
                name: name.to_string(),
                items: 0,
                bytes: 0,
            })
            .collect();
        for shard in self.shards.iter() {
            let shard = lock(shard);
            for (name, cache) in names.iter().zip(caches.iter_mut()) {
                if let Some(items) = shard.caches.get(name) {
                    cache.items = cache.items.saturating_add(to_u64(items.items.len()));
                    cache.bytes = cache.bytes.saturating_add(to_u64(items.bytes));
                }
            }
        }
        StoreMetrics {
            used_bytes: self.counters.bytes(),
            max_memory_bytes: self.limits.max_memory_bytes,
            store_budget_bytes: self.store_budget.unwrap_or(0),
            items: Counters::get(&self.counters.items),
            evictions: Counters::get(&self.counters.evictions),
            evicted_bytes: Counters::get(&self.counters.evicted_bytes),
            expirations: Counters::get(&self.counters.expirations),
            caches,
        }
    }
}

#[cold]
fn unreachable_shard() -> ! {
    // `Store::new` always creates at least one shard.
    std::process::abort()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::{HashSet, VecDeque};

    fn scalar(v: &[u8], ttl_ms: u64, now: Instant) -> Item {
        Item::new(Value::Scalar(v.to_vec()), now, ttl_ms)
    }

    fn set(store: &Store, cache: &str, key: &[u8], value: &[u8]) {
        store
            .with_key(cache, key, |slot| {
                slot.insert(scalar(value, 60_000, slot.now()))
            })
            .unwrap();
    }

    /// A store of `shards` shards with the default limits as `change` leaves them.
    fn limited(shards: usize, change: impl FnOnce(&mut Limits)) -> Store {
        let mut limits = Limits::default();
        change(&mut limits);
        Store::with_limits(shards, limits)
    }

    /// Stores `value` at `key` of cache `c`, for a minute from `now`.
    fn insert(store: &Store, key: &[u8], value: Value, now: Instant) {
        store
            .with_key("c", key, |slot| slot.insert(Item::new(value, now, 60_000)))
            .unwrap();
    }

    /// Changes the value at `key` of cache `c` in place (nothing when absent).
    fn update(store: &Store, key: &[u8], change: impl FnOnce(&mut Value)) {
        store
            .with_key("c", key, |slot| {
                if let Some(item) = slot.get_mut() {
                    change(&mut item.value);
                }
            })
            .unwrap();
    }

    fn exists(store: &Store, cache: &str, key: &[u8]) -> bool {
        store
            .with_key(cache, key, |slot| slot.get().is_some())
            .unwrap()
    }

    /// Recomputes every figure from scratch and compares with the running counters.
    fn assert_consistent(store: &Store) {
        let (mut items, mut bytes) = (0usize, 0usize);
        for shard in store.shards.iter() {
            let shard = lock(shard);
            let mut shard_items = 0;
            for (name, cache) in &shard.caches {
                let mut cache_bytes = 0;
                for (key, entry) in &cache.items {
                    assert_eq!(entry.size, charged_size(key, &entry.item));
                    let record = shard.lru.get(&entry.tick).unwrap();
                    assert_eq!((&*record.0, &*record.1), (&**name, &**key));
                    cache_bytes += entry.size;
                }
                assert_eq!(cache.bytes, cache_bytes);
                shard_items += cache.items.len();
                items += cache.items.len();
                bytes += cache_bytes;
            }
            assert_eq!(shard.lru.len(), shard_items);
        }
        assert_eq!(store.used_bytes(), bytes as u64);
        assert_eq!(store.metrics().items, items as u64);
    }

    #[test]
    fn caches() {
        let store = Store::default();
        assert_eq!(store.create_cache("a"), Ok(()));
        assert_eq!(
            store.create_cache("a"),
            Err(CreateCacheError::AlreadyExists)
        );
        assert_eq!(store.flush_cache("b"), Err(CacheNotFound));
        assert_eq!(store.delete_cache("b"), Err(CacheNotFound));
        assert!(store.with_key("b", b"k", |_| ()).is_err());
        let now = Instant::now();
        store
            .with_key("a", b"k", |slot| slot.insert(scalar(b"v", 1000, now)))
            .unwrap();
        assert_eq!(store.item_count("a"), 1);
        store.flush_cache("a").unwrap();
        assert_eq!(store.item_count("a"), 0);
        assert!(store.cache_exists("a"));
        store.delete_cache("a").unwrap();
        assert!(!store.cache_exists("a"));
        assert!(store.list_caches().is_empty());
        assert_consistent(&store);
    }

    #[test]
    fn max_caches() {
        let store = limited(4, |limits| limits.max_caches = 2);
        store.create_cache("a").unwrap();
        store.create_cache("b").unwrap();
        assert_eq!(
            store.create_cache("c"),
            Err(CreateCacheError::TooManyCaches { max: 2 })
        );
        assert_eq!(
            store.create_cache("a"),
            Err(CreateCacheError::AlreadyExists)
        );
        store.delete_cache("a").unwrap();
        store.create_cache("c").unwrap();
    }

    #[test]
    fn lazy_expiry_and_sweep() {
        let store = Store::new(4);
        store.create_cache("c").unwrap();
        let t0 = Instant::now();
        for i in 0..10u8 {
            store
                .with_key_at("c", &[i], t0, |slot| slot.insert(scalar(b"v", 100, t0)))
                .unwrap();
        }
        let later = t0 + Duration::from_millis(100);
        let seen = store
            .with_key_at("c", &[0], later, |slot| slot.get().is_some())
            .unwrap();
        assert!(!seen);
        assert_eq!(store.item_count("c"), 9);
        assert_eq!(store.sweep_expired(later), 9);
        assert_eq!(store.item_count("c"), 0);
        assert_eq!(store.metrics().expirations, 10);
        assert_eq!(store.used_bytes(), 0);
        assert_consistent(&store);
    }

    #[test]
    fn accounting_follows_every_change() {
        let store = Store::new(4);
        store.create_cache("c").unwrap();
        set(&store, "c", b"key", b"12345");
        let one = (3 + 5 + ITEM_OVERHEAD_BYTES) as u64;
        assert_eq!(store.used_bytes(), one);
        // Replace with a longer value.
        set(&store, "c", b"key", b"1234567890");
        assert_eq!(store.used_bytes(), one + 5);
        // Mutate a collection in place.
        let now = Instant::now();
        let list = Value::List(VecDeque::from([b"ab".to_vec()]));
        insert(&store, b"list", list, now);
        assert_consistent(&store);
        update(&store, b"list", |value| {
            if let Value::List(list) = value {
                list.push_back(vec![0; 1000]);
            }
        });
        assert_consistent(&store);
        let list_size = 4 + 2 + 1000 + 2 * ELEMENT_OVERHEAD_BYTES + ITEM_OVERHEAD_BYTES;
        assert_eq!(store.used_bytes(), one + 5 + list_size as u64);
        // Remove and re-insert within one operation.
        store
            .with_key("c", b"key", |slot| {
                slot.remove();
                slot.insert(scalar(b"x", 60_000, now));
            })
            .unwrap();
        assert_consistent(&store);
        // Per-cache figures.
        let metrics = store.metrics();
        let cache = metrics.cache("c").unwrap();
        assert_eq!((cache.items, cache.bytes), (2, store.used_bytes()));
        // Delete everything: back to zero.
        for key in [&b"key"[..], b"list"] {
            store
                .with_key("c", key, |slot| {
                    slot.remove();
                })
                .unwrap();
        }
        assert_eq!(store.used_bytes(), 0);
        assert_eq!(store.metrics().items, 0);
        assert_consistent(&store);
    }

    #[test]
    fn flush_and_delete_release_bytes() {
        let store = Store::new(4);
        store.create_cache("a").unwrap();
        store.create_cache("b").unwrap();
        for i in 0..50u8 {
            set(&store, "a", &[i], &[i; 10]);
            set(&store, "b", &[i], &[i; 10]);
        }
        assert_eq!(store.metrics().items, 100);
        store.flush_cache("a").unwrap();
        assert_eq!(store.metrics().items, 50);
        assert_consistent(&store);
        store.delete_cache("b").unwrap();
        assert_eq!(store.used_bytes(), 0);
        assert_consistent(&store);
    }

    #[test]
    fn evicts_least_recently_used() {
        let item = (1 + 1000 + ITEM_OVERHEAD_BYTES) as u64;
        let store = limited(8, |limits| limits.max_memory_bytes = 10 * item);
        store.create_cache("c").unwrap();
        for i in 0..10u8 {
            set(&store, "c", &[i], &[0; 1000]);
        }
        assert_eq!(store.used_bytes(), 10 * item);
        assert_eq!(store.metrics().evictions, 0);
        // Touch 0 and 1: 2 and 3 are now the oldest.
        assert!(exists(&store, "c", &[0]));
        assert!(exists(&store, "c", &[1]));
        set(&store, "c", &[10], &[0; 1000]);
        set(&store, "c", &[11], &[0; 1000]);
        assert!(store.used_bytes() <= 10 * item);
        let metrics = store.metrics();
        assert_eq!(metrics.evictions, 2);
        assert_eq!(metrics.evicted_bytes, 2 * item);
        let present: HashSet<u8> = (0..12u8).filter(|i| exists(&store, "c", &[*i])).collect();
        assert_eq!(present, HashSet::from([0, 1, 4, 5, 6, 7, 8, 9, 10, 11]));
        assert_consistent(&store);
    }

    #[test]
    fn a_growing_collection_evicts_others_then_itself() {
        let store = limited(4, |limits| limits.max_memory_bytes = 4000);
        store.create_cache("c").unwrap();
        set(&store, "c", b"a", &[0; 100]);
        let now = Instant::now();
        let set = Value::Set(HashSet::from([vec![1; 3500]]));
        insert(&store, b"set", set, now);
        assert!(!exists(&store, "c", b"a"));
        assert!(exists(&store, "c", b"set"));
        update(&store, b"set", |value| {
            if let Value::Set(set) = value {
                set.insert(vec![2; 3500]);
            }
        });
        assert!(!exists(&store, "c", b"set"));
        assert_eq!(store.used_bytes(), 0);
        assert_eq!(store.metrics().evictions, 2);
        assert_consistent(&store);
    }

    #[test]
    fn overhead_covers_the_structures() {
        use std::mem::size_of;
        let structural = size_of::<(Key, Entry)>() + size_of::<(u64, LruRecord)>() + 16;
        assert!(
            structural <= ITEM_OVERHEAD_BYTES,
            "{structural} > {ITEM_OVERHEAD_BYTES}"
        );
    }
}
