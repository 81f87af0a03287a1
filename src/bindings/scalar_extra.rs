//! The other scalar methods of `CacheClientCore` (feature `scalar-extra`): increment, conditional and
//! hash-conditional sets, batches, existence, item type/TTL and TTL updates. Each resolves to a tagged object
//! (see `CoreResult`).

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, uint8, Bytes, BytesArray, CallOptions, Hash, IntoJs, Num, Text, TtlOptions,
};
use crate::core::cache::get_batch::{GetBatchRequest, GetBatchResponse};
use crate::core::cache::get_with_hash::{GetWithHashRequest, GetWithHashResponse};
use crate::core::cache::increment::{IncrementRequest, IncrementResponse};
use crate::core::cache::item_get_ttl::{ItemGetTtlRequest, ItemGetTtlResponse};
use crate::core::cache::item_get_type::{ItemGetTypeRequest, ItemGetTypeResponse};
use crate::core::cache::keys_exist::{KeysExistRequest, KeysExistResponse};
use crate::core::cache::set_batch::{BatchItem, SetBatchRequest, SetBatchResponse};
use crate::core::cache::set_if::{Condition, SetIfRequest, SetIfResponse};
use crate::core::cache::set_if_hash::{HashCondition, SetIfHashRequest, SetIfHashResponse};
use crate::core::cache::update_ttl::{TtlChange, UpdateTtlRequest, UpdateTtlResponse};
use crate::core::error::MomentoError;

impl CacheClientCore {
    /// Shared by the conditional sets (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn set_if(
        &self,
        cache_name: Text,
        key: Bytes,
        value: Bytes,
        condition: Result<Condition, MomentoError>,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(SetIfRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                condition?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    /// Shared by the hash-conditioned sets.
    #[inline(never)]
    fn set_if_hash(
        &self,
        cache_name: Text,
        key: Bytes,
        value: Bytes,
        condition: Result<HashCondition, MomentoError>,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(SetIfHashRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                condition?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
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

#[wasm_bindgen]
impl CacheClientCore {
    /// Adds `amount` (an integer) to the counter at `field`: `{type: 'Success', value}`. Never retried.
    pub fn increment(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        field: Bytes,
        amount: Num,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(IncrementRequest::new(
                cache_name,
                convert::bytes(&field, "field")?,
                convert::number(&amount, "amount")?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    /// Stores only if the key is absent: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfAbsent)]
    pub fn set_if_absent(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_if(cache_name, key, value, Ok(Condition::Absent), options)
    }

    /// Stores only if the key exists: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfPresent)]
    pub fn set_if_present(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_if(cache_name, key, value, Ok(Condition::Present), options)
    }

    /// Stores only if the current value equals `equal`: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfEqual)]
    pub fn set_if_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        equal: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = convert::bytes(&equal, "equal").map(Condition::Equal);
        self.set_if(cache_name, key, value, cond, options)
    }

    /// Stores if the key is absent or its value differs from `notEqual`: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfNotEqual)]
    pub fn set_if_not_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = notEqual)] not_equal: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = convert::bytes(&not_equal, "notEqual").map(Condition::NotEqual);
        self.set_if(cache_name, key, value, cond, options)
    }

    /// Stores if the key exists and its value differs from `notEqual`: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfPresentAndNotEqual)]
    pub fn set_if_present_and_not_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = notEqual)] not_equal: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = convert::bytes(&not_equal, "notEqual").map(Condition::PresentAndNotEqual);
        self.set_if(cache_name, key, value, cond, options)
    }

    /// Stores if the key is absent or its value equals `equal`: `{type: 'Stored' | 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfAbsentOrEqual)]
    pub fn set_if_absent_or_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        equal: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = convert::bytes(&equal, "equal").map(Condition::AbsentOrEqual);
        self.set_if(cache_name, key, value, cond, options)
    }

    /// Reads a key with the service's hash of its value: `{type: 'Hit', value, hash}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = getWithHash)]
    pub fn get_with_hash(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(GetWithHashRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }

    /// Stores a value and returns its hash: `{type: 'Stored', hash}`.
    #[wasm_bindgen(js_name = setWithHash)]
    pub fn set_with_hash(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.set_if_hash(
            cache_name,
            key,
            value,
            Ok(HashCondition::Unconditional),
            options,
        )
    }

    /// Stores if the key exists and its hash equals `hashEqual`: `{type: 'Stored', hash} | {type: 'NotStored'}`.
    #[wasm_bindgen(js_name = setIfPresentAndHashEqual)]
    pub fn set_if_present_and_hash_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = hashEqual)] hash_equal: Hash,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = hash(&hash_equal).map(HashCondition::PresentAndHashEqual);
        self.set_if_hash(cache_name, key, value, cond, options)
    }

    /// Stores if the key exists and its hash differs from `hashNotEqual`.
    #[wasm_bindgen(js_name = setIfPresentAndHashNotEqual)]
    pub fn set_if_present_and_hash_not_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = hashNotEqual)] hash_not_equal: Hash,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = hash(&hash_not_equal).map(HashCondition::PresentAndHashNotEqual);
        self.set_if_hash(cache_name, key, value, cond, options)
    }

    /// Stores if the key is absent or its hash equals `hashEqual`.
    #[wasm_bindgen(js_name = setIfAbsentOrHashEqual)]
    pub fn set_if_absent_or_hash_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = hashEqual)] hash_equal: Hash,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = hash(&hash_equal).map(HashCondition::AbsentOrHashEqual);
        self.set_if_hash(cache_name, key, value, cond, options)
    }

    /// Stores if the key is absent or its hash differs from `hashNotEqual`.
    #[wasm_bindgen(js_name = setIfAbsentOrHashNotEqual)]
    pub fn set_if_absent_or_hash_not_equal(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        #[wasm_bindgen(js_name = hashNotEqual)] hash_not_equal: Hash,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        let cond = hash(&hash_not_equal).map(HashCondition::AbsentOrHashNotEqual);
        self.set_if_hash(cache_name, key, value, cond, options)
    }

    /// Reads many keys in one streamed call: `{type: 'Success', results: ({type: 'Hit', value} | {type: 'Miss'})[]}`
    /// in key order.
    #[wasm_bindgen(js_name = getBatch)]
    pub fn get_batch(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        keys: BytesArray,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(GetBatchRequest::new(
                cache_name,
                convert::bytes_list(&keys, "keys")?,
            )?))
        })
    }

    /// Stores many items in one streamed call. `items` is `[key, value, ttlSeconds?][]`; `options.ttl` applies to
    /// items without their own. Resolves to `{type: 'Success', count}`.
    #[wasm_bindgen(js_name = setBatch)]
    pub fn set_batch(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(
            unchecked_param_type = "Array<[string | Uint8Array, string | Uint8Array, number?]>"
        )]
        items: JsValue,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let array = items
                .dyn_ref::<Array>()
                .ok_or_else(|| MomentoError::invalid_argument("items must be an array"))?;
            let items = array
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
                .collect::<Result<Vec<_>, MomentoError>>()?;
            Ok(prepare(SetBatchRequest::new(
                cache_name,
                items,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    /// Which keys exist: `{type: 'Success', exists: boolean[]}` in key order.
    #[wasm_bindgen(js_name = keysExist)]
    pub fn keys_exist(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        keys: BytesArray,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(KeysExistRequest::new(
                cache_name,
                convert::bytes_list(&keys, "keys")?,
            )?))
        })
    }

    /// The type of the item at `key`: `{type: 'Hit', itemType: 'SCALAR' | 'DICTIONARY' | …}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = itemGetType)]
    pub fn item_get_type(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(ItemGetTypeRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }

    /// The remaining TTL of `key`: `{type: 'Hit', remainingTtlMillis}` or `{type: 'Miss'}`.
    #[wasm_bindgen(js_name = itemGetTtl)]
    pub fn item_get_ttl(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(ItemGetTtlRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }

    /// Sets the TTL of `key` to `ttlMilliseconds`: `{type: 'Set' | 'Miss'}`.
    #[wasm_bindgen(js_name = updateTtl)]
    pub fn update_ttl(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        #[wasm_bindgen(js_name = ttlMilliseconds)] ttl_milliseconds: Num,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.update_ttl_with(
            cache_name,
            key,
            ttl_milliseconds,
            TtlChange::Overwrite,
            options,
        )
    }

    /// Raises the TTL of `key` to `ttlMilliseconds` if that is longer: `{type: 'Set' | 'NotSet' | 'Miss'}`.
    #[wasm_bindgen(js_name = increaseTtl)]
    pub fn increase_ttl(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        #[wasm_bindgen(js_name = ttlMilliseconds)] ttl_milliseconds: Num,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.update_ttl_with(
            cache_name,
            key,
            ttl_milliseconds,
            TtlChange::Increase,
            options,
        )
    }

    /// Lowers the TTL of `key` to `ttlMilliseconds` if that is shorter: `{type: 'Set' | 'NotSet' | 'Miss'}`.
    #[wasm_bindgen(js_name = decreaseTtl)]
    pub fn decrease_ttl(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        #[wasm_bindgen(js_name = ttlMilliseconds)] ttl_milliseconds: Num,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.update_ttl_with(
            cache_name,
            key,
            ttl_milliseconds,
            TtlChange::Decrease,
            options,
        )
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
