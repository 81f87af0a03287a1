//! `control_client.ScsControl`: cache management.
//!
//! Implemented: CreateCache (`ALREADY_EXISTS` when taken), DeleteCache and FlushCache
//! (`NOT_FOUND` when missing), ListCaches (every cache, one page, with the limits below).
//! Signing keys and indexes answer `UNIMPLEMENTED`.

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

use super::{cache_not_found, not_implemented, MAX_ITEM_SIZE_BYTES};
use crate::grpc::control_client::scs_control_server::ScsControl;
use crate::store::{CacheAlreadyExists, Store};

/// Longest accepted cache name, in bytes.
pub const MAX_CACHE_NAME_LEN: usize = 255;

/// Limits reported by `ListCaches`. Only the item size is enforced; rates are not limited.
pub fn cache_limits() -> CacheLimits {
    CacheLimits {
        max_traffic_rate: 100_000,
        max_throughput_kbps: 1_024_000,
        max_item_size_kb: (MAX_ITEM_SIZE_BYTES / 1024) as u32,
        max_ttl_seconds: 24 * 60 * 60,
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
        let name = request.into_inner().cache_name;
        validate_cache_name(&name)?;
        match self.store.create_cache(&name) {
            Ok(()) => {
                crate::log_info!("event=cache_created cache={name:?}");
                Ok(Response::new(CreateCacheResponse {}))
            }
            Err(CacheAlreadyExists) => Err(Status::already_exists(format!(
                "Cache already exists: {name}"
            ))),
        }
    }

    async fn delete_cache(
        &self,
        request: Request<DeleteCacheRequest>,
    ) -> Result<Response<DeleteCacheResponse>, Status> {
        let name = request.into_inner().cache_name;
        self.store
            .delete_cache(&name)
            .map_err(|_| cache_not_found(&name))?;
        crate::log_info!("event=cache_deleted cache={name:?}");
        Ok(Response::new(DeleteCacheResponse {}))
    }

    async fn list_caches(
        &self,
        _request: Request<ListCachesRequest>,
    ) -> Result<Response<ListCachesResponse>, Status> {
        let cache = self
            .store
            .list_caches()
            .into_iter()
            .map(|(cache_name, _)| Cache {
                cache_name,
                cache_limits: Some(cache_limits()),
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
        let name = request.into_inner().cache_name;
        self.store
            .flush_cache(&name)
            .map_err(|_| cache_not_found(&name))?;
        crate::log_info!("event=cache_flushed cache={name:?}");
        Ok(Response::new(FlushCacheResponse {}))
    }

    async fn create_signing_key(
        &self,
        _request: Request<CreateSigningKeyRequest>,
    ) -> Result<Response<CreateSigningKeyResponse>, Status> {
        Err(not_implemented("CreateSigningKey"))
    }

    async fn revoke_signing_key(
        &self,
        _request: Request<RevokeSigningKeyRequest>,
    ) -> Result<Response<RevokeSigningKeyResponse>, Status> {
        Err(not_implemented("RevokeSigningKey"))
    }

    async fn list_signing_keys(
        &self,
        _request: Request<ListSigningKeysRequest>,
    ) -> Result<Response<ListSigningKeysResponse>, Status> {
        Err(not_implemented("ListSigningKeys"))
    }

    async fn create_index(
        &self,
        _request: Request<CreateIndexRequest>,
    ) -> Result<Response<CreateIndexResponse>, Status> {
        Err(not_implemented("CreateIndex"))
    }

    async fn delete_index(
        &self,
        _request: Request<DeleteIndexRequest>,
    ) -> Result<Response<DeleteIndexResponse>, Status> {
        Err(not_implemented("DeleteIndex"))
    }

    async fn list_indexes(
        &self,
        _request: Request<ListIndexesRequest>,
    ) -> Result<Response<ListIndexesResponse>, Status> {
        Err(not_implemented("ListIndexes"))
    }
}
