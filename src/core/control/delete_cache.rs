//! `deleteCache`: `/control_client.ScsControl/DeleteCache` → Success (NOT_FOUND is an error).

use momento_proto::control_client::{
    DeleteCacheRequest as Proto, DeleteCacheResponse as ProtoResponse,
};

use crate::core::control::CacheRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `deleteCache` request.
pub type DeleteCacheRequest = CacheRequest<Proto>;

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
