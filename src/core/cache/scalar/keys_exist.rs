//! `keyExists` / `keysExist`: `/cache_client.Scs/KeysExist` → one boolean per key, in order.

use momento_proto::cache_client::{KeysExistRequest as Proto, KeysExistResponse as ProtoResponse};

use super::Keys;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `keysExist` request.
#[derive(Debug)]
pub struct KeysExistRequest {
    batch: Keys,
}

impl KeysExistRequest {
    /// Validates the cache name and every key.
    pub fn new(cache: String, keys: Vec<Vec<u8>>) -> Result<Self, MomentoError> {
        let batch = Keys::new(cache, keys)?;
        Ok(Self { batch })
    }
}

/// The result of `keysExist`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeysExistResponse {
    /// `exists[i]` answers for the i-th key.
    pub exists: Vec<bool>,
}

call!(KeysExistRequest: Proto => KeysExistResponse, batch.cache);

impl UnaryRpc for KeysExistRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_keys: self.batch.keys,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<KeysExistResponse, MomentoError> {
        Ok(KeysExistResponse {
            exists: reply.exists,
        })
    }
}
