//! `control_client.ScsControl`: cache management.
//!
//! Implemented: CreateCache (`ALREADY_EXISTS` when taken; `RESOURCE_EXHAUSTED` with
//! `err: cache_count_limit_exceeded` beyond `--max-caches`), DeleteCache and FlushCache
//! (`NOT_FOUND` when missing), ListCaches (every cache, one page, with the limits below).
//! Signing keys and indexes answer `UNIMPLEMENTED`.
//!
//! Authorization ([`crate::permissions`]): everything but ListCaches needs a super-user key
//! (`PERMISSION_DENIED` otherwise); ListCaches answers any token, listing for a scoped token only
//! the caches its grants name (every cache if a grant has `all_caches`).

use std::sync::Arc;

use momento_proto::control_client::{
    Cache, CacheLimits, CreateCacheRequest, CreateCacheResponse, CreateIndexRequest,
    CreateIndexResponse, CreateSigningKeyRequest, CreateSigningKeyResponse, DeleteCacheRequest,
    DeleteCacheResponse, DeleteIndexRequest, DeleteIndexResponse, FlushCacheRequest,
    FlushCacheResponse, ListCachesRequest, ListCachesResponse, ListIndexesRequest,
    ListIndexesResponse, ListSigningKeysRequest, ListSigningKeysResponse, RevokeSigningKeyRequest,
    RevokeSigningKeyResponse, TopicLimits,
};
use tonic::{Request, Response, Status};

use super::{cache_not_found, limit_exceeded, not_implemented};
use crate::auth::Claims;
use crate::grpc::control_client::scs_control_server::ScsControl;
use crate::limits::Limits;
use crate::permissions::{authorize_super_user, cache_visible};
use crate::store::{CreateCacheError, Store};

/// Longest accepted cache name, in bytes.
pub const MAX_CACHE_NAME_LEN: usize = 255;

/// Limits reported by `ListCaches` for the limits of the current request
/// ([`crate::limits::current`]).
pub fn cache_limits() -> CacheLimits {
    cache_limits_for(&crate::limits::current())
}

/// Limits reported by `ListCaches`: the configured item size and TTL limits (`max_ttl_seconds`
/// 0 = unlimited); rates are not limited.
pub fn cache_limits_for(limits: &Limits) -> CacheLimits {
    CacheLimits {
        max_traffic_rate: 100_000,
        max_throughput_kbps: 1_024_000,
        max_item_size_kb: u32::try_from(limits.max_item_size_bytes / 1024).unwrap_or(u32::MAX),
        max_ttl_seconds: limits.max_ttl_seconds,
    }
}

/// Topic limits reported by `ListCaches` (topics arrive with the Pubsub service).
pub fn topic_limits() -> TopicLimits {
    TopicLimits {
        max_publish_rate: 100_000,
        max_subscription_count: 10_000,
        max_publish_message_size_kb: 100,
    }
}

/// The control-plane service.
#[derive(Debug, Clone)]
pub struct ControlService {
    store: Arc<Store>,
}

impl ControlService {
    /// A control plane over `store`.
    pub fn new(store: Arc<Store>) -> Self {
        Self { store }
    }
}

fn validate_cache_name(name: &str) -> Result<(), Status> {
    if name.is_empty() {
        return Err(Status::invalid_argument("Cache name must not be empty"));
    }
    if name.len() > MAX_CACHE_NAME_LEN {
        return Err(Status::invalid_argument(format!(
            "Cache name must be at most {MAX_CACHE_NAME_LEN} bytes"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(Status::invalid_argument(
            "Cache name must not contain control characters",
        ));
    }
    Ok(())
}

#[tonic::async_trait]
impl ScsControl for ControlService {
    async fn create_cache(
        &self,
        request: Request<CreateCacheRequest>,
    ) -> Result<Response<CreateCacheResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "CreateCache")?;
        let name = request.into_inner().cache_name;
        validate_cache_name(&name)?;
        match self.store.create_cache(&name) {
            Ok(()) => {
                crate::log_info!("event=cache_created cache={name:?}");
                Ok(Response::new(CreateCacheResponse {}))
            }
            Err(CreateCacheError::AlreadyExists) => Err(Status::already_exists(format!(
                "Cache already exists: {name}"
            ))),
            Err(CreateCacheError::TooManyCaches { max }) => Err(limit_exceeded(
                "cache_count_limit_exceeded",
                format!(
                    "Cache limit exceeded: this server allows at most {max} caches \
                     (--max-caches); delete one first"
                ),
            )),
        }
    }

    async fn delete_cache(
        &self,
        request: Request<DeleteCacheRequest>,
    ) -> Result<Response<DeleteCacheResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "DeleteCache")?;
        let name = request.into_inner().cache_name;
        self.store
            .delete_cache(&name)
            .map_err(|_| cache_not_found(&name))?;
        crate::log_info!("event=cache_deleted cache={name:?}");
        Ok(Response::new(DeleteCacheResponse {}))
    }

    async fn list_caches(
        &self,
        request: Request<ListCachesRequest>,
    ) -> Result<Response<ListCachesResponse>, Status> {
        let claims = request.extensions().get::<Claims>();
        let cache = self
            .store
            .list_caches()
            .into_iter()
            .filter(|(name, _)| cache_visible(claims, name))
            .map(|(cache_name, _)| Cache {
                cache_name,
                cache_limits: Some(cache_limits_for(self.store.limits())),
                topic_limits: Some(topic_limits()),
            })
            .collect();
        Ok(Response::new(ListCachesResponse {
            cache,
            next_token: String::new(),
        }))
    }

    async fn flush_cache(
        &self,
        request: Request<FlushCacheRequest>,
    ) -> Result<Response<FlushCacheResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "FlushCache")?;
        let name = request.into_inner().cache_name;
        self.store
            .flush_cache(&name)
            .map_err(|_| cache_not_found(&name))?;
        crate::log_info!("event=cache_flushed cache={name:?}");
        Ok(Response::new(FlushCacheResponse {}))
    }

    async fn create_signing_key(
        &self,
        request: Request<CreateSigningKeyRequest>,
    ) -> Result<Response<CreateSigningKeyResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "CreateSigningKey")?;
        Err(not_implemented("CreateSigningKey"))
    }

    async fn revoke_signing_key(
        &self,
        request: Request<RevokeSigningKeyRequest>,
    ) -> Result<Response<RevokeSigningKeyResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "RevokeSigningKey")?;
        Err(not_implemented("RevokeSigningKey"))
    }

    async fn list_signing_keys(
        &self,
        request: Request<ListSigningKeysRequest>,
    ) -> Result<Response<ListSigningKeysResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "ListSigningKeys")?;
        Err(not_implemented("ListSigningKeys"))
    }

    async fn create_index(
        &self,
        request: Request<CreateIndexRequest>,
    ) -> Result<Response<CreateIndexResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "CreateIndex")?;
        Err(not_implemented("CreateIndex"))
    }

    async fn delete_index(
        &self,
        request: Request<DeleteIndexRequest>,
    ) -> Result<Response<DeleteIndexResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "DeleteIndex")?;
        Err(not_implemented("DeleteIndex"))
    }

    async fn list_indexes(
        &self,
        request: Request<ListIndexesRequest>,
    ) -> Result<Response<ListIndexesResponse>, Status> {
        authorize_super_user(request.extensions().get::<Claims>(), "ListIndexes")?;
        Err(not_implemented("ListIndexes"))
    }
}
