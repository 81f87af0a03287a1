//! Scalar-item RPCs of `cache_client.Scs` (keys with byte values), one file each.

pub mod delete;
pub mod get;
pub mod get_batch;
pub mod get_with_hash;
pub mod increment;
pub mod item_get_ttl;
pub mod item_get_type;
pub mod keys_exist;
pub mod set;
pub mod set_batch;
pub mod set_if;
pub mod set_if_hash;
pub mod update_ttl;

use std::marker::PhantomData;

use crate::core::error::MomentoError;
use crate::core::validation;

/// A validated request naming one key and nothing else (`get`, `delete`, `getWithHash`, `itemGetTtl`,
/// `itemGetType`): the cache name, then the key; `P`, the proto request message, says which RPC.
#[derive(Debug)]
pub struct KeyRequest<P> {
    cache: String,
    key: Vec<u8>,
    rpc: PhantomData<P>,
}

impl<P> KeyRequest<P> {
    /// Validates the cache name and key.
    pub fn new(cache: String, key: Vec<u8>) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::key(&key)?;
        Ok(Self {
            cache,
            key,
            rpc: PhantomData,
        })
    }
}

/// A cache and the keys a multi-key read names (`getBatch`, `keysExist`), validated: the cache name, then every key.
#[derive(Debug)]
pub struct Keys {
    cache: String,
    keys: Vec<Vec<u8>>,
}

impl Keys {
    /// Validates the cache name and every key.
    fn new(cache: String, keys: Vec<Vec<u8>>) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        for key in &keys {
            validation::key(key)?;
        }
        Ok(Self { cache, keys })
    }
}
