//! `control_client.ScsControl`: cache management, signing keys and vector-index metadata.
//!
//! Caches: CreateCache (`ALREADY_EXISTS` when taken; `RESOURCE_EXHAUSTED` with
//! `err: cache_count_limit_exceeded` beyond `--max-caches`), DeleteCache and FlushCache
//! (`NOT_FOUND` when missing), ListCaches (every cache, one page, with the limits below).
//!
//! Signing keys (Momento uses them to sign presigned URLs; this server only keeps the records,
//! in memory, in [`ControlRegistry`]):
//! - CreateSigningKey: `ttl_minutes` must be > 0 (`INVALID_ARGUMENT`). Answers `key`, a JSON
//!   string `{"kid":"<key_id>","alg":"HS256","k":"<secret>"}` (a JWK-like symmetric key:
//!   `key_id` is 32 random hex digits, `k` is 32 random bytes in base64url without padding), and
//!   `expires_at` = now + `ttl_minutes` × 60 (Unix seconds). Only `key_id` and `expires_at` are
//!   kept: the secret is handed out once and nothing on this server verifies presigned URLs.
//! - RevokeSigningKey: forgets the key; an unknown, already revoked or expired `key_id` is
//!   `NOT_FOUND`.
//! - ListSigningKeys: every key neither revoked nor expired (`expires_at` > now), sorted by
//!   `expires_at` then `key_id`, in one page (`next_token` is ignored and answered empty).
//!
//! Indexes (Momento retired vector search: only the metadata is kept, in [`ControlRegistry`]):
//! - CreateIndex: `INVALID_ARGUMENT` for an index name that is empty, longer than
//!   [`MAX_CACHE_NAME_LEN`] bytes or has control characters (the cache-name rules), for
//!   `num_dimensions` 0 and for a missing `similarity_metric` (or one with no metric set);
//!   `ALREADY_EXISTS` when the name is taken.
//! - DeleteIndex: `NOT_FOUND` when absent.
//! - ListIndexes: every index (name, dimensions, metric as created), sorted by name.
//!
//! Signing keys and indexes live as long as the server process (not persisted) and are
//! independent of caches.
//!
//! Authorization ([`crate::permissions`]): everything but ListCaches needs a super-user key
//! (`PERMISSION_DENIED` otherwise); ListCaches answers any token, listing for a scoped token only
//! the caches its grants name (every cache if a grant has `all_caches`).

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use momento_proto::control_client::list_indexes_response::Index;
use momento_proto::control_client::similarity_metric::SimilarityMetric as Metric;
use momento_proto::control_client::{
    Cache, CacheLimits, CreateCacheRequest, CreateCacheResponse, CreateIndexRequest,
    CreateIndexResponse, CreateSigningKeyRequest, CreateSigningKeyResponse, DeleteCacheRequest,
    DeleteCacheResponse, DeleteIndexRequest, DeleteIndexResponse, FlushCacheRequest,
    FlushCacheResponse, ListCachesRequest, ListCachesResponse, ListIndexesRequest,
    ListIndexesResponse, ListSigningKeysRequest, ListSigningKeysResponse, RevokeSigningKeyRequest,
    RevokeSigningKeyResponse, SigningKey, SimilarityMetric, TopicLimits,
};
use serde::Serialize;
use tonic::{Request, Response, Status};

use super::{authorized, cache_not_found, limit_exceeded};
use crate::grpc::control_client::scs_control_server::ScsControl;
use crate::limits::Limits;
use crate::permissions::cache_visible;
use crate::secret::{random_bytes, random_hex};
use crate::store::{CreateCacheError, Store};
use crate::token::{unix_now, Claims};

/// Longest accepted cache name, in bytes.
pub const MAX_CACHE_NAME_LEN: usize = 255;

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
        max_publish_message_size_kb: u32::try_from(crate::limits::MAX_PUBLISH_MESSAGE_BYTES / 1024)
            .unwrap_or(u32::MAX),
    }
}

/// Random bytes in a signing key's `key_id` (hex-encoded: 32 characters).
pub const SIGNING_KEY_ID_BYTES: usize = 16;

/// Random bytes in a signing key's secret (`k`, base64url without padding: 43 characters).
pub const SIGNING_KEY_SECRET_BYTES: usize = 32;

/// The `key` string answered by CreateSigningKey, serialized as
/// `{"kid":"<key_id>","alg":"HS256","k":"<base64url secret>"}`.
#[derive(Debug, Serialize)]
struct SigningKeyJson<'a> {
    kid: &'a str,
    alg: &'static str,
    k: &'a str,
}

/// Signing-key records and vector-index metadata: the control-plane state that is not a cache.
///
/// Owned by [`ControlService`] (shared by its clones), in memory only. Methods take the current
/// time (Unix seconds) so expiry is testable.
#[derive(Debug, Default)]
pub struct ControlRegistry {
    /// `key_id` → `expires_at` (Unix seconds) of the keys neither revoked nor (once purged)
    /// expired.
    signing_keys: BTreeMap<String, u64>,
    /// Index name → (`num_dimensions`, similarity metric).
    indexes: BTreeMap<String, (u64, Metric)>,
}

impl ControlRegistry {
    /// Forgets keys whose `expires_at` is not after `now`.
    fn purge_expired(&mut self, now: u64) {
        self.signing_keys.retain(|_, expires_at| *expires_at > now);
    }

    /// Records a new signing key `key_id` living `ttl_minutes` from `now`; answers its
    /// `expires_at`. `INVALID_ARGUMENT` for a TTL of 0; `INTERNAL` if the id is taken (a random
    /// 128-bit id, so never in practice).
    pub fn create_signing_key(
        &mut self,
        key_id: &str,
        ttl_minutes: u32,
        now: u64,
    ) -> Result<u64, Status> {
        if ttl_minutes == 0 {
            return Err(Status::invalid_argument(
                "Invalid TTL: ttl_minutes must be greater than 0",
            ));
        }
        self.purge_expired(now);
        let expires_at = now.saturating_add(u64::from(ttl_minutes).saturating_mul(60));
        match self.signing_keys.entry(key_id.to_owned()) {
            Entry::Occupied(_) => Err(Status::internal("Signing key id collision; retry")),
            Entry::Vacant(slot) => {
                slot.insert(expires_at);
                Ok(expires_at)
            }
        }
    }

    /// Revokes `key_id`: `NOT_FOUND` when unknown, already revoked or expired at `now`.
    pub fn revoke_signing_key(&mut self, key_id: &str, now: u64) -> Result<(), Status> {
        self.purge_expired(now);
        self.signing_keys
            .remove(key_id)
            .map(drop)
            .ok_or_else(|| Status::not_found(format!("Signing key not found: {key_id}")))
    }

    /// The keys neither revoked nor expired at `now`, sorted by `expires_at` then `key_id`.
    pub fn list_signing_keys(&mut self, now: u64) -> Vec<SigningKey> {
        self.purge_expired(now);
        let mut keys: Vec<SigningKey> = self
            .signing_keys
            .iter()
            .map(|(key_id, expires_at)| SigningKey {
                key_id: key_id.clone(),
                expires_at: *expires_at,
            })
            .collect();
        // Stable sort over the id-ordered map: ties stay ordered by key_id.
        keys.sort_by_key(|key| key.expires_at);
        keys
    }

    /// Registers an index: `INVALID_ARGUMENT` for a bad name (cache-name rules), 0 dimensions
    /// or no metric; `ALREADY_EXISTS` when the name is taken.
    pub fn create_index(&mut self, request: CreateIndexRequest) -> Result<(), Status> {
        let CreateIndexRequest {
            index_name,
            num_dimensions,
            similarity_metric,
        } = request;
        validate_name("Index", &index_name)?;
        if num_dimensions == 0 {
            return Err(Status::invalid_argument(
                "num_dimensions must be greater than 0",
            ));
        }
        let metric = similarity_metric
            .and_then(|m| m.similarity_metric)
            .ok_or_else(|| {
                Status::invalid_argument(
                    "similarity_metric is required: one of euclidean_similarity, inner_product \
                     or cosine_similarity",
                )
            })?;
        match self.indexes.entry(index_name) {
            Entry::Occupied(slot) => Err(Status::already_exists(format!(
                "Index already exists: {}",
                slot.key()
            ))),
            Entry::Vacant(slot) => {
                slot.insert((num_dimensions, metric));
                Ok(())
            }
        }
    }

    /// Removes an index: `NOT_FOUND` when absent.
    pub fn delete_index(&mut self, index_name: &str) -> Result<(), Status> {
        self.indexes
            .remove(index_name)
            .map(drop)
            .ok_or_else(|| Status::not_found(format!("Index not found: {index_name}")))
    }

    /// Every index, sorted by name.
    pub fn list_indexes(&self) -> Vec<Index> {
        self.indexes
            .iter()
            .map(|(index_name, (num_dimensions, metric))| Index {
                index_name: index_name.clone(),
                num_dimensions: *num_dimensions,
                similarity_metric: Some(SimilarityMetric {
                    similarity_metric: Some(*metric),
                }),
            })
            .collect()
    }
}

/// The control-plane service.
#[derive(Debug, Clone)]
pub struct ControlService {
    store: Arc<Store>,
    registry: Arc<Mutex<ControlRegistry>>,
}

impl ControlService {
    /// A control plane over `store`, with no signing keys or indexes yet.
    pub fn new(store: Arc<Store>) -> Self {
        Self {
            store,
            registry: Arc::default(),
        }
    }

    /// The signing-key and index state (a poisoned lock is recovered: every registry update is
    /// a single map operation, so the state is always consistent).
    fn registry(&self) -> MutexGuard<'_, ControlRegistry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// `INVALID_ARGUMENT` unless `name` is 1..=[`MAX_CACHE_NAME_LEN`] bytes without control
/// characters; `kind` ("Cache", "Index") starts the messages.
fn validate_name(kind: &str, name: &str) -> Result<(), Status> {
    if name.is_empty() {
        return Err(Status::invalid_argument(format!(
            "{kind} name must not be empty"
        )));
    }
    if name.len() > MAX_CACHE_NAME_LEN {
        return Err(Status::invalid_argument(format!(
            "{kind} name must be at most {MAX_CACHE_NAME_LEN} bytes"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(Status::invalid_argument(format!(
            "{kind} name must not contain control characters"
        )));
    }
    Ok(())
}

fn validate_cache_name(name: &str) -> Result<(), Status> {
    validate_name("Cache", name)
}

/// A fresh signing key: (`key_id`, the `key` JSON string answered to the caller).
fn new_signing_key() -> Result<(String, String), Status> {
    let internal = |e: std::io::Error| Status::internal(format!("Random source failed: {e}"));
    let key_id = random_hex(SIGNING_KEY_ID_BYTES).map_err(internal)?;
    let secret = URL_SAFE_NO_PAD.encode(random_bytes(SIGNING_KEY_SECRET_BYTES).map_err(internal)?);
    let key = serde_json::to_string(&SigningKeyJson {
        kid: &key_id,
        alg: "HS256",
        k: &secret,
    })
    .map_err(|e| Status::internal(format!("Could not encode the signing key: {e}")))?;
    Ok((key_id, key))
}

#[tonic::async_trait]
impl ScsControl for ControlService {
    async fn create_cache(
        &self,
        request: Request<CreateCacheRequest>,
    ) -> Result<Response<CreateCacheResponse>, Status> {
        let name = authorized(request)?.cache_name;
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
        let name = authorized(request)?.cache_name;
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
        let name = authorized(request)?.cache_name;
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
        let ttl_minutes = authorized(request)?.ttl_minutes;
        let (key_id, key) = new_signing_key()?;
        let expires_at = self
            .registry()
            .create_signing_key(&key_id, ttl_minutes, unix_now())?;
        crate::log_info!("event=signing_key_created key_id={key_id} expires_at={expires_at}");
        Ok(Response::new(CreateSigningKeyResponse { key, expires_at }))
    }

    async fn revoke_signing_key(
        &self,
        request: Request<RevokeSigningKeyRequest>,
    ) -> Result<Response<RevokeSigningKeyResponse>, Status> {
        let key_id = authorized(request)?.key_id;
        self.registry().revoke_signing_key(&key_id, unix_now())?;
        crate::log_info!("event=signing_key_revoked key_id={key_id:?}");
        Ok(Response::new(RevokeSigningKeyResponse {}))
    }

    async fn list_signing_keys(
        &self,
        request: Request<ListSigningKeysRequest>,
    ) -> Result<Response<ListSigningKeysResponse>, Status> {
        authorized(request)?;
        let signing_key = self.registry().list_signing_keys(unix_now());
        Ok(Response::new(ListSigningKeysResponse {
            signing_key,
            next_token: String::new(),
        }))
    }

    async fn create_index(
        &self,
        request: Request<CreateIndexRequest>,
    ) -> Result<Response<CreateIndexResponse>, Status> {
        let request = authorized(request)?;
        let name = request.index_name.clone();
        self.registry().create_index(request)?;
        crate::log_info!("event=index_created index={name:?}");
        Ok(Response::new(CreateIndexResponse {}))
    }

    async fn delete_index(
        &self,
        request: Request<DeleteIndexRequest>,
    ) -> Result<Response<DeleteIndexResponse>, Status> {
        let name = authorized(request)?.index_name;
        self.registry().delete_index(&name)?;
        crate::log_info!("event=index_deleted index={name:?}");
        Ok(Response::new(DeleteIndexResponse {}))
    }

    async fn list_indexes(
        &self,
        request: Request<ListIndexesRequest>,
    ) -> Result<Response<ListIndexesResponse>, Status> {
        authorized(request)?;
        let indexes = self.registry().list_indexes();
        Ok(Response::new(ListIndexesResponse { indexes }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use momento_proto::control_client::similarity_metric::CosineSimilarity;
    use tonic::Code;

    use super::*;

    #[test]
    fn signing_keys_expire_and_revoke() {
        let mut registry = ControlRegistry::default();
        assert_eq!(
            registry
                .create_signing_key("z", 0, 1000)
                .unwrap_err()
                .code(),
            Code::InvalidArgument
        );
        assert_eq!(registry.create_signing_key("a", 2, 1000).unwrap(), 1120);
        assert_eq!(registry.create_signing_key("b", 1, 1000).unwrap(), 1060);
        assert_eq!(registry.create_signing_key("c", 1, 1000).unwrap(), 1060);
        assert_eq!(
            registry
                .create_signing_key("c", 5, 1000)
                .unwrap_err()
                .code(),
            Code::Internal
        );
        let ids = |keys: Vec<SigningKey>| keys.into_iter().map(|k| k.key_id).collect::<Vec<_>>();
        assert_eq!(ids(registry.list_signing_keys(1000)), ["b", "c", "a"]);
        // Expired at expires_at: gone from the list, and revoking it is NOT_FOUND.
        assert_eq!(ids(registry.list_signing_keys(1060)), ["a"]);
        assert_eq!(
            registry.revoke_signing_key("b", 1060).unwrap_err().code(),
            Code::NotFound
        );
        registry.revoke_signing_key("a", 1060).unwrap();
        assert!(registry.list_signing_keys(1060).is_empty());
        // Saturating expiry for the largest TTL.
        let far = registry
            .create_signing_key("d", u32::MAX, u64::MAX - 1)
            .unwrap();
        assert_eq!(far, u64::MAX);
    }

    #[test]
    fn index_validation() {
        let mut registry = ControlRegistry::default();
        let cosine = Some(SimilarityMetric {
            similarity_metric: Some(Metric::CosineSimilarity(CosineSimilarity {})),
        });
        let long = "x".repeat(MAX_CACHE_NAME_LEN + 1);
        for (name, dims, metric) in [
            ("", 3, cosine),
            (long.as_str(), 3, cosine),
            ("a\nb", 3, cosine),
            ("i", 0, cosine),
            ("i", 3, None),
            (
                "i",
                3,
                Some(SimilarityMetric {
                    similarity_metric: None,
                }),
            ),
        ] {
            let request = CreateIndexRequest {
                index_name: name.to_owned(),
                num_dimensions: dims,
                similarity_metric: metric,
            };
            assert_eq!(
                registry.create_index(request).unwrap_err().code(),
                Code::InvalidArgument,
                "{name:?} {dims} {metric:?}"
            );
        }
        assert!(registry.list_indexes().is_empty());
    }
}
