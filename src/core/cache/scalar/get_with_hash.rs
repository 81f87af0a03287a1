//! `getWithHash`: `/cache_client.Scs/GetWithHash` → Hit with the value and the server's hash of it, or Miss.

use momento_proto::cache_client::{get_with_hash_response, GetWithHashRequest as Proto};

use super::KeyRequest;
use crate::core::rpc::{found_or_missing, unary};

/// A validated `getWithHash` request.
pub type GetWithHashRequest = KeyRequest<Proto>;

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

unary! {
    GetWithHashRequest: Proto => GetWithHashResponse, cache;
    |self| Proto { cache_key: self.key };
    |reply| found_or_missing!(reply.result, get_with_hash_response::Result, "GetWithHash",
        |f| Ok(GetWithHashResponse::Hit {
            value: f.value,
            hash: f.hash,
        }),
        Ok(GetWithHashResponse::Miss)
    )
}
