//! The scalar essentials of `CacheClientCore`: get, set and delete (in every build, the lite one too). The other
//! scalar methods are in `scalar_extra` (feature `scalar-extra`). Each resolves to a tagged object (see
//! `CoreResult`).

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{self, set, tagged, uint8, IntoJs, Text};
use crate::core::cache::delete::{DeleteRequest, DeleteResponse};
use crate::core::cache::get::{GetRequest, GetResponse};
use crate::core::cache::set::{SetRequest, SetResponse};

#[wasm_bindgen]
impl CacheClientCore {
    /// Reads a key: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`.
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
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
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ ttl?: number; abortSignal?: AbortSignal }")]
        options: Option<Object>,
    ) -> PendingCall {
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
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            Ok(prepare(DeleteRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }
}

impl IntoJs for GetResponse {
    fn into_js(self) -> JsValue {
        match self {
            GetResponse::Hit { value } => {
                let o = tagged("Hit");
                set(&o, "value", &uint8(&value));
                o.into()
            }
            GetResponse::Miss => tagged("Miss").into(),
        }
    }
}

impl IntoJs for SetResponse {
    fn into_js(self) -> JsValue {
        tagged("Success").into()
    }
}

impl IntoJs for DeleteResponse {
    fn into_js(self) -> JsValue {
        tagged("Success").into()
    }
}
