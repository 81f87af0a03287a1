//! `getWithHash`: `/cache_client.Scs/GetWithHash` → Hit with the value and the server's hash of it, or Miss.

use momento_proto::cache_client::{
    get_with_hash_response, GetWithHashRequest as Proto, GetWithHashResponse as ProtoResponse,
};

use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};
use crate::core::validation;

/// A validated `getWithHash` request.
#[derive(Debug)]
pub struct GetWithHashRequest {
    cache: String,
    key: Vec<u8>,
}

impl GetWithHashRequest {
    /// Validates the cache name and key.
    pub fn new(cache: String, key: Vec<u8>) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::key(&key)?;
        Ok(Self { cache, key })
    }
}

/// The result of a `getWithHash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GetWithHashResponse {
    /// The key exists.
    Hit {
        /// The stored bytes.
        value: Vec<u8>,
        /// The service's hash of the value (compare with `setIf…Hash…`).
        hash: Vec<u8>,
    },
    /// The key does not exist.
    Miss,
}

call!(GetWithHashRequest: Proto => GetWithHashResponse, cache);

impl UnaryRpc for GetWithHashRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_key: self.key,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<GetWithHashResponse, MomentoError> {
        found_or_missing!(
            reply.result,
            get_with_hash_response::Result,
            "GetWithHash",
            |f| Ok(GetWithHashResponse::Hit {
                value: f.value,
                hash: f.hash,
            }),
            Ok(GetWithHashResponse::Miss)
        )
    }
}
