//! gRPC service implementations.
//!
//! - [`control`] serves `control_client.ScsControl` (caches).
//! - [`scs`] serves `cache_client.Scs`, the data plane; it routes each RPC to the module of its data
//!   type ([`scalar`] today; dictionaries, sets, lists and sorted sets get their own modules).
//! - [`ping`] serves `cache_client.Ping`.
//!
//! Shared request helpers (cache header, TTL and size validation) live here.

pub mod control;
pub mod dictionary;
pub mod list;
pub mod ping;
pub mod scalar;
pub mod scs;
pub mod set;
pub mod sorted_set;

use std::pin::Pin;

use tokio_stream::Stream;
use tonic::metadata::MetadataValue;
use tonic::{Code, Request, Status};

/// Largest item (key + value) the server stores: 5 MiB, reported as `max_item_size_kb` 5120.
pub const MAX_ITEM_SIZE_BYTES: usize = 5 * 1024 * 1024;

/// The request header naming the cache of a data-plane call.
pub const CACHE_HEADER: &str = "cache";

/// Boxed server-streaming response.
pub type ResponseStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

/// The cache name from the `cache` header (`INVALID_ARGUMENT` when missing, empty or not text).
pub fn cache_name<T>(request: &Request<T>) -> Result<String, Status> {
    let value = request.metadata().get(CACHE_HEADER).ok_or_else(|| {
        Status::invalid_argument("Missing cache header: the cache name is required")
    })?;
    let name = value
        .to_str()
        .map_err(|_| Status::invalid_argument("Invalid cache header: not valid text"))?;
    if name.is_empty() {
        return Err(Status::invalid_argument(
            "Invalid cache header: the cache name must not be empty",
        ));
    }
    Ok(name.to_owned())
}

/// `NOT_FOUND` for an unknown cache.
pub fn cache_not_found(cache: &str) -> Status {
    Status::not_found(format!("Cache not found: {cache}"))
}

/// Validates a TTL in milliseconds (`INVALID_ARGUMENT` for 0).
pub fn check_ttl(ttl_ms: u64) -> Result<u64, Status> {
    if ttl_ms == 0 {
        return Err(Status::invalid_argument(
            "Invalid TTL: ttl_milliseconds must be greater than 0",
        ));
    }
    Ok(ttl_ms)
}

/// `RESOURCE_EXHAUSTED` with metadata `err: item_size_limit_exceeded` when key + value exceed
/// [`MAX_ITEM_SIZE_BYTES`].
pub fn check_item_size(key: &[u8], value: &[u8]) -> Result<(), Status> {
    let size = key.len().saturating_add(value.len());
    if size <= MAX_ITEM_SIZE_BYTES {
        return Ok(());
    }
    Err(limit_exceeded(
        "item_size_limit_exceeded",
        format!(
            "Item size limit exceeded: the item is {size} bytes, the limit is \
             {MAX_ITEM_SIZE_BYTES} bytes"
        ),
    ))
}

/// `RESOURCE_EXHAUSTED` carrying Momento's `err` metadata (read by the SDKs to pick the message).
pub fn limit_exceeded(err: &'static str, message: String) -> Status {
    let mut status = Status::new(Code::ResourceExhausted, message);
    status
        .metadata_mut()
        .insert("err", MetadataValue::from_static(err));
    status
}

/// `UNIMPLEMENTED` for an RPC this server does not have yet.
pub fn not_implemented(rpc: &str) -> Status {
    Status::unimplemented(format!("{rpc} is not implemented yet in momento-server"))
}
