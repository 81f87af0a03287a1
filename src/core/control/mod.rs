//! Control-plane RPCs of `control_client.ScsControl`, one file each.

pub mod create_cache;
pub mod delete_cache;
pub mod flush_cache;
pub mod list_caches;

use std::marker::PhantomData;

use crate::core::error::MomentoError;
use crate::core::validation;

/// A validated request naming one cache and nothing else (`createCache`, `deleteCache`, `flushCache`,
/// `listWebhooks`); `P`, the proto request message, says which RPC. The cache travels in the message, not the
/// `cache` header.
#[derive(Debug)]
pub struct CacheRequest<P> {
    pub(crate) cache: String,
    rpc: PhantomData<P>,
}

impl<P> CacheRequest<P> {
    /// Validates the cache name.
    pub fn new(cache: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        Ok(Self {
            cache,
            rpc: PhantomData,
        })
    }
}
