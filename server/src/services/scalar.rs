//! Scalar data-plane operations (`Get`, `Set`, conditional sets, counters, TTLs, batches).
//!
//! Each function takes the store, the cache name (from the `cache` header) and the decoded
//! request, and returns the response message. Result conventions follow the Momento SDKs:
//! `_GetResponse.result` is `Hit`/`Miss`, `_SetResponse.result` is always `Ok`, conditional sets
//! answer `stored`/`not_stored`, batch responses come one per item in request order.

use momento_proto::cache_client::{
    get_with_hash_response, item_get_ttl_response, item_get_type_response, set_if_hash_request,
    set_if_hash_response, set_if_not_exists_response, set_if_request, set_if_response,
    update_ttl_request, update_ttl_response, DeleteRequest, DeleteResponse, ECacheResult,
    GetBatchRequest, GetRequest, GetResponse, GetWithHashRequest, GetWithHashResponse,
    IncrementRequest, IncrementResponse, ItemGetTtlRequest, ItemGetTtlResponse, ItemGetTypeRequest,
    ItemGetTypeResponse, KeysExistRequest, KeysExistResponse, SetBatchRequest, SetIfHashRequest,
    SetIfHashResponse, SetIfNotExistsRequest, SetIfNotExistsResponse, SetIfRequest, SetIfResponse,
    SetRequest, SetResponse, UpdateTtlRequest, UpdateTtlResponse,
};
use momento_proto::common::Absent;
use tonic::Status;

use super::{cache_not_found, check_item_size, check_ttl, on_key, parse_counter, Reply};
use crate::store::{value_hash, Item, Slot, Store, Value};

/// `FAILED_PRECONDITION` for a scalar operation on a collection item.
fn wrong_type() -> Status {
    Status::failed_precondition("Invalid type: the item at this key is not a scalar value")
}

/// The scalar value of the live item at the slot, if any.
fn current_scalar<'a>(slot: &'a Slot<'_>) -> Result<Option<&'a [u8]>, Status> {
    slot.get()
        .map(|item| item.as_scalar().ok_or_else(wrong_type))
        .transpose()
}

fn store_scalar(slot: &mut Slot<'_>, value: Vec<u8>, ttl_ms: u64) {
    let item = Item::new(Value::Scalar(value), slot.now(), ttl_ms);
    slot.insert(item);
}

fn hit(body: Vec<u8>) -> GetResponse {
    GetResponse {
        result: ECacheResult::Hit as i32,
        cache_body: body,
        message: String::new(),
    }
}

fn miss() -> GetResponse {
    GetResponse {
        result: ECacheResult::Miss as i32,
        cache_body: Vec::new(),
        message: String::new(),
    }
}

fn set_ok() -> SetResponse {
    SetResponse {
        result: ECacheResult::Ok as i32,
        message: String::new(),
    }
}

/// `Get`: `Hit` with the body, or `Miss`.
pub fn get(store: &Store, cache: &str, request: GetRequest) -> Result<GetResponse, Status> {
    on_key(store, cache, &request.cache_key, |slot| {
        Ok(current_scalar(slot)?.map_or_else(miss, |value| hit(value.to_vec())))
    })
}

/// `GetWithHash`: `found {value, hash}` or `missing`.
pub fn get_with_hash(
    store: &Store,
    cache: &str,
    request: GetWithHashRequest,
) -> Reply<GetWithHashRequest> {
    use get_with_hash_response::{Found, Missing, Result as R};
    on_key(store, cache, &request.cache_key, |slot| {
        let result = match current_scalar(slot)? {
            Some(value) => R::Found(Found {
                value: value.to_vec(),
                hash: value_hash(value),
            }),
            None => R::Missing(Missing {}),
        };
        Ok(GetWithHashResponse {
            result: Some(result),
        })
    })
}

/// `GetBatch`: one `_GetResponse` per requested key, in order.
pub fn get_batch(
    store: &Store,
    cache: &str,
    request: GetBatchRequest,
) -> Result<Vec<GetResponse>, Status> {
    if !store.cache_exists(cache) {
        return Err(cache_not_found(cache));
    }
    request
        .items
        .into_iter()
        .map(|item| get(store, cache, item))
        .collect()
}

/// `Set`: stores the value; the response result is always `Ok`.
pub fn set(store: &Store, cache: &str, request: SetRequest) -> Result<SetResponse, Status> {
    let ttl = check_ttl(store.limits(), request.ttl_milliseconds)?;
    check_item_size(store.limits(), &request.cache_key, &request.cache_body)?;
    let SetRequest {
        cache_key,
        cache_body,
        ..
    } = request;
    on_key(store, cache, &cache_key, |slot| {
        store_scalar(slot, cache_body, ttl);
        Ok(set_ok())
    })
}

/// `SetBatch`: validates every item first (nothing is stored if one is invalid), then stores
/// them in order and answers one `Ok` per item.
pub fn set_batch(
    store: &Store,
    cache: &str,
    request: SetBatchRequest,
) -> Result<Vec<SetResponse>, Status> {
    if !store.cache_exists(cache) {
        return Err(cache_not_found(cache));
    }
    for item in &request.items {
        check_ttl(store.limits(), item.ttl_milliseconds)?;
        check_item_size(store.limits(), &item.cache_key, &item.cache_body)?;
    }
    request
        .items
        .into_iter()
        .map(|item| set(store, cache, item))
        .collect()
}

/// Whether a `SetIf` condition holds for the current value (`None` = absent).
fn set_if_condition_holds(condition: &set_if_request::Condition, current: Option<&[u8]>) -> bool {
    use set_if_request::Condition as C;
    match condition {
        C::Present(_) => current.is_some(),
        C::PresentAndNotEqual(c) => current.is_some_and(|v| v != c.value_to_check.as_slice()),
        C::Absent(_) => current.is_none(),
        C::Equal(c) => current.is_some_and(|v| v == c.value_to_check.as_slice()),
        C::AbsentOrEqual(c) => current.is_none_or(|v| v == c.value_to_check.as_slice()),
        C::NotEqual(c) => current.is_none_or(|v| v != c.value_to_check.as_slice()),
    }
}

/// The conditional writes (`SetIf`, `SetIfHash`): validates the TTL and the item size, then
/// stores `cache_body` at `cache_key` when `holds` is true of the current value (`None` =
/// absent). Answers whether it stored.
fn store_if(
    store: &Store,
    cache: &str,
    (cache_key, cache_body, ttl_ms): (Vec<u8>, Vec<u8>, u64),
    holds: impl FnOnce(Option<&[u8]>) -> bool,
) -> Result<bool, Status> {
    let ttl = check_ttl(store.limits(), ttl_ms)?;
    check_item_size(store.limits(), &cache_key, &cache_body)?;
    on_key(store, cache, &cache_key, |slot| {
        let stored = holds(current_scalar(slot)?);
        if stored {
            store_scalar(slot, cache_body, ttl);
        }
        Ok(stored)
    })
}

/// `SetIf`: stores when the condition holds (`stored`), else `not_stored`.
pub fn set_if(store: &Store, cache: &str, request: SetIfRequest) -> Result<SetIfResponse, Status> {
    use set_if_response::{NotStored, Result as R, Stored};
    let condition = request
        .condition
        .ok_or_else(|| Status::invalid_argument("SetIf requires a condition"))?;
    let write = (
        request.cache_key,
        request.cache_body,
        request.ttl_milliseconds,
    );
    let holds = |current: Option<&[u8]>| set_if_condition_holds(&condition, current);
    let result = if store_if(store, cache, write, holds)? {
        R::Stored(Stored {})
    } else {
        R::NotStored(NotStored {})
    };
    Ok(SetIfResponse {
        result: Some(result),
    })
}

/// `SetIfNotExists` (deprecated; the SDKs use `SetIf` with `absent`): answered as that `SetIf`.
pub fn set_if_not_exists(
    store: &Store,
    cache: &str,
    request: SetIfNotExistsRequest,
) -> Reply<SetIfNotExistsRequest> {
    use set_if_not_exists_response::{NotStored, Result as R, Stored};
    let absent = SetIfRequest {
        cache_key: request.cache_key,
        cache_body: request.cache_body,
        ttl_milliseconds: request.ttl_milliseconds,
        condition: Some(set_if_request::Condition::Absent(Absent {})),
    };
    let result = match set_if(store, cache, absent)?.result {
        Some(set_if_response::Result::Stored(_)) => R::Stored(Stored {}),
        _ => R::NotStored(NotStored {}),
    };
    Ok(SetIfNotExistsResponse {
        result: Some(result),
    })
}

/// Whether a `SetIfHash` condition holds for the hash of the current value (`None` = absent).
fn set_if_hash_condition_holds(
    condition: &set_if_hash_request::Condition,
    current_hash: Option<&[u8]>,
) -> bool {
    use set_if_hash_request::Condition as C;
    match condition {
        C::PresentAndNotHashEqual(c) => {
            current_hash.is_some_and(|h| h != c.hash_to_check.as_slice())
        }
        C::PresentAndHashEqual(c) => current_hash.is_some_and(|h| h == c.hash_to_check.as_slice()),
        C::AbsentOrHashEqual(c) => current_hash.is_none_or(|h| h == c.hash_to_check.as_slice()),
        C::AbsentOrNotHashEqual(c) => current_hash.is_none_or(|h| h != c.hash_to_check.as_slice()),
        C::Unconditional(_) => true,
    }
}

/// `SetIfHash`: stores when the hash condition holds (`stored {new_hash}`), else `not_stored`.
pub fn set_if_hash(
    store: &Store,
    cache: &str,
    request: SetIfHashRequest,
) -> Reply<SetIfHashRequest> {
    use set_if_hash_response::{NotStored, Result as R, Stored};
    let condition = request
        .condition
        .ok_or_else(|| Status::invalid_argument("SetIfHash requires a condition"))?;
    let new_hash = value_hash(&request.cache_body);
    let write = (
        request.cache_key,
        request.cache_body,
        request.ttl_milliseconds,
    );
    let holds = |current: Option<&[u8]>| {
        let current_hash = current.map(value_hash);
        set_if_hash_condition_holds(&condition, current_hash.as_deref())
    };
    let stored = store_if(store, cache, write, holds)?;
    Ok(SetIfHashResponse {
        result: Some(if stored {
            R::Stored(Stored { new_hash })
        } else {
            R::NotStored(NotStored {})
        }),
    })
}

/// `Delete`: removes the key (also when it does not exist).
pub fn delete(store: &Store, cache: &str, request: DeleteRequest) -> Reply<DeleteRequest> {
    on_key(store, cache, &request.cache_key, |slot| {
        slot.remove();
        Ok(DeleteResponse {})
    })
}

/// `KeysExist`: `exists[i]` tells whether `cache_keys[i]` holds a live item.
pub fn keys_exist(
    store: &Store,
    cache: &str,
    request: KeysExistRequest,
) -> Reply<KeysExistRequest> {
    if !store.cache_exists(cache) {
        return Err(cache_not_found(cache));
    }
    let exists = request
        .cache_keys
        .iter()
        .map(|key| on_key(store, cache, key, |slot| Ok(slot.get().is_some())))
        .collect::<Result<_, _>>()?;
    Ok(KeysExistResponse { exists })
}

/// `Increment`: adds `amount` to the base-10 integer at the key (a missing key counts as 0),
/// stores the result as a base-10 string with the request's TTL and returns it.
/// `FAILED_PRECONDITION` when the stored value is not an integer or the sum overflows.
pub fn increment(store: &Store, cache: &str, request: IncrementRequest) -> Reply<IncrementRequest> {
    let ttl = check_ttl(store.limits(), request.ttl_milliseconds)?;
    on_key(store, cache, &request.cache_key, |slot| {
        let current = match current_scalar(slot)? {
            None => 0,
            Some(value) => parse_counter(value).ok_or_else(|| {
                Status::failed_precondition(
                    "Failed to increment: the value stored at this key is not a base-10 integer",
                )
            })?,
        };
        let value = current.checked_add(request.amount).ok_or_else(|| {
            Status::failed_precondition(
                "Failed to increment: the result overflows a 64-bit integer",
            )
        })?;
        store_scalar(slot, value.to_string().into_bytes(), ttl);
        Ok(IncrementResponse { value })
    })
}

/// `UpdateTtl`: `increase_to` applies only if longer than the remaining TTL, `decrease_to` only
/// if shorter, `overwrite_to` always; answers `set`, `not_set` or `missing`.
pub fn update_ttl(
    store: &Store,
    cache: &str,
    request: UpdateTtlRequest,
) -> Reply<UpdateTtlRequest> {
    use update_ttl_request::UpdateTtl as U;
    use update_ttl_response::{Missing, NotSet, Result as R, Set};
    let update = request
        .update_ttl
        .ok_or_else(|| Status::invalid_argument("UpdateTtl requires a TTL"))?;
    let target = match update {
        U::IncreaseToMilliseconds(ms)
        | U::DecreaseToMilliseconds(ms)
        | U::OverwriteToMilliseconds(ms) => check_ttl(store.limits(), ms)?,
    };
    on_key(store, cache, &request.cache_key, |slot| {
        let now = slot.now();
        let result = match slot.get_mut() {
            None => R::Missing(Missing {}),
            Some(item) => {
                let remaining = item.remaining_ttl_ms(now);
                let apply = match update {
                    U::IncreaseToMilliseconds(_) => target > remaining,
                    U::DecreaseToMilliseconds(_) => target < remaining,
                    U::OverwriteToMilliseconds(_) => true,
                };
                if apply {
                    item.set_ttl(now, target);
                    R::Set(Set {})
                } else {
                    R::NotSet(NotSet {})
                }
            }
        };
        Ok(UpdateTtlResponse {
            result: Some(result),
        })
    })
}

/// `ItemGetTtl`: `found {remaining_ttl_millis}` or `missing`.
pub fn item_get_ttl(
    store: &Store,
    cache: &str,
    request: ItemGetTtlRequest,
) -> Reply<ItemGetTtlRequest> {
    use item_get_ttl_response::{Found, Missing, Result as R};
    on_key(store, cache, &request.cache_key, |slot| {
        let now = slot.now();
        let result = match slot.get() {
            Some(item) => R::Found(Found {
                remaining_ttl_millis: item.remaining_ttl_ms(now),
            }),
            None => R::Missing(Missing {}),
        };
        Ok(ItemGetTtlResponse {
            result: Some(result),
        })
    })
}

/// `ItemGetType`: `found {item_type}` or `missing`.
pub fn item_get_type(
    store: &Store,
    cache: &str,
    request: ItemGetTypeRequest,
) -> Reply<ItemGetTypeRequest> {
    use item_get_type_response::{Found, ItemType, Missing, Result as R};
    on_key(store, cache, &request.cache_key, |slot| {
        let result = match slot.get().map(|item| &item.value) {
            Some(value) => R::Found(Found {
                item_type: match value {
                    Value::Scalar(_) => ItemType::Scalar,
                    Value::Dictionary(_) => ItemType::Dictionary,
                    Value::Set(_) => ItemType::Set,
                    Value::List(_) => ItemType::List,
                    Value::SortedSet(_) => ItemType::SortedSet,
                } as i32,
            }),
            None => R::Missing(Missing {}),
        };
        Ok(ItemGetTypeResponse {
            result: Some(result),
        })
    })
}
