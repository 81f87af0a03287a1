//! `CacheClientCore`: the wasm half of `CacheClient`. Each method validates, calls the core, and resolves to a
//! plain tagged object (`{type: 'Hit', value}`, `{type: 'Error', errorCode, message}`…) that the JS facade
//! wraps in the official response classes. It never rejects.

use std::rc::Rc;

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::config::{Configuration, CredentialProvider};
use super::convert::{self, outcome, tagged};
use crate::core::cache::{
    delete::DeleteRequest, get::GetRequest, get::GetResponse, set::SetRequest,
};
use crate::core::client::Client;
use crate::core::control::create_cache::{CreateCacheRequest, CreateCacheResponse};
use crate::core::control::delete_cache::DeleteCacheRequest;
use crate::core::error::MomentoError;
use crate::transport::fetch::FetchTransport;

/// The wasm core of a cache client (use the `CacheClient` class, which wraps it).
#[wasm_bindgen]
pub struct CacheClientCore {
    client: Rc<Client<FetchTransport>>,
    default_ttl_ms: u64,
}

#[wasm_bindgen]
impl CacheClientCore {
    /// Builds a client; throws `INVALID_ARGUMENT_ERROR` if `defaultTtlSeconds` is not a positive number.
    #[wasm_bindgen(constructor)]
    pub fn new(
        configuration: &Configuration,
        #[wasm_bindgen(js_name = credentialProvider)] credential_provider: &CredentialProvider,
        #[wasm_bindgen(js_name = defaultTtlSeconds)] default_ttl_seconds: f64,
        #[wasm_bindgen(js_name = runtimeVersion)] runtime_version: String,
    ) -> Result<CacheClientCore, JsValue> {
        let default_ttl_ms = crate::core::validation::ttl_seconds_to_ms(default_ttl_seconds)
            .map_err(|e| convert::throwable(&e))?;
        let client = Client::new(
            FetchTransport,
            credential_provider.inner.clone(),
            configuration.inner.clone(),
            "cache",
            runtime_version,
        );
        Ok(Self {
            client: Rc::new(client),
            default_ttl_ms,
        })
    }

    /// Creates a cache: `{type: 'Success' | 'AlreadyExists'}` or an error object.
    #[wasm_bindgen(js_name = createCache)]
    pub async fn create_cache(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
    ) -> JsValue {
        let result = match CreateCacheRequest::new(cache_name) {
            Ok(r) => CreateCacheResponse::recover(self.client.send(r, None).await),
            Err(e) => Err(e),
        };
        outcome(result, |r| {
            tagged(match r {
                CreateCacheResponse::Success => "Success",
                CreateCacheResponse::AlreadyExists => "AlreadyExists",
            })
            .into()
        })
    }

    /// Deletes a cache: `{type: 'Success'}` or an error object (NOT_FOUND_ERROR if it does not exist).
    #[wasm_bindgen(js_name = deleteCache)]
    pub async fn delete_cache(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
    ) -> JsValue {
        let result = match DeleteCacheRequest::new(cache_name) {
            Ok(r) => self.client.send(r, None).await,
            Err(e) => Err(e),
        };
        outcome(result, |_| tagged("Success").into())
    }

    /// Reads a key: `{type: 'Hit', value: Uint8Array}`, `{type: 'Miss'}` or an error object.
    /// Options: `{abortSignal?: AbortSignal}`.
    pub async fn get(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> JsValue {
        let result = async {
            let signal = convert::abort_signal(&options)?;
            let request = GetRequest::new(cache_name, convert::bytes(&key, "key")?)?;
            self.client.send(request, signal.as_ref()).await
        }
        .await;
        outcome(result, |r| match r {
            GetResponse::Hit { value } => {
                let o = tagged("Hit");
                convert::set(&o, "value", &convert::uint8(&value));
                o.into()
            }
            GetResponse::Miss => tagged("Miss").into(),
        })
    }

    /// Stores a value with `ttl` seconds (default: the client's `defaultTtlSeconds`); `ttl: 0` is rejected.
    /// Options: `{ttl?: number, abortSignal?: AbortSignal}`. Resolves to `{type: 'Success'}` or an error object.
    pub async fn set(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ ttl?: number; abortSignal?: AbortSignal }")]
        options: Option<Object>,
    ) -> JsValue {
        let result = async {
            let signal = convert::abort_signal(&options)?;
            let request = SetRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?;
            self.client.send(request, signal.as_ref()).await
        }
        .await;
        outcome(result, |_| tagged("Success").into())
    }

    /// Deletes a key: `{type: 'Success'}` or an error object. Options: `{abortSignal?: AbortSignal}`.
    pub async fn delete(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> JsValue {
        let result: Result<_, MomentoError> = async {
            let signal = convert::abort_signal(&options)?;
            let request = DeleteRequest::new(cache_name, convert::bytes(&key, "key")?)?;
            self.client.send(request, signal.as_ref()).await
        }
        .await;
        outcome(result, |_| tagged("Success").into())
    }
}
