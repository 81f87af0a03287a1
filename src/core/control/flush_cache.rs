//! `flushCache`: `/control_client.ScsControl/FlushCache` → Success (every item removed, the cache kept).

use momento_proto::control_client::{
    FlushCacheRequest as Proto, FlushCacheResponse as ProtoResponse,
};

use crate::core::control::CacheRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `flushCache` request.
pub type FlushCacheRequest = CacheRequest<Proto>;

/// The result of a `flushCache`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlushCacheResponse {
    /// The cache is empty.
    Success,
}

call!(FlushCacheRequest: Proto => FlushCacheResponse);

impl UnaryRpc for FlushCacheRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_name: self.cache,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<FlushCacheResponse, MomentoError> {
        Ok(FlushCacheResponse::Success)
    }
}
