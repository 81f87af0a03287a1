//! `createCache`: `/control_client.ScsControl/CreateCache` → Success, or AlreadyExists (a success variant).

use momento_proto::control_client::{
    CreateCacheRequest as Proto, CreateCacheResponse as ProtoResponse,
};

use crate::core::control::CacheRequest;
use crate::core::error::{MomentoError, MomentoErrorCode};
use crate::core::rpc::{call, UnaryRpc};

/// A validated `createCache` request.
pub type CreateCacheRequest = CacheRequest<Proto>;

/// The result of a `createCache`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateCacheResponse {
    /// The cache was created.
    Success,
    /// A cache with this name already existed.
    AlreadyExists,
}

call!(CreateCacheRequest: Proto => CreateCacheResponse);

impl UnaryRpc for CreateCacheRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_name: self.cache,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<CreateCacheResponse, MomentoError> {
        Ok(CreateCacheResponse::Success)
    }

    /// ALREADY_EXISTS is the `AlreadyExists` variant, as in the official SDKs.
    fn recover(error: MomentoError) -> Result<CreateCacheResponse, MomentoError> {
        match error.code {
            MomentoErrorCode::AlreadyExists => Ok(CreateCacheResponse::AlreadyExists),
            _ => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn already_exists_is_a_success_variant() {
        let e = MomentoError::from_status(6, "exists".into(), vec![]);
        assert_eq!(
            CreateCacheRequest::recover(e).unwrap(),
            CreateCacheResponse::AlreadyExists
        );
        let e = MomentoError::from_status(7, "denied".into(), vec![]);
        assert!(CreateCacheRequest::recover(e).is_err());
        assert!(CreateCacheRequest::new(" ".into()).is_err());
    }
}
