//! The in-memory store: a registry of caches plus sharded item maps.
//!
//! - Items live in `N` shards (`Mutex<HashMap<cache, HashMap<key, Item>>>`); the shard of an item
//!   is chosen by hashing `(cache, key)`, so unrelated keys rarely contend.
//! - The cache registry is an `RwLock`: data operations hold it shared for their duration (so a
//!   cache cannot vanish half-way through a write), `DeleteCache`/`FlushCache` hold it exclusively
//!   while they purge the shards.
//! - Every item has an expiry. Expired items are invisible (lazy expiry on access) and are removed
//!   by [`Store::sweep_expired`], which the server runs periodically.
//! - No lock is held across an `.await`: every operation is synchronous.
//!
//! [`Value`] holds the item's data type; collections (dictionary, set, list, sorted set) are
//! added there as further variants.

mod item;
pub mod sorted_set;

pub use item::{value_hash, Item, Value};

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, RandomState};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

/// Default number of shards.
pub const DEFAULT_SHARDS: usize = 32;

/// The cache named in a request does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheNotFound;

/// `CreateCache` for a name that is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheAlreadyExists;

/// Per-cache metadata.
#[derive(Debug, Clone)]
pub struct CacheInfo {
    /// When the cache was created.
    pub created_at: Instant,
}

type ShardMap = HashMap<String, HashMap<Vec<u8>, Item>>;

/// The whole server state.
#[derive(Debug)]
pub struct Store {
    caches: RwLock<BTreeMap<String, CacheInfo>>,
    shards: Box<[Mutex<ShardMap>]>,
    hasher: RandomState,
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
    map: &'a mut HashMap<Vec<u8>, Item>,
    key: &'a [u8],
    now: Instant,
}

impl Slot<'_> {
    /// The live item at this key.
    pub fn get(&self) -> Option<&Item> {
        self.map.get(self.key)
    }

    /// The live item at this key, mutably.
    pub fn get_mut(&mut self) -> Option<&mut Item> {
        self.map.get_mut(self.key)
    }

    /// Stores `item` at this key, replacing any previous one.
    pub fn insert(&mut self, item: Item) {
        match self.map.get_mut(self.key) {
            Some(existing) => *existing = item,
            None => {
                self.map.insert(self.key.to_vec(), item);
            }
        }
    }

    /// Removes the item at this key, returning it.
    pub fn remove(&mut self) -> Option<Item> {
        self.map.remove(self.key)
    }

    /// The instant the operation is evaluated at (for expiry arithmetic).
    pub fn now(&self) -> Instant {
        self.now
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Store {
    /// An empty store with `shards` shards (at least one).
    pub fn new(shards: usize) -> Self {
        Self {
            caches: RwLock::new(BTreeMap::new()),
            shards: (0..shards.max(1))
                .map(|_| Mutex::new(HashMap::new()))
                .collect(),
            hasher: RandomState::new(),
        }
    }

    fn caches_read(&self) -> RwLockReadGuard<'_, BTreeMap<String, CacheInfo>> {
        self.caches.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn caches_write(&self) -> RwLockWriteGuard<'_, BTreeMap<String, CacheInfo>> {
        self.caches.write().unwrap_or_else(PoisonError::into_inner)
    }

    fn shard_for(&self, cache: &str, key: &[u8]) -> &Mutex<ShardMap> {
        let hash = self.hasher.hash_one((cache, key));
        // `shards` is never empty (see `new`); the modulo keeps the index in range.
        let index = (hash % self.shards.len() as u64) as usize;
        match self.shards.get(index) {
            Some(shard) => shard,
            None => unreachable_shard(),
        }
    }

    /// Creates a cache.
    pub fn create_cache(&self, name: &str) -> Result<(), CacheAlreadyExists> {
        let mut caches = self.caches_write();
        if caches.contains_key(name) {
            return Err(CacheAlreadyExists);
        }
        caches.insert(
            name.to_owned(),
            CacheInfo {
                created_at: Instant::now(),
            },
        );
        Ok(())
    }

    /// Deletes a cache and all its items.
    pub fn delete_cache(&self, name: &str) -> Result<(), CacheNotFound> {
        let mut caches = self.caches_write();
        caches.remove(name).ok_or(CacheNotFound)?;
        self.purge(name);
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
            lock(shard).remove(name);
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
            .map(|(name, info)| (name.clone(), info.clone()))
            .collect()
    }

    /// Runs `f` on the slot of `key` in `cache`, with expired items already dropped.
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
        if !caches.contains_key(cache) {
            return Err(CacheNotFound);
        }
        let mut shard = lock(self.shard_for(cache, key));
        if !shard.contains_key(cache) {
            shard.insert(cache.to_owned(), HashMap::new());
        }
        let Some(map) = shard.get_mut(cache) else {
            return Err(CacheNotFound);
        };
        if map.get(key).is_some_and(|item| item.is_expired(now)) {
            map.remove(key);
        }
        let mut slot = Slot { map, key, now };
        let result = f(&mut slot);
        drop(caches);
        Ok(result)
    }

    /// Drops every expired item; returns how many were removed.
    pub fn sweep_expired(&self, now: Instant) -> usize {
        let mut removed = 0;
        for shard in self.shards.iter() {
            let mut shard = lock(shard);
            for items in shard.values_mut() {
                let before = items.len();
                items.retain(|_, item| !item.is_expired(now));
                removed += before - items.len();
            }
            shard.retain(|_, items| !items.is_empty());
        }
        removed
    }

    /// Number of live and not-yet-swept items in a cache (diagnostics and tests).
    pub fn item_count(&self, cache: &str) -> usize {
        self.shards
            .iter()
            .map(|shard| lock(shard).get(cache).map_or(0, HashMap::len))
            .sum()
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
    use std::time::Duration;

    fn scalar(v: &[u8], ttl_ms: u64, now: Instant) -> Item {
        Item::new(Value::Scalar(v.to_vec()), now, ttl_ms)
    }

    #[test]
    fn caches() {
        let store = Store::default();
        assert_eq!(store.create_cache("a"), Ok(()));
        assert_eq!(store.create_cache("a"), Err(CacheAlreadyExists));
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
    }
}
