//! Configurable limits: memory cap, item size, TTL and number of caches.
//!
//! [`Limits`] lives in [`crate::Config`] (flags `--max-memory-mb`, `--max-item-size-kb`,
//! `--max-ttl-seconds`, `--max-caches`) and is enforced in three places:
//! - the [`crate::store::Store`] keeps a copy for the memory cap (LRU eviction, see
//!   [`crate::store`]) and the cache count (`CreateCache`);
//! - the request validators of [`crate::services`] (`check_ttl`, `check_item_size`,
//!   `check_collection_size`) read the limits of the server handling the current request with
//!   [`current`]. They take no server argument, so [`LimitsLayer`] makes the server's limits the
//!   *current* ones for the duration of every poll of every request future (a thread-local set and
//!   restored around each poll; the request handlers are synchronous, so a check always runs
//!   inside such a poll). Outside a request (unit tests) [`current`] returns
//!   [`Limits::default`].
//!
//! In every numeric limit except the item size, `0` means unlimited.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::services::MAX_ITEM_SIZE_BYTES;

/// Default memory cap: 1024 MiB (`--max-memory-mb 1024`).
pub const DEFAULT_MAX_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;

/// Default longest TTL: 24 hours (`--max-ttl-seconds 86400`), what Momento reports by default.
pub const DEFAULT_MAX_TTL_SECONDS: u64 = 24 * 60 * 60;

/// Default maximum number of caches (`--max-caches 100`).
pub const DEFAULT_MAX_CACHES: usize = 100;

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
}

thread_local! {
    static CURRENT: Cell<Option<Limits>> = const { Cell::new(None) };
}

/// The limits of the server handling the request being processed on this thread
/// ([`Limits::default`] outside any request).
pub fn current() -> Limits {
    CURRENT.with(Cell::get).unwrap_or_default()
}

/// Runs `f` with `limits` as the [`current`] limits (restoring the previous ones afterwards,
/// also when `f` unwinds).
pub fn scoped<R>(limits: Limits, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Limits>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(Some(limits))));
    f()
}

/// Tower layer making a server's [`Limits`] the [`current`] ones while its requests run.
#[derive(Debug, Clone, Copy)]
pub struct LimitsLayer {
    limits: Limits,
}

impl LimitsLayer {
    /// A layer installing `limits`.
    pub fn new(limits: Limits) -> Self {
        Self { limits }
    }
}

impl<S> tower_layer::Layer<S> for LimitsLayer {
    type Service = LimitsService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        LimitsService {
            inner,
            limits: self.limits,
        }
    }
}

/// The service produced by [`LimitsLayer`].
#[derive(Debug, Clone)]
pub struct LimitsService<S> {
    inner: S,
    limits: Limits,
}

impl<S, Request> tower_service::Service<Request> for LimitsService<S>
where
    S: tower_service::Service<Request>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = WithLimits<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let limits = self.limits;
        WithLimits {
            inner: Box::pin(scoped(limits, || self.inner.call(request))),
            limits,
        }
    }
}

/// A future polled with its server's limits as the [`current`] ones.
#[derive(Debug)]
pub struct WithLimits<F> {
    inner: Pin<Box<F>>,
    limits: Limits,
}

impl<F: Future> Future for WithLimits<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let limits = self.limits;
        scoped(limits, || self.inner.as_mut().poll(cx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_nests_and_restores() {
        assert_eq!(current(), Limits::default());
        let outer = Limits {
            max_caches: 1,
            ..Limits::default()
        };
        let inner = Limits {
            max_caches: 2,
            ..Limits::default()
        };
        scoped(outer, || {
            assert_eq!(current().max_caches, 1);
            scoped(inner, || assert_eq!(current().max_caches, 2));
            assert_eq!(current().max_caches, 1);
        });
        assert_eq!(current(), Limits::default());
    }

    #[test]
    fn zero_means_unlimited() {
        let limits = Limits::unlimited();
        assert_eq!(limits.max_ttl_ms(), None);
        assert_eq!(limits.memory_cap(), None);
        assert_eq!(Limits::default().max_ttl_ms(), Some(86_400_000));
    }
}
