//! `createCache`: `/control_client.ScsControl/CreateCache` → Success, or AlreadyExists (a success variant).

use momento_proto::control_client::{
    CreateCacheRequest as Proto, CreateCacheResponse as ProtoResponse,
};

use crate::core::error::{MomentoError, MomentoErrorCode};
use crate::core::rpc::{Endpoint, Rpc, UnaryRpc};
use crate::core::validation;

/// A validated `createCache` request.
#[derive(Debug)]
pub struct CreateCacheRequest {
    cache: String,
}

impl CreateCacheRequest {
    /// Validates the cache name.
    pub fn new(cache: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        Ok(Self { cache })
    }
}

/// The result of a `createCache`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateCacheResponse {
    /// The cache was created.
    Success,
    /// A cache with this name already existed.
    AlreadyExists,
}

impl CreateCacheResponse {
    /// Turns the service's ALREADY_EXISTS status into the `AlreadyExists` variant, as the official SDKs do.
    pub fn recover(result: Result<Self, MomentoError>) -> Result<Self, MomentoError> {
        match result {
            Err(e) if e.code == MomentoErrorCode::AlreadyExists => Ok(Self::AlreadyExists),
            other => other,
        }
    }
}

impl UnaryRpc for CreateCacheRequest {
    type Proto = Proto;
    type ProtoResponse = ProtoResponse;
    type Response = CreateCacheResponse;
    const RPC: Rpc = Rpc {
        path: "/control_client.ScsControl/CreateCache",
        endpoint: Endpoint::Control,
    };

    fn cache_name(&self) -> Option<&str> {
        None
    }

    fn into_proto(self) -> Proto {
        Proto {
            cache_name: self.cache,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<CreateCacheResponse, MomentoError> {
        Ok(CreateCacheResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn already_exists_is_a_success_variant() {
        let e = MomentoError::from_status(6, "exists".into(), vec![]);
        assert_eq!(
            CreateCacheResponse::recover(Err(e)).unwrap(),
            CreateCacheResponse::AlreadyExists
        );
        let e = MomentoError::from_status(7, "denied".into(), vec![]);
        assert!(CreateCacheResponse::recover(Err(e)).is_err());
        assert!(CreateCacheRequest::new(" ".into()).is_err());
    }
}
