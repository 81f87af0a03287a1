//! `CacheClientCore`: the wasm half of `CacheClient`. Each method validates its arguments, encodes the request
//! and hands it to one shared runner, returning a [`PendingCall`] that js/drive.js runs to a plain tagged object
//! (`{type: 'Hit', value}`, `{type: 'Error', errorCode, message}`…), which the JS facade wraps in the official
//! response classes. A call never fails otherwise: errors are result objects.
//!
//! Methods are synchronous on purpose: only the runner is async, so the bundle carries one future state
//! machine instead of one per method (each async export costs ~2 KB of wasm; there are ~70 methods).

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use js_sys::Object;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::config;
use super::convert::{self, into_js, CoreSettings, CredentialData, IntoJs, Num, Text};
use crate::core::client::Client;
use crate::core::error::{MomentoError, MomentoErrorCode};
use crate::core::ping::{PingRequest, PingResponse};
use crate::core::rpc::{decode_reply, Reply, UnaryRpc};
use crate::transport::driver::{step, Step};
use crate::transport::js::{JsTransport, WasmTransport};

/// A call in progress: `poll(value)` returns the promise to await next (then `poll` again with what it settled
/// to) or the call's result. Run it with js/drive.js, which frees it at the end; freeing it early (or dropping it
/// unpolled) cancels the call's request.
#[wasm_bindgen]
pub struct PendingCall {
    future: Pin<Box<dyn Future<Output = JsValue>>>,
}

impl PendingCall {
    /// A call that runs `future`.
    pub(crate) fn new(future: impl Future<Output = JsValue> + 'static) -> Self {
        Self {
            future: Box::pin(future),
        }
    }
}

#[wasm_bindgen]
impl PendingCall {
    /// Resumes the call with the value the promise it waited on settled to (`undefined` at first): returns the
    /// next `Promise` to await, or the result.
    pub fn poll(&mut self, settled: JsValue) -> JsValue {
        match step(self.future.as_mut(), settled) {
            Step::Ready(result) => result,
            Step::Wait(promise) => promise.into(),
            Step::Stalled => convert::error(&MomentoError::new(
                MomentoErrorCode::Unknown,
                "internal error: the call stalled without one promise to wait on",
            )),
        }
    }
}

/// An encoded request and the function that turns its reply into a JS result.
pub(crate) type Prepared = crate::core::client::Prepared<JsValue>;

/// Encodes a validated request for the shared runner.
pub(crate) fn prepare<R: UnaryRpc>(request: R) -> Prepared
where
    R::Response: IntoJs,
{
    Prepared::new(request, finish::<R>)
}

fn finish<R: UnaryRpc>(reply: Result<Reply, MomentoError>) -> JsValue
where
    R::Response: IntoJs,
{
    match decode_reply::<R>(reply) {
        Ok(response) => response.into_js(),
        Err(e) => convert::error(&e),
    }
}

/// The core client of a wasm client class, built from a `Configuration`'s settings and a `CredentialProvider`'s
/// data (js/config.js), read once, for `service` (`"cache"`, `"topic"`, …: the agent header).
pub(crate) fn core_client(
    configuration: &CoreSettings,
    credentials: &CredentialData,
    service: &'static str,
    runtime_version: String,
    transport: JsTransport,
) -> Rc<Client<WasmTransport>> {
    Rc::new(Client::new(
        WasmTransport::new(transport),
        config::credentials(credentials),
        config::configuration(configuration),
        service,
        runtime_version,
    ))
}

/// Declares a wasm client class over one core client (auth, leaderboard, topics): the struct (`client`) and its
/// constructor, which builds the client with [`core_client`] for `service`.
#[cfg(any(feature = "auth", feature = "leaderboard", feature = "topics"))]
macro_rules! client_core {
    ($(#[doc = $doc:tt])* $name:ident($service:literal)) => {
        $(#[doc = $doc])*
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub struct $name {
            client: std::rc::Rc<$crate::core::client::Client<$crate::transport::js::WasmTransport>>,
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        impl $name {
            /// Builds a client from a `Configuration`'s settings and a `CredentialProvider`'s data, read once.
            #[wasm_bindgen(constructor)]
            pub fn new(
                configuration: $crate::bindings::convert::CoreSettings,
                credentials: $crate::bindings::convert::CredentialData,
                #[wasm_bindgen(js_name = runtimeVersion)] runtime_version: String,
                transport: $crate::transport::js::JsTransport,
            ) -> $name {
                let client = $crate::bindings::cache_client::core_client(
                    &configuration, &credentials, $service, runtime_version, transport,
                );
                $name { client }
            }
        }
    };
}
#[cfg(any(feature = "auth", feature = "leaderboard", feature = "topics"))]
pub(crate) use client_core;

/// The wasm core of a cache client (use the `CacheClient` class, which wraps it).
#[wasm_bindgen]
pub struct CacheClientCore {
    client: Rc<Client<WasmTransport>>,
    pub(crate) default_ttl_ms: u64,
}

impl CacheClientCore {
    /// Runs `build` (validation + encoding) now, then the call; any failure becomes an error object.
    pub(crate) fn start(
        &self,
        options: &Option<Object>,
        build: impl FnOnce() -> Result<Prepared, MomentoError>,
    ) -> PendingCall {
        start_call(&self.client, options, build)
    }

    /// A call whose request is made of the cache name and one argument (`what`, read by `read`): get, delete,
    /// getWithHash, getBatch, keysExist, itemGetType, itemGetTtl.
    pub(crate) fn cache_call<A, R: UnaryRpc>(
        &self,
        cache_name: &Text,
        arg: &JsValue,
        what: &str,
        read: fn(&JsValue, &str) -> Result<A, MomentoError>,
        new: fn(String, A) -> Result<R, MomentoError>,
        options: &Option<Object>,
    ) -> PendingCall
    where
        R::Response: IntoJs,
    {
        self.start(options, || {
            let cache_name = convert::text(cache_name, "cache name")?;
            Ok(prepare(new(cache_name, read(arg, what)?)?))
        })
    }
}

/// The shared entry of every unary method of every wasm client class (cache, auth, leaderboard, topics):
/// validates and encodes now via `build`, then runs the call on the one shared future.
pub(crate) fn start_call(
    client: &Rc<Client<WasmTransport>>,
    options: &Option<Object>,
    build: impl FnOnce() -> Result<Prepared, MomentoError>,
) -> PendingCall {
    let prepared = convert::abort_signal(options).and_then(|s| Ok((build()?, s)));
    launch(client, prepared)
}

/// The non-generic half of [`start_call`]: kept out of line so that the ~70 methods share one copy of the future's
/// construction instead of each inlining it.
#[inline(never)]
fn launch(
    client: &Rc<Client<WasmTransport>>,
    prepared: Result<(Prepared, Option<AbortSignal>), MomentoError>,
) -> PendingCall {
    PendingCall::new(run(Rc::clone(client), prepared))
}

async fn run(
    client: Rc<Client<WasmTransport>>,
    prepared: Result<(Prepared, Option<AbortSignal>), MomentoError>,
) -> JsValue {
    match prepared {
        Ok((p, signal)) => client.run(p, signal.as_ref()).await,
        Err(e) => convert::error(&e),
    }
}

#[wasm_bindgen]
impl CacheClientCore {
    /// Builds a client from a `Configuration`'s settings and a `CredentialProvider`'s data (js/config.js), read
    /// once; throws `INVALID_ARGUMENT_ERROR` if `defaultTtlSeconds` is not a positive number.
    #[wasm_bindgen(constructor)]
    pub fn new(
        configuration: CoreSettings,
        credentials: CredentialData,
        #[wasm_bindgen(js_name = defaultTtlSeconds)] default_ttl_seconds: Num,
        #[wasm_bindgen(js_name = runtimeVersion)] runtime_version: String,
        transport: JsTransport,
    ) -> Result<CacheClientCore, JsValue> {
        // Not a number (a symbol, a string…) reads as NaN, which the TTL check rejects with the official text.
        let default_ttl_seconds = default_ttl_seconds.as_f64().unwrap_or(f64::NAN);
        let default_ttl_ms = crate::core::validation::ttl_seconds_to_ms(default_ttl_seconds)
            .map_err(|e| convert::throwable(&e))?;
        let client = core_client(
            &configuration,
            &credentials,
            "cache",
            runtime_version,
            transport,
        );
        Ok(Self {
            client,
            default_ttl_ms,
        })
    }

    /// Switches to another credential for subsequent calls (used by `RefreshingCredentialProvider`).
    #[wasm_bindgen(js_name = setCredentials)]
    pub fn set_credentials(&self, credentials: CredentialData) {
        self.client
            .set_credentials(config::credentials(&credentials));
    }

    /// Checks the service answers (with the configured deadline): `{type: 'Success'}` or an error object.
    pub fn ping(&self) -> PendingCall {
        self.start(&None, || Ok(prepare(PingRequest)))
    }
}

into_js! {
    PingResponse { _ => "Success" }
}

#[wasm_bindgen(typescript_custom_section)]
const CORE_RESULT: &str = r#"
/** A tagged result from the wasm core; the CacheClient facade wraps it in the official response classes. */
export type CoreResult = { type: string; [field: string]: unknown };
"#;
