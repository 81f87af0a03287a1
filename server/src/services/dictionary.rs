//! Dictionaries: the `Dictionary*` RPCs of `cache_client.Scs`.
//!
//! A dictionary is stored as one item whose key is the request's `dictionary_name`, holding a
//! field → value map ([`Value::Dictionary`]). Conventions (shared with the other collections):
//! - an item of another type at the key → `FAILED_PRECONDITION` with `err: invalid_type`;
//! - writes (`DictionarySet`, `DictionaryIncrement`) carry a collection TTL: a new dictionary gets
//!   `ttl_milliseconds` (which must be > 0); an existing one gets it only when `refresh_ttl` is
//!   set, otherwise its expiry is unchanged;
//! - an empty dictionary is never stored: deleting the last field deletes the item, and reads of a
//!   missing dictionary answer `missing`;
//! - key + every field/value pair ([`crate::store::element_bytes`]) must fit in the item size limit, else
//!   `RESOURCE_EXHAUSTED` (`err: item_size_limit_exceeded`) and nothing is written.

use std::collections::HashMap;

use momento_proto::cache_client::{
    dictionary_delete_request, dictionary_fetch_response, dictionary_get_response,
    dictionary_length_response, DictionaryDeleteRequest, DictionaryDeleteResponse,
    DictionaryFetchRequest, DictionaryFieldValuePair, DictionaryGetRequest,
    DictionaryIncrementRequest, DictionaryIncrementResponse, DictionaryLengthRequest,
    DictionarySetRequest, DictionarySetResponse,
};
use tonic::Status;

use super::{
    check_collection_size, check_ttl, collection, hit_or_miss, length_u32, on_key, parse_counter,
    read, upsert_collection, Collection, Reply,
};
use crate::store::{Store, Value};

/// The stored representation of a dictionary.
type Dict = HashMap<Vec<u8>, Vec<u8>>;

collection!(Dict, Dictionary, "dictionary");

/// Bytes charged for one field/value pair ([`crate::store::element_bytes`]).
fn entry_size(field: &[u8], value: &[u8]) -> usize {
    crate::store::element_bytes(field.len().saturating_add(value.len()))
}

/// Bytes of the whole item: key + every field/value pair ([`entry_size`]).
fn total_size(key: &[u8], dict: &Dict) -> usize {
    dict.iter().fold(key.len(), |acc, (f, v)| {
        acc.saturating_add(entry_size(f, v))
    })
}

/// What a `DictionaryGet` response may carry: the value of every requested field, counted as
/// often as the field is named (the in-flight budget reserves it before the values are copied,
/// see [`crate::budget`]); `None` when the dictionary does not exist.
pub fn get_response_bound(
    store: &Store,
    cache: &str,
    request: &DictionaryGetRequest,
) -> Option<u64> {
    store.peek(cache, &request.dictionary_name, |item| match &item.value {
        Value::Dictionary(dict) => request
            .fields
            .iter()
            .filter_map(|field| dict.get(field))
            .fold(0u64, |acc, value| {
                acc.saturating_add(crate::metrics::to_u64(value.len()))
            }),
        _ => 0,
    })
}

/// `DictionaryGet`: `found` with one part per requested field, in request order (`Hit` with the
/// value or `Miss`), or `missing` when the dictionary does not exist. An empty field list is
/// `INVALID_ARGUMENT`.
pub fn get(
    store: &Store,
    cache: &str,
    request: DictionaryGetRequest,
) -> Reply<DictionaryGetRequest> {
    use dictionary_get_response::{DictionaryGetResponsePart, Found};
    if request.fields.is_empty() {
        return Err(Status::invalid_argument(
            "Invalid request: DictionaryGet needs at least one field",
        ));
    }
    read(store, cache, &request.dictionary_name, |dict: &Dict| {
        Found {
            items: request
                .fields
                .iter()
                .map(|field| {
                    let value = dict.get(field);
                    DictionaryGetResponsePart {
                        result: hit_or_miss(value.is_some()),
                        cache_body: value.cloned().unwrap_or_default(),
                    }
                })
                .collect(),
        }
    })
}

/// `DictionaryFetch`: `found` with every field/value pair (in no particular order), or
/// `missing`.
pub fn fetch(
    store: &Store,
    cache: &str,
    request: DictionaryFetchRequest,
) -> Reply<DictionaryFetchRequest> {
    use dictionary_fetch_response::Found;
    read(store, cache, &request.dictionary_name, |dict: &Dict| {
        Found {
            items: dict
                .iter()
                .map(|(field, value)| DictionaryFieldValuePair {
                    field: field.clone(),
                    value: value.clone(),
                })
                .collect(),
        }
    })
}

/// `DictionarySet`: stores every pair (a field repeated in the request keeps its last value),
/// creating the dictionary when absent; collection-TTL rules as in the module docs. An empty
/// item list is `INVALID_ARGUMENT`.
pub fn set(
    store: &Store,
    cache: &str,
    request: DictionarySetRequest,
) -> Reply<DictionarySetRequest> {
    let ttl = check_ttl(store.limits(), request.ttl_milliseconds)?;
    if request.items.is_empty() {
        return Err(Status::invalid_argument(
            "Invalid request: DictionarySet needs at least one field/value pair",
        ));
    }
    let DictionarySetRequest {
        dictionary_name,
        items,
        refresh_ttl,
        ..
    } = request;
    let updates: Dict = items
        .into_iter()
        .map(|pair| (pair.field, pair.value))
        .collect();
    on_key(store, cache, &dictionary_name, |slot| {
        upsert_collection::<Dict, _>(slot, ttl, refresh_ttl, |dict| {
            let kept = dict
                .iter()
                .filter(|(field, _)| !updates.contains_key(*field))
                .fold(dictionary_name.len(), |acc, (f, v)| {
                    acc.saturating_add(entry_size(f, v))
                });
            let size = updates
                .iter()
                .fold(kept, |acc, (f, v)| acc.saturating_add(entry_size(f, v)));
            check_collection_size(store.limits(), size)?;
            dict.extend(updates);
            Ok(DictionarySetResponse {})
        })
    })
}

/// `DictionaryIncrement`: adds `amount` to the base-10 integer in `field` (a missing field or
/// dictionary counts as 0), stores the result as a base-10 string and returns it.
/// `FAILED_PRECONDITION` when the field holds something else or the sum overflows.
pub fn increment(
    store: &Store,
    cache: &str,
    request: DictionaryIncrementRequest,
) -> Reply<DictionaryIncrementRequest> {
    let ttl = check_ttl(store.limits(), request.ttl_milliseconds)?;
    let DictionaryIncrementRequest {
        dictionary_name,
        field,
        amount,
        refresh_ttl,
        ..
    } = request;
    on_key(store, cache, &dictionary_name, |slot| {
        upsert_collection::<Dict, _>(slot, ttl, refresh_ttl, |dict| {
            let old = dict.get(&field);
            let current = match old {
                None => 0,
                Some(value) => parse_counter(value).ok_or_else(|| {
                    Status::failed_precondition(
                        "Failed to increment: the value of this dictionary field is not a \
                         base-10 integer",
                    )
                })?,
            };
            let value = current.checked_add(amount).ok_or_else(|| {
                Status::failed_precondition(
                    "Failed to increment: the result overflows a 64-bit integer",
                )
            })?;
            let encoded = value.to_string().into_bytes();
            let old_entry = old.map_or(0, |v| entry_size(&field, v));
            let size = total_size(&dictionary_name, dict)
                .saturating_sub(old_entry)
                .saturating_add(entry_size(&field, &encoded));
            check_collection_size(store.limits(), size)?;
            dict.insert(field, encoded);
            Ok(DictionaryIncrementResponse { value })
        })
    })
}

/// `DictionaryDelete`: `some` removes the listed fields (deleting the dictionary when it becomes
/// empty), `all` deletes the dictionary. Missing dictionaries and fields are not errors.
pub fn delete(
    store: &Store,
    cache: &str,
    request: DictionaryDeleteRequest,
) -> Reply<DictionaryDeleteRequest> {
    use dictionary_delete_request::Delete;
    let delete = request.delete.ok_or_else(|| {
        Status::invalid_argument("Invalid request: DictionaryDelete needs `some` or `all`")
    })?;
    on_key(store, cache, &request.dictionary_name, |slot| {
        let emptied = match Dict::live_mut(slot)? {
            None => false,
            Some(dict) => match &delete {
                Delete::All(_) => true,
                Delete::Some(some) => {
                    for field in &some.fields {
                        dict.remove(field);
                    }
                    dict.is_empty()
                }
            },
        };
        if emptied {
            slot.remove();
        }
        Ok(DictionaryDeleteResponse {})
    })
}

/// `DictionaryLength`: `found {length}` (number of fields) or `missing`.
pub fn length(
    store: &Store,
    cache: &str,
    request: DictionaryLengthRequest,
) -> Reply<DictionaryLengthRequest> {
    use dictionary_length_response::Found;
    read(store, cache, &request.dictionary_name, |dict: &Dict| {
        Found {
            length: length_u32(dict.len()),
        }
    })
}
