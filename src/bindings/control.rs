//! Control-plane methods of `CacheClientCore` (feature `control`): create, delete, flush and list caches.
//! Disposable tokens (the Browser configuration's credentials) cannot use them, so the lite build leaves them out.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{self, into_js, set, IntoJs, Text};
use crate::core::control::create_cache::{CreateCacheRequest, CreateCacheResponse};
use crate::core::control::list_caches::{CacheInfo, ListCachesRequest, ListCachesResponse};
use crate::core::control::{
    DeleteCacheRequest, DeleteCacheResponse, FlushCacheRequest, FlushCacheResponse,
};
use crate::core::error::MomentoError;
use crate::core::rpc::UnaryRpc;

impl CacheClientCore {
    /// A control call whose only argument is a cache name.
    fn cache_admin<R: UnaryRpc>(
        &self,
        cache_name: &Text,
        new: fn(String) -> Result<R, MomentoError>,
    ) -> PendingCall
    where
        R::Response: IntoJs,
    {
        self.start(&None, || {
            Ok(prepare(new(convert::text(cache_name, "cache name")?)?))
        })
    }
}

#[wasm_bindgen]
impl CacheClientCore {
    /// Creates a cache: `{type: 'Success' | 'AlreadyExists'}` or an error object.
    #[wasm_bindgen(js_name = createCache)]
    pub fn create_cache(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
    ) -> PendingCall {
        self.cache_admin(&cache_name, CreateCacheRequest::new)
    }

    /// Deletes a cache: `{type: 'Success'}` or an error object (NOT_FOUND_ERROR if it does not exist).
    #[wasm_bindgen(js_name = deleteCache)]
    pub fn delete_cache(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
    ) -> PendingCall {
        self.cache_admin(&cache_name, DeleteCacheRequest::new)
    }

    /// Lists caches, one page: `{type: 'Success', caches: CacheInfo[], nextToken}` (the facade follows pages).
    #[wasm_bindgen(js_name = listCaches)]
    pub fn list_caches(
        &self,
        #[wasm_bindgen(js_name = nextToken)] next_token: Option<String>,
    ) -> PendingCall {
        self.start(&None, || {
            Ok(prepare(ListCachesRequest {
                next_token: next_token.unwrap_or_default(),
            }))
        })
    }

    /// Removes every item of a cache: `{type: 'Success'}` or an error object.
    #[wasm_bindgen(js_name = flushCache)]
    pub fn flush_cache(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
    ) -> PendingCall {
        self.cache_admin(&cache_name, FlushCacheRequest::new)
    }
}

/// One cache of `listCaches`: its name and limits.
fn cache_info(c: CacheInfo) -> JsValue {
    let info = Object::new();
    set(&info, "name", &JsValue::from_str(&c.name));
    set(&info, "maxTrafficRate", &JsValue::from(c.max_traffic_rate));
    set(
        &info,
        "maxThroughputKbps",
        &JsValue::from(c.max_throughput_kbps),
    );
    set(&info, "maxItemSizeKb", &JsValue::from(c.max_item_size_kb));
    set(
        &info,
        "maxTtlSeconds",
        &JsValue::from(c.max_ttl_seconds as f64),
    );
    set(&info, "maxPublishRate", &JsValue::from(c.max_publish_rate));
    set(
        &info,
        "maxSubscriptionCount",
        &JsValue::from(c.max_subscription_count),
    );
    set(
        &info,
        "maxPublishMessageSizeKb",
        &JsValue::from(c.max_publish_message_size_kb),
    );
    JsValue::from(info)
}

into_js! {
    CreateCacheResponse {
        CreateCacheResponse::Success => "Success",
        CreateCacheResponse::AlreadyExists => "AlreadyExists",
    }
    DeleteCacheResponse { _ => "Success" }
    FlushCacheResponse { _ => "Success" }
    ListCachesResponse {
        ListCachesResponse { caches, next_token } => "Success" {
            "caches": caches.into_iter().map(cache_info).collect::<js_sys::Array>(),
            "nextToken": next_token,
        },
    }
}
