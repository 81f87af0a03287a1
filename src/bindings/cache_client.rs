//! `CacheClientCore`: the wasm half of `CacheClient`. Each method validates its arguments, encodes the request
//! and hands it to one shared runner, returning a `Promise` of a plain tagged object (`{type: 'Hit', value}`,
//! `{type: 'Error', errorCode, message}`…) that the JS facade wraps in the official response classes. The
//! promise never rejects.
//!
//! Methods are synchronous on purpose: only the runner is async, so the bundle carries one future state
//! machine instead of one per method (each async export costs ~2 KB of wasm; there are ~70 methods).

use std::rc::Rc;

use js_sys::{Object, Promise};
use prost::Message;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::config::{Configuration, CredentialProvider};
use super::convert::{self, IntoJs};
use crate::core::cache::{delete::DeleteRequest, get::GetRequest, set::SetRequest};
use crate::core::client::Client;
use crate::core::control::create_cache::CreateCacheRequest;
use crate::core::control::delete_cache::DeleteCacheRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{decode_reply, Endpoint, UnaryRpc};
use crate::transport::fetch::FetchTransport;

/// An encoded request and the function that turns its reply into a JS result.
struct Prepared {
    path: &'static str,
    endpoint: Endpoint,
    cache: Option<String>,
    message: Vec<u8>,
    finish: fn(Result<Vec<u8>, MomentoError>) -> JsValue,
}

fn prepare<R: UnaryRpc>(request: R) -> Prepared
where
    R::Response: IntoJs,
{
    Prepared {
        path: R::RPC.path,
        endpoint: R::RPC.endpoint,
        cache: request.cache_name().map(str::to_owned),
        message: request.into_proto().encode_to_vec(),
        finish: finish::<R>,
    }
}

fn finish<R: UnaryRpc>(reply: Result<Vec<u8>, MomentoError>) -> JsValue
where
    R::Response: IntoJs,
{
    match decode_reply::<R>(reply) {
        Ok(response) => response.into_js(),
        Err(e) => convert::error(&e),
    }
}

/// The wasm core of a cache client (use the `CacheClient` class, which wraps it).
#[wasm_bindgen]
pub struct CacheClientCore {
    client: Rc<Client<FetchTransport>>,
    default_ttl_ms: u64,
}

impl CacheClientCore {
    /// Runs `build` (validation + encoding) now, then the call; any failure becomes an error object.
    fn start(
        &self,
        options: &Option<Object>,
        build: impl FnOnce() -> Result<Prepared, MomentoError>,
    ) -> Promise {
        let prepared = convert::abort_signal(options).and_then(|s| Ok((build()?, s)));
        future_to_promise(run(Rc::clone(&self.client), prepared))
    }
}

async fn run(
    client: Rc<Client<FetchTransport>>,
    prepared: Result<(Prepared, Option<AbortSignal>), MomentoError>,
) -> Result<JsValue, JsValue> {
    Ok(match prepared {
        Ok((p, signal)) => {
            let reply = client
                .call(
                    p.path,
                    p.endpoint,
                    p.cache.as_deref(),
                    &p.message,
                    signal.as_ref(),
                )
                .await;
            (p.finish)(reply)
        }
        Err(e) => convert::error(&e),
    })
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
    #[wasm_bindgen(js_name = createCache, unchecked_return_type = "Promise<CoreResult>")]
    pub fn create_cache(&self, #[wasm_bindgen(js_name = cacheName)] cache_name: String) -> Promise {
        self.start(&None, || Ok(prepare(CreateCacheRequest::new(cache_name)?)))
    }

    /// Deletes a cache: `{type: 'Success'}` or an error object (NOT_FOUND_ERROR if it does not exist).
    #[wasm_bindgen(js_name = deleteCache, unchecked_return_type = "Promise<CoreResult>")]
    pub fn delete_cache(&self, #[wasm_bindgen(js_name = cacheName)] cache_name: String) -> Promise {
        self.start(&None, || Ok(prepare(DeleteCacheRequest::new(cache_name)?)))
    }

    /// Reads a key: `{type: 'Hit', value: Uint8Array}`, `{type: 'Miss'}` or an error object.
    /// Options: `{abortSignal?: AbortSignal}`.
    #[wasm_bindgen(unchecked_return_type = "Promise<CoreResult>")]
    pub fn get(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> Promise {
        self.start(&options, || {
            Ok(prepare(GetRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }

    /// Stores a value with `ttl` seconds (default: the client's `defaultTtlSeconds`); `ttl: 0` is rejected.
    /// Options: `{ttl?: number, abortSignal?: AbortSignal}`. Resolves to `{type: 'Success'}` or an error object.
    #[wasm_bindgen(unchecked_return_type = "Promise<CoreResult>")]
    pub fn set(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ ttl?: number; abortSignal?: AbortSignal }")]
        options: Option<Object>,
    ) -> Promise {
        self.start(&options, || {
            Ok(prepare(SetRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
                convert::bytes(&value, "value")?,
                convert::opt_number(&options, "ttl")?,
                self.default_ttl_ms,
            )?))
        })
    }

    /// Deletes a key: `{type: 'Success'}` or an error object. Options: `{abortSignal?: AbortSignal}`.
    #[wasm_bindgen(unchecked_return_type = "Promise<CoreResult>")]
    pub fn delete(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: String,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] key: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ abortSignal?: AbortSignal }")] options: Option<
            Object,
        >,
    ) -> Promise {
        self.start(&options, || {
            Ok(prepare(DeleteRequest::new(
                cache_name,
                convert::bytes(&key, "key")?,
            )?))
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const CORE_RESULT: &str = r#"
/** A tagged result from the wasm core; the CacheClient facade wraps it in the official response classes. */
export type CoreResult = { type: string; [field: string]: unknown };
"#;
