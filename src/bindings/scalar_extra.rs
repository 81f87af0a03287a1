//! The other scalar methods of `CacheClientCore` (feature `scalar-extra`): increment, conditional and
//! hash-conditional sets, batches, existence, item type/TTL and TTL updates. Each resolves to a tagged object
//! (see `CoreResult`).

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, methods, uint8, BatchItems, Bytes, BytesArray, CallOptions, Hash, IntoJs, Num,
    Text, TtlOptions,
};
use crate::core::cache::scalar::get_batch::{GetBatchRequest, GetBatchResponse};
use crate::core::cache::scalar::get_with_hash::{GetWithHashRequest, GetWithHashResponse};
use crate::core::cache::scalar::increment::{IncrementRequest, IncrementResponse};
use crate::core::cache::scalar::item_get_ttl::{ItemGetTtlRequest, ItemGetTtlResponse};
use crate::core::cache::scalar::item_get_type::{ItemGetTypeRequest, ItemGetTypeResponse};
use crate::core::cache::scalar::keys_exist::{KeysExistRequest, KeysExistResponse};
use crate::core::cache::scalar::set_batch::{BatchItem, SetBatchRequest, SetBatchResponse};
use crate::core::cache::scalar::set_if::{Condition, SetIfRequest, SetIfResponse};
use crate::core::cache::scalar::set_if_hash::{HashCondition, SetIfHashRequest, SetIfHashResponse};
use crate::core::cache::scalar::update_ttl::{TtlChange, UpdateTtlRequest, UpdateTtlResponse};
use crate::core::error::MomentoError;
use crate::core::rpc::UnaryRpc;

impl CacheClientCore {
    /// Shared by the conditional sets (`new`: `SetIfRequest::new`) and the hash-conditioned ones
    /// (`SetIfHashRequest::new`): one out-of-line copy per kind of condition in the bundle.
    #[inline(never)]
    #[allow(clippy::type_complexity)]
    fn conditional_set<C, R: UnaryRpc>(
        &self,
        cache_name: Text,
        key: Bytes,
        value: Bytes,
        condition: Result<C, MomentoError>,
        new: fn(String, Vec<u8>, Vec<u8>, C, Option<f64>, u64) -> Result<R, MomentoError>,
        options: Option<Object>,
    ) -> PendingCall
    where
        R::Response: IntoJs,
    {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                condition?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    fn set_if(
        &self,
        cache_name: Text,
        key: Bytes,
        value: Bytes,
        condition: Result<Condition, MomentoError>,
        options: Option<Object>,
    ) -> PendingCall {
        let new = SetIfRequest::new;
        self.conditional_set(cache_name, key, value, condition, new, options)
    }

    fn set_if_hash(
        &self,
        cache_name: Text,
        key: Bytes,
        value: Bytes,
        condition: Result<HashCondition, MomentoError>,
        options: Option<Object>,
    ) -> PendingCall {
        let new = SetIfHashRequest::new;
        self.conditional_set(cache_name, key, value, condition, new, options)
    }

    #[inline(never)]
    fn update_ttl_with(
        &self,
        cache_name: Text,
        key: Bytes,
        ttl_milliseconds: Num,
        change: TtlChange,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(UpdateTtlRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::number(&ttl_milliseconds, "ttlMilliseconds")?,
                change,
            )?))
        })
    }
}

fn hash(value: &JsValue) -> Result<Vec<u8>, MomentoError> {
    convert::bytes(value, "hash")
}

/// `setBatch`'s `[key, value, ttlSeconds?][]`.
fn batch_items(items: &JsValue) -> Result<Vec<BatchItem>, MomentoError> {
    let array = items
        .dyn_ref::<Array>()
        .ok_or_else(|| MomentoError::invalid_argument("items must be an array"))?;
    array
        .iter()
        .map(|entry| {
            let entry: Array = entry.dyn_into().map_err(|_| {
                MomentoError::invalid_argument("each item must be [key, value, ttl?]")
            })?;
            let ttl = entry.get(2);
            Ok(BatchItem {
                key: convert::bytes(&entry.get(0), "key")?,
                value: convert::bytes(&entry.get(1), "value")?,
                ttl_seconds: if ttl.is_undefined() || ttl.is_null() {
                    None
                } else {
                    Some(convert::number(&ttl, "ttl")?)
                },
            })
        })
        .collect()
}

methods! {
    CacheClientCore {
        #[doc = " Stores many items in one streamed call. `items` is `[key, value, ttlSeconds?][]`; `options.ttl` applies to"]
        #[doc = " items without their own. Resolves to `{type: 'Success', count}`."]
        fn set_batch as setBatch(&self, cacheName: Text, items: BatchItems; options: TtlOptions) {
            self.start(&options, || {
                Ok(prepare(SetBatchRequest::new(
                    convert::text(&cacheName, "cache name")?,
                    batch_items(&items)?,
                    convert::opt_number(&options, "ttl")?,
                    self.default_ttl_ms,
                )?))
            })
        }

        #[doc = " Adds `amount` (an integer) to the counter at `field`: `{type: 'Success', value}`. Never retried."]
        fn increment as increment(&self, cacheName: Text, field: Bytes, amount: Num; options: TtlOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                Ok(prepare(IncrementRequest::new(
                    cacheName,
                    convert::bytes(&field, "field")?,
                    convert::number(&amount, "amount")?,
                    convert::opt_number(&options, "ttl")?,
                    self.default_ttl_ms,
                )?))
            })
        }

        #[doc = " Stores only if the key is absent: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_absent as setIfAbsent(&self, cacheName: Text, key: Bytes, value: Bytes; options: TtlOptions) {
            self.set_if(cacheName, key, value, Ok(Condition::Absent), options)
        }

        #[doc = " Stores only if the key exists: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_present as setIfPresent(&self, cacheName: Text, key: Bytes, value: Bytes; options: TtlOptions) {
            self.set_if(cacheName, key, value, Ok(Condition::Present), options)
        }

        #[doc = " Stores only if the current value equals `equal`: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_equal as setIfEqual(&self, cacheName: Text, key: Bytes, value: Bytes, equal: Bytes; options: TtlOptions) {
            let cond = convert::bytes(&equal, "equal").map(Condition::Equal);
            self.set_if(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key is absent or its value differs from `notEqual`: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_not_equal as setIfNotEqual(&self, cacheName: Text, key: Bytes, value: Bytes, notEqual: Bytes; options: TtlOptions) {
            let cond = convert::bytes(&notEqual, "notEqual").map(Condition::NotEqual);
            self.set_if(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key exists and its value differs from `notEqual`: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_present_and_not_equal as setIfPresentAndNotEqual(&self, cacheName: Text, key: Bytes, value: Bytes, notEqual: Bytes; options: TtlOptions) {
            let cond = convert::bytes(&notEqual, "notEqual").map(Condition::PresentAndNotEqual);
            self.set_if(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key is absent or its value equals `equal`: `{type: 'Stored' | 'NotStored'}`."]
        fn set_if_absent_or_equal as setIfAbsentOrEqual(&self, cacheName: Text, key: Bytes, value: Bytes, equal: Bytes; options: TtlOptions) {
            let cond = convert::bytes(&equal, "equal").map(Condition::AbsentOrEqual);
            self.set_if(cacheName, key, value, cond, options)
        }

        #[doc = " Reads a key with the service's hash of its value: `{type: 'Hit', value, hash}` or `{type: 'Miss'}`."]
        fn get_with_hash as getWithHash(&self, cacheName: Text, key: Bytes; options: CallOptions) {
            self.cache_call(&cacheName, &key, "key", convert::bytes, GetWithHashRequest::new, &options)
        }

        #[doc = " Stores a value and returns its hash: `{type: 'Stored', hash}`."]
        fn set_with_hash as setWithHash(&self, cacheName: Text, key: Bytes, value: Bytes; options: TtlOptions) {
            self.set_if_hash(cacheName, key, value, Ok(HashCondition::Unconditional), options)
        }

        #[doc = " Stores if the key exists and its hash equals `hashEqual`: `{type: 'Stored', hash} | {type: 'NotStored'}`."]
        fn set_if_present_and_hash_equal as setIfPresentAndHashEqual(&self, cacheName: Text, key: Bytes, value: Bytes, hashEqual: Hash; options: TtlOptions) {
            let cond = hash(&hashEqual).map(HashCondition::PresentAndHashEqual);
            self.set_if_hash(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key exists and its hash differs from `hashNotEqual`."]
        fn set_if_present_and_hash_not_equal as setIfPresentAndHashNotEqual(&self, cacheName: Text, key: Bytes, value: Bytes, hashNotEqual: Hash; options: TtlOptions) {
            let cond = hash(&hashNotEqual).map(HashCondition::PresentAndHashNotEqual);
            self.set_if_hash(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key is absent or its hash equals `hashEqual`."]
        fn set_if_absent_or_hash_equal as setIfAbsentOrHashEqual(&self, cacheName: Text, key: Bytes, value: Bytes, hashEqual: Hash; options: TtlOptions) {
            let cond = hash(&hashEqual).map(HashCondition::AbsentOrHashEqual);
            self.set_if_hash(cacheName, key, value, cond, options)
        }

        #[doc = " Stores if the key is absent or its hash differs from `hashNotEqual`."]
        fn set_if_absent_or_hash_not_equal as setIfAbsentOrHashNotEqual(&self, cacheName: Text, key: Bytes, value: Bytes, hashNotEqual: Hash; options: TtlOptions) {
            let cond = hash(&hashNotEqual).map(HashCondition::AbsentOrHashNotEqual);
            self.set_if_hash(cacheName, key, value, cond, options)
        }

        #[doc = " Reads many keys in one streamed call: `{type: 'Success', results: ({type: 'Hit', value} | {type: 'Miss'})[]}`"]
        #[doc = " in key order."]
        fn get_batch as getBatch(&self, cacheName: Text, keys: BytesArray; options: CallOptions) {
            self.cache_call(&cacheName, &keys, "keys", convert::bytes_list, GetBatchRequest::new, &options)
        }

        #[doc = " Which keys exist: `{type: 'Success', exists: boolean[]}` in key order."]
        fn keys_exist as keysExist(&self, cacheName: Text, keys: BytesArray; options: CallOptions) {
            self.cache_call(&cacheName, &keys, "keys", convert::bytes_list, KeysExistRequest::new, &options)
        }

        #[doc = " The type of the item at `key`: `{type: 'Hit', itemType: 'SCALAR' | 'DICTIONARY' | …}` or `{type: 'Miss'}`."]
        fn item_get_type as itemGetType(&self, cacheName: Text, key: Bytes; options: CallOptions) {
            self.cache_call(&cacheName, &key, "key", convert::bytes, ItemGetTypeRequest::new, &options)
        }

        #[doc = " The remaining TTL of `key`: `{type: 'Hit', remainingTtlMillis}` or `{type: 'Miss'}`."]
        fn item_get_ttl as itemGetTtl(&self, cacheName: Text, key: Bytes; options: CallOptions) {
            self.cache_call(&cacheName, &key, "key", convert::bytes, ItemGetTtlRequest::new, &options)
        }

        #[doc = " Sets the TTL of `key` to `ttlMilliseconds`: `{type: 'Set' | 'Miss'}`."]
        fn update_ttl as updateTtl(&self, cacheName: Text, key: Bytes, ttlMilliseconds: Num; options: CallOptions) {
            self.update_ttl_with(cacheName, key, ttlMilliseconds, TtlChange::Overwrite, options)
        }

        #[doc = " Raises the TTL of `key` to `ttlMilliseconds` if that is longer: `{type: 'Set' | 'NotSet' | 'Miss'}`."]
        fn increase_ttl as increaseTtl(&self, cacheName: Text, key: Bytes, ttlMilliseconds: Num; options: CallOptions) {
            self.update_ttl_with(cacheName, key, ttlMilliseconds, TtlChange::Increase, options)
        }

        #[doc = " Lowers the TTL of `key` to `ttlMilliseconds` if that is shorter: `{type: 'Set' | 'NotSet' | 'Miss'}`."]
        fn decrease_ttl as decreaseTtl(&self, cacheName: Text, key: Bytes, ttlMilliseconds: Num; options: CallOptions) {
            self.update_ttl_with(cacheName, key, ttlMilliseconds, TtlChange::Decrease, options)
        }
    }
}

into_js! {
    IncrementResponse {
        IncrementResponse::Success { value } => "Success" { "value": value as f64 },
    }
    SetIfResponse {
        SetIfResponse::Stored => "Stored",
        SetIfResponse::NotStored => "NotStored",
    }
    GetWithHashResponse {
        GetWithHashResponse::Hit { value, hash } => "Hit" { "value": uint8(&value), "hash": uint8(&hash) },
        GetWithHashResponse::Miss => "Miss",
    }
    SetIfHashResponse {
        SetIfHashResponse::Stored { hash } => "Stored" { "hash": uint8(&hash) },
        SetIfHashResponse::NotStored => "NotStored",
    }
    GetBatchResponse {
        GetBatchResponse { results } => "Success" {
            "results": results.into_iter().map(IntoJs::into_js).collect::<Array>(),
        },
    }
    SetBatchResponse {
        SetBatchResponse { results } => "Success" { "count": results.len() as u32 },
    }
    KeysExistResponse {
        KeysExistResponse { exists } => "Success" {
            "exists": exists.into_iter().map(JsValue::from).collect::<Array>(),
        },
    }
    ItemGetTypeResponse {
        ItemGetTypeResponse::Hit { item_type } => "Hit" { "itemType": item_type.as_str() },
        ItemGetTypeResponse::Miss => "Miss",
    }
    ItemGetTtlResponse {
        ItemGetTtlResponse::Hit { remaining_ttl_ms } => "Hit" {
            "remainingTtlMillis": remaining_ttl_ms as f64,
        },
        ItemGetTtlResponse::Miss => "Miss",
    }
    UpdateTtlResponse {
        UpdateTtlResponse::Set => "Set",
        UpdateTtlResponse::NotSet => "NotSet",
        UpdateTtlResponse::Miss => "Miss",
    }
}
