//! `deleteCache`: `/control_client.ScsControl/DeleteCache` → Success (NOT_FOUND is an error).

use momento_proto::control_client::{
    DeleteCacheRequest as Proto, DeleteCacheResponse as ProtoResponse,
};

use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};
use crate::core::validation;

/// A validated `deleteCache` request.
#[derive(Debug)]
pub struct DeleteCacheRequest {
    cache: String,
}

impl DeleteCacheRequest {
    /// Validates the cache name.
    pub fn new(cache: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        Ok(Self { cache })
    }
}

/// The result of a `deleteCache`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteCacheResponse {
    /// The cache is gone.
    Success,
}

call!(DeleteCacheRequest: Proto => DeleteCacheResponse);

impl UnaryRpc for DeleteCacheRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_name: self.cache,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<DeleteCacheResponse, MomentoError> {
        Ok(DeleteCacheResponse::Success)
    }
}
