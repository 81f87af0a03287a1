//! gRPC service implementations.
//!
//! - [`control`] serves `control_client.ScsControl` (caches).
//! - [`scs`] serves `cache_client.Scs`, the data plane; it routes each RPC to the module of its data
//!   type ([`scalar`] today; dictionaries, sets, lists and sorted sets get their own modules).
//! - [`ping`] serves `cache_client.Ping`.
//! - [`pubsub`] serves `cache_client.pubsub.Pubsub` (topics).
//! - [`leaderboard`] serves `leaderboard.Leaderboard`.
//! - [`token`] serves `token.Token` and [`auth_service`] `auth.Auth` (minting keys and tokens).
//! - [`webhook`] serves `webhook.Webhook` (topic webhooks; deliveries in
//!   [`crate::webhook_delivery`]).
//!
//! Shared request helpers (cache header, TTL and size validation) live here.

pub mod auth_service;
pub mod control;
pub mod dictionary;
pub mod leaderboard;
pub mod list;
pub mod ping;
pub mod pubsub;
pub mod scalar;
pub mod scs;
pub mod set;
pub mod sorted_set;
pub mod token;
pub mod webhook;

use std::pin::Pin;

use momento_proto::rpc::RpcRequest;
use tokio_stream::Stream;
use tonic::metadata::MetadataValue;
use tonic::{Code, Request, Status};

use crate::limits::Limits;
use crate::token::Claims;

/// The request header naming the cache of a data-plane call.
pub const CACHE_HEADER: &str = "cache";

/// What a data-plane handler answers: the response message of its request `R`, or a status.
pub type Reply<R> = Result<<R as RpcRequest>::Response, Status>;

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

/// The message of a control-plane or webhook request, once its caller may make it
/// ([`crate::permissions::authorize_control`]: a super user for every RPC but ListCaches).
pub fn authorized<R: RpcRequest>(request: Request<R>) -> Result<R, Status> {
    crate::permissions::authorize_control(request.extensions().get::<Claims>(), R::RPC)?;
    Ok(request.into_inner())
}

/// `NOT_FOUND` for an unknown cache.
pub fn cache_not_found(cache: &str) -> Status {
    Status::not_found(format!("Cache not found: {cache}"))
}

/// Validates a TTL in milliseconds: `INVALID_ARGUMENT` for 0 and above `limits`'
/// `max_ttl_seconds`.
pub fn check_ttl(limits: &Limits, ttl_ms: u64) -> Result<u64, Status> {
    if ttl_ms == 0 {
        return Err(Status::invalid_argument(
            "Invalid TTL: ttl_milliseconds must be greater than 0",
        ));
    }
    if let Some(max_ms) = limits.max_ttl_ms() {
        if ttl_ms > max_ms {
            return Err(Status::invalid_argument(format!(
                "Invalid TTL: {ttl_ms} ms exceeds the maximum TTL of {} seconds \
                 (--max-ttl-seconds)",
                limits.max_ttl_seconds
            )));
        }
    }
    Ok(ttl_ms)
}

/// `RESOURCE_EXHAUSTED` (`err: item_size_limit_exceeded`) when an item of `size` bytes is over
/// `limits`' item size limit or cannot fit in the store budget even alone
/// ([`Limits::store_budget`]); `what` completes "the … bytes" in the message.
fn check_size_limits(limits: &Limits, size: usize, what: &str) -> Result<(), Status> {
    let max = limits.max_item_size_bytes;
    if size > max {
        return Err(limit_exceeded(
            "item_size_limit_exceeded",
            format!("Item size limit exceeded: {what} {size} bytes, the limit is {max} bytes"),
        ));
    }
    let charged = crate::metrics::to_u64(size.saturating_add(crate::store::ITEM_OVERHEAD_BYTES));
    match (limits.memory_cap(), limits.store_budget()) {
        (Some(cap), Some(store)) if charged > store && store == cap => Err(limit_exceeded(
            "item_size_limit_exceeded",
            format!(
                "Item size limit exceeded: {what} {size} bytes, more than the server's whole \
                 memory cap of {cap} bytes (--max-memory-mb)"
            ),
        )),
        (Some(cap), Some(store)) if charged > store => Err(limit_exceeded(
            "item_size_limit_exceeded",
            format!(
                "Item size limit exceeded: {what} {size} bytes, more than the {store} bytes the \
                 server's memory cap of {cap} bytes (--max-memory-mb) leaves for stored items"
            ),
        )),
        _ => Ok(()),
    }
}

/// `RESOURCE_EXHAUSTED` with metadata `err: item_size_limit_exceeded` when key + value exceed
/// `limits`' item size limit (default [`crate::limits::MAX_ITEM_SIZE_BYTES`]) or the whole
/// store budget.
pub fn check_item_size(limits: &Limits, key: &[u8], value: &[u8]) -> Result<(), Status> {
    check_size_limits(limits, key.len().saturating_add(value.len()), "the item is")
}

/// `RESOURCE_EXHAUSTED` carrying Momento's `err` metadata (read by the SDKs to pick the message).
pub fn limit_exceeded(err: &'static str, message: String) -> Status {
    let mut status = Status::new(Code::ResourceExhausted, message);
    status
        .metadata_mut()
        .insert("err", MetadataValue::from_static(err));
    status
}

/// `FAILED_PRECONDITION` with metadata `err: invalid_type` for an operation on an item of another
/// type (e.g. a dictionary operation on a scalar or a list); `expected` names the type the
/// operation needs ("dictionary", "set", …).
pub fn type_mismatch(expected: &str) -> Status {
    let mut status = Status::failed_precondition(format!(
        "Invalid type: the item at this key is not a {expected}"
    ));
    status
        .metadata_mut()
        .insert("err", MetadataValue::from_static("invalid_type"));
    status
}

/// `RESOURCE_EXHAUSTED` with metadata `err: item_size_limit_exceeded` when a collection item's
/// total size (key + [`crate::store::element_bytes`] of every field, value or element) exceeds
/// `limits`' item size limit (default [`crate::limits::MAX_ITEM_SIZE_BYTES`]) or the whole
/// store budget.
pub fn check_collection_size(limits: &Limits, size: usize) -> Result<(), Status> {
    check_size_limits(limits, size, "the collection would be")
}

/// Runs `f` on one key of `cache`, mapping a missing cache to `NOT_FOUND`.
pub fn on_key<R>(
    store: &crate::store::Store,
    cache: &str,
    key: &[u8],
    f: impl FnOnce(&mut crate::store::Slot<'_>) -> Result<R, Status>,
) -> Result<R, Status> {
    store
        .with_key(cache, key, f)
        .map_err(|_| cache_not_found(cache))?
}

/// A length as the `uint32` of the responses (saturating).
pub fn length_u32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The `ECacheResult` of a lookup: `Hit` when it found something, else `Miss`.
pub fn hit_or_miss(hit: bool) -> i32 {
    let result = if hit {
        momento_proto::cache_client::ECacheResult::Hit
    } else {
        momento_proto::cache_client::ECacheResult::Miss
    };
    result as i32
}

/// Parses a stored counter (a base-10 `i64`).
pub fn parse_counter(value: &[u8]) -> Option<i64> {
    std::str::from_utf8(value).ok()?.parse().ok()
}

/// A collection type stored in one [`crate::store::Value`] variant (for [`upsert_collection`]).
pub trait Collection: Default {
    /// The type's name in type-mismatch errors.
    const TYPE_NAME: &'static str;
    /// The collection inside `value`, if `value` holds this type.
    fn from_value(value: &mut crate::store::Value) -> Option<&mut Self>;
    /// The collection inside `value`, if `value` holds this type (shared).
    fn from_ref(value: &crate::store::Value) -> Option<&Self>;
    /// Wraps the collection as a stored value.
    fn into_value(self) -> crate::store::Value;
    /// Whether it has no elements (empty collections are never stored).
    fn is_empty(&self) -> bool;

    /// The live collection at the slot (`None` when absent, `invalid_type` for another type).
    fn live<'a>(slot: &'a crate::store::Slot<'_>) -> Result<Option<&'a Self>, Status> {
        slot.get()
            .map(|item| Self::from_ref(&item.value).ok_or_else(|| type_mismatch(Self::TYPE_NAME)))
            .transpose()
    }

    /// The live collection at the slot, mutably.
    fn live_mut<'a>(slot: &'a mut crate::store::Slot<'_>) -> Result<Option<&'a mut Self>, Status> {
        slot.get_mut()
            .map(|item| {
                Self::from_value(&mut item.value).ok_or_else(|| type_mismatch(Self::TYPE_NAME))
            })
            .transpose()
    }
}

/// Implements [`Collection`] for `$ty`, stored as `Value::$variant`, named `$name` in errors.
macro_rules! collection {
    ($ty:ty, $variant:ident, $name:expr) => {
        impl $crate::services::Collection for $ty {
            const TYPE_NAME: &'static str = $name;

            fn from_value(value: &mut $crate::store::Value) -> Option<&mut Self> {
                match value {
                    $crate::store::Value::$variant(c) => Some(c),
                    _ => None,
                }
            }

            fn from_ref(value: &$crate::store::Value) -> Option<&Self> {
                match value {
                    $crate::store::Value::$variant(c) => Some(c),
                    _ => None,
                }
            }

            fn into_value(self) -> $crate::store::Value {
                $crate::store::Value::$variant(self)
            }

            fn is_empty(&self) -> bool {
                <$ty>::is_empty(self)
            }
        }
    };
}
pub(crate) use collection;

/// The value of a range bound's oneof (`$bounded` carries one; the unbounded variant and no
/// value at all are `None`): the indices of [`list::slice_range`], sorted-set score bounds.
macro_rules! slice_bound {
    ($value:expr, $bounded:path) => {
        match $value {
            Some($bounded(index)) => Some(index),
            _ => None,
        }
    };
}
pub(crate) use slice_bound;

/// A response that answers either `found` (carrying [`FoundOrMissing::Found`]) or `missing`:
/// the reads of a collection ([`read`]).
pub trait FoundOrMissing {
    /// The `found` message.
    type Found;
    /// The response carrying `found`.
    fn found(found: Self::Found) -> Self;
    /// The response saying the collection does not exist.
    fn missing() -> Self;
    /// What a client reads: `Some(Some(found))`, `Some(None)` for `missing`, `None` when the
    /// response carries neither.
    fn into_found(self) -> Option<Option<Self::Found>>;
}

/// Implements [`FoundOrMissing`] for `cache_client` responses, one row each: the response, its
/// oneof field, and the oneof type with its found and missing messages (in the response's module).
macro_rules! found_or_missing {
    ($($response:ident { $field:ident: $module:ident::$oneof:ident($found:ident, $missing:ident) })*) => {$(
        impl FoundOrMissing for momento_proto::cache_client::$response {
            type Found = momento_proto::cache_client::$module::$found;

            fn found(found: Self::Found) -> Self {
                use momento_proto::cache_client::$module::$oneof;
                Self { $field: Some($oneof::Found(found)) }
            }

            fn missing() -> Self {
                use momento_proto::cache_client::$module::{$missing, $oneof};
                Self { $field: Some($oneof::Missing($missing {})) }
            }

            fn into_found(self) -> Option<Option<Self::Found>> {
                use momento_proto::cache_client::$module::$oneof;
                self.$field.map(|answer| match answer {
                    $oneof::Found(found) => Some(found),
                    $oneof::Missing(_) => None,
                })
            }
        }
    )*};
}

found_or_missing! {
    DictionaryGetResponse { dictionary: dictionary_get_response::Dictionary(Found, Missing) }
    DictionaryFetchResponse { dictionary: dictionary_fetch_response::Dictionary(Found, Missing) }
    DictionaryLengthResponse { dictionary: dictionary_length_response::Dictionary(Found, Missing) }
    SetFetchResponse { set: set_fetch_response::Set(Found, Missing) }
    SetSampleResponse { set: set_sample_response::Set(Found, Missing) }
    SetContainsResponse { set: set_contains_response::Set(Found, Missing) }
    SetLengthResponse { set: set_length_response::Set(Found, Missing) }
    SetDifferenceResponse { set: set_difference_response::Set(Found, Missing) }
    SetPopResponse { set: set_pop_response::Set(Found, Missing) }
    ListFetchResponse { list: list_fetch_response::List(Found, Missing) }
    ListLengthResponse { list: list_length_response::List(Found, Missing) }
    ListPopFrontResponse { list: list_pop_front_response::List(Found, Missing) }
    ListPopBackResponse { list: list_pop_back_response::List(Found, Missing) }
    ListRemoveResponse { list: list_remove_response::List(Found, Missing) }
    ListRetainResponse { list: list_retain_response::List(Found, Missing) }
    ListEraseResponse { list: list_erase_response::List(Found, Missing) }
    SortedSetFetchResponse { sorted_set: sorted_set_fetch_response::SortedSet(Found, Missing) }
    SortedSetGetScoreResponse {
        sorted_set: sorted_set_get_score_response::SortedSet(SortedSetFound, SortedSetMissing)
    }
    SortedSetLengthResponse { sorted_set: sorted_set_length_response::SortedSet(Found, Missing) }
    SortedSetLengthByScoreResponse {
        sorted_set: sorted_set_length_by_score_response::SortedSet(Found, Missing)
    }
}

/// Reads the collection at `key`: `found` with what `found` makes of it when it exists,
/// `missing` when it does not (`invalid_type` for an item of another type, `NOT_FOUND` for an
/// unknown cache).
pub fn read<C: Collection, R: FoundOrMissing>(
    store: &crate::store::Store,
    cache: &str,
    key: &[u8],
    found: impl FnOnce(&C) -> R::Found,
) -> Result<R, Status> {
    on_key(store, cache, key, |slot| {
        Ok(C::live(slot)?.map_or_else(R::missing, |c| R::found(found(c))))
    })
}

/// The CollectionTtl write rule shared by the collection RPCs: runs `f` on the existing collection (resetting
/// its TTL to `ttl_ms` afterwards when `refresh_ttl`), or on a new empty one that is stored with `ttl_ms` if
/// `f` leaves it non-empty. `f` must validate before mutating: on error nothing is written.
pub fn upsert_collection<C: Collection, R>(
    slot: &mut crate::store::Slot<'_>,
    ttl_ms: u64,
    refresh_ttl: bool,
    f: impl FnOnce(&mut C) -> Result<R, Status>,
) -> Result<R, Status> {
    let now = slot.now();
    match slot.get_mut() {
        Some(item) => {
            let collection =
                C::from_value(&mut item.value).ok_or_else(|| type_mismatch(C::TYPE_NAME))?;
            let result = f(collection)?;
            if refresh_ttl {
                item.set_ttl(now, ttl_ms);
            }
            Ok(result)
        }
        None => {
            let mut collection = C::default();
            let result = f(&mut collection)?;
            if !collection.is_empty() {
                slot.insert(crate::store::Item::new(
                    collection.into_value(),
                    now,
                    ttl_ms,
                ));
            }
            Ok(result)
        }
    }
}
