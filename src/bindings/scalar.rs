//! The scalar essentials of `CacheClientCore`: get, set and delete (in every build, the lite one too). The other
//! scalar methods are in `scalar_extra` (feature `scalar-extra`). Each resolves to a tagged object (see
//! `CoreResult`).

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{self, into_js, uint8, Bytes, CallOptions, Text, TtlOptions};
use crate::core::cache::delete::{DeleteRequest, DeleteResponse};
use crate::core::cache::get::{GetRequest, GetResponse};
use crate::core::cache::set::{SetRequest, SetResponse};

#[wasm_bindgen]
impl CacheClientCore {
    /// Reads a key: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`.
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(GetRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }

    /// Stores a value for `ttl` seconds (default: the client's `defaultTtlSeconds`); `ttl: 0` is rejected.
    pub fn set(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        value: Bytes,
        options: Option<TtlOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(SetRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    /// Deletes a key: `{type: 'Success'}`.
    pub fn delete(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        key: Bytes,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(DeleteRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }
}

into_js! {
    GetResponse {
        GetResponse::Hit { value } => "Hit" { "value": uint8(&value) },
        GetResponse::Miss => "Miss",
    }
    SetResponse { _ => "Success" }
    DeleteResponse { _ => "Success" }
}
