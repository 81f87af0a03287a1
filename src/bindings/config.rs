//! Configuration and credentials at the wasm boundary. The `Configuration` and `CredentialProvider` classes are
//! plain JS (js/config.js); the wasm side only parses credentials (`parseCredential`) and, when a client core is
//! built, reads the plain settings and credential data those classes hold into the core structs.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use super::convert::{self, set};
use crate::core::config::{Configuration, ReadConcern};
use crate::core::credentials::{Credentials, EndpointOverrides, Endpoints};
use crate::core::grpc_web::Mode;
use crate::core::retry::RetryStrategy;

#[wasm_bindgen(typescript_custom_section)]
const CONFIG_TYPES: &str = r#"
/** The settings of a `Configuration` (js/config.js: frozen own properties) that the client cores read when built. */
export type CoreSettings = {
  clientTimeoutMillis: number; throwOnErrors: boolean; readConcern: 'balanced' | 'consistent';
  transportMode: 'text' | 'binary';
  _retryStrategy: { maxAttempts: number; initialDelayMillis: number; maxBackoffMillis: number } | null;
};
/** A parsed credential as plain data (what a `CredentialProvider` holds): gRPC endpoint URLs, and whether gRPC-web
 * requests go to their hosts with a `web.` prefix. */
export type CredentialData = {
  authToken: string; cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string; webPrefix?: boolean;
  expiresAt: number | undefined;
};
/** A transport object the client cores send requests through (js/fetch.js, js/http2.js). */
export type Transport = { readonly grpc: boolean; call(...args: unknown[]): unknown; sleep(ms: number): Promise<void> };
/** Endpoint overrides of a v1 key: all three endpoints, or a base endpoint with an optional host prefix. */
export type EndpointOverrides = { cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string; secureConnection?: boolean }
  | { baseEndpoint: string; endpointPrefix?: string; secureConnection?: boolean };
"#;

/// Parses a v1 API key, disposable token or legacy JWT (with optional `endpointOverrides`) or, when
/// `v2Endpoint` is a string, a v2 API key with its endpoint. Returns the credential as plain data; throws an
/// Error with `errorCode: 'INVALID_ARGUMENT_ERROR'` when the key does not parse.
#[wasm_bindgen(js_name = parseCredential, unchecked_return_type = "CredentialData")]
pub fn parse_credential(
    #[wasm_bindgen(js_name = apiKey)] api_key: String,
    #[wasm_bindgen(
        js_name = endpointOverrides,
        unchecked_param_type = "EndpointOverrides | undefined"
    )]
    endpoint_overrides: JsValue,
    #[wasm_bindgen(js_name = v2Endpoint)] v2_endpoint: Option<String>,
) -> Result<JsValue, JsValue> {
    let parsed = match v2_endpoint {
        Some(endpoint) => Credentials::from_api_key_v2(&api_key, &endpoint),
        None => Credentials::from_string(&api_key, overrides(&endpoint_overrides).as_ref()),
    };
    let c = parsed.map_err(|e| convert::throwable(&e))?;
    let o = Object::new();
    set(&o, "authToken", &JsValue::from_str(&c.auth_token));
    set(&o, "cacheEndpoint", &JsValue::from_str(&c.endpoints.cache));
    set(
        &o,
        "controlEndpoint",
        &JsValue::from_str(&c.endpoints.control),
    );
    set(&o, "tokenEndpoint", &JsValue::from_str(&c.endpoints.token));
    set(&o, "webPrefix", &JsValue::from_bool(c.endpoints.web_prefix));
    let expires_at = c
        .expires_at
        .map_or(JsValue::UNDEFINED, |e| JsValue::from_f64(e as f64));
    set(&o, "expiresAt", &expires_at);
    Ok(o.into())
}

/// Property `name` of `o`, `undefined` when absent or when `o` is not an object.
fn get(o: &JsValue, name: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The core configuration from a JS `Configuration` (its settings are own properties; js/config.js has validated
/// them).
pub(crate) fn configuration(settings: &JsValue) -> Configuration {
    let num = |o: &JsValue, name: &str| get(o, name).as_f64().unwrap_or_default();
    let retry = get(settings, "_retryStrategy");
    Configuration {
        // `as` saturates (NaN → 0), the same conversion wasm-bindgen applied to the old u32 parameters.
        client_timeout_ms: num(settings, "clientTimeoutMillis") as u32,
        retry: if retry.is_object() {
            RetryStrategy::exponential(
                num(&retry, "maxAttempts").max(1.0) as u32,
                num(&retry, "initialDelayMillis") as u32,
                num(&retry, "maxBackoffMillis") as u32,
            )
        } else {
            RetryStrategy::None
        },
        throw_on_errors: get(settings, "throwOnErrors").as_bool() == Some(true),
        read_concern: if get(settings, "readConcern").as_string().as_deref() == Some("consistent") {
            ReadConcern::Consistent
        } else {
            ReadConcern::Balanced
        },
        transport_mode: if get(settings, "transportMode").as_string().as_deref() == Some("binary") {
            Mode::Binary
        } else {
            Mode::Text
        },
    }
}

/// The core credentials from a `CredentialData` object (as `parseCredential` returned it).
pub(crate) fn credentials(data: &JsValue) -> Credentials {
    let s = |name: &str| get(data, name).as_string().unwrap_or_default();
    Credentials {
        auth_token: s("authToken"),
        endpoints: Endpoints {
            cache: s("cacheEndpoint"),
            control: s("controlEndpoint"),
            token: s("tokenEndpoint"),
            web_prefix: get(data, "webPrefix").as_bool() == Some(true),
        },
        expires_at: get(data, "expiresAt").as_f64().map(|e| e as u64),
    }
}

/// `{cacheEndpoint, controlEndpoint, tokenEndpoint, secureConnection?}` (all three strings) or `{baseEndpoint,
/// endpointPrefix?, secureConnection?}`; anything else means no overrides.
fn overrides(o: &JsValue) -> Option<EndpointOverrides> {
    let s = |name: &str| get(o, name).as_string();
    let secure = get(o, "secureConnection").as_bool();
    if let (Some(cache), Some(control), Some(token)) =
        (s("cacheEndpoint"), s("controlEndpoint"), s("tokenEndpoint"))
    {
        return Some(EndpointOverrides::All {
            cache,
            control,
            token,
            secure,
        });
    }
    s("baseEndpoint").map(|base| EndpointOverrides::Base {
        base,
        prefix: s("endpointPrefix"),
        secure,
    })
}
