//! `Configuration` and `CredentialProvider`: long-lived handles exported as classes.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::convert;
use crate::core::config::{Configuration as CoreConfiguration, ReadConcern};
use crate::core::credentials::{Credentials, EndpointOverrides};
use crate::core::error::MomentoError;
use crate::core::grpc_web::Mode;
use crate::core::retry::RetryStrategy;

/// Client configuration: deadline, retries, throwOnErrors, read concern, transport mode.
/// Build one from a preset (`Configurations.Browser.latest()`) and adjust with `with…` methods.
#[wasm_bindgen]
#[derive(Clone)]
pub struct Configuration {
    pub(crate) inner: CoreConfiguration,
    /// JS logger factory (`getLogger(name)`), used by the facade; `undefined` = the default console logger.
    logger_factory: JsValue,
    /// JS middlewares (`onNewRequest(context)`), run by the facade around every call.
    middlewares: JsValue,
}

#[wasm_bindgen]
impl Configuration {
    /// Browser preset (v1): relaxed 15 s deadline, retries with backoff; for short-lived disposable tokens.
    #[wasm_bindgen(js_name = browserV1)]
    pub fn browser_v1() -> Configuration {
        CoreConfiguration::browser_v1().into()
    }

    /// Laptop preset (v1): 5 s deadline, retries with backoff.
    #[wasm_bindgen(js_name = laptopV1)]
    pub fn laptop_v1() -> Configuration {
        CoreConfiguration::laptop_v1().into()
    }

    /// InRegion.Default preset (v1): 1.1 s deadline.
    #[wasm_bindgen(js_name = inRegionDefaultV1)]
    pub fn in_region_default_v1() -> Configuration {
        CoreConfiguration::in_region_default_v1().into()
    }

    /// InRegion.LowLatency preset (v1): 0.5 s deadline.
    #[wasm_bindgen(js_name = inRegionLowLatencyV1)]
    pub fn in_region_low_latency_v1() -> Configuration {
        CoreConfiguration::in_region_low_latency_v1().into()
    }

    /// Lambda preset (v1): 1.1 s deadline.
    #[wasm_bindgen(js_name = lambdaV1)]
    pub fn lambda_v1() -> Configuration {
        CoreConfiguration::lambda_v1().into()
    }

    /// The overall deadline of one call (including retries), in milliseconds.
    #[wasm_bindgen(getter, js_name = clientTimeoutMillis)]
    pub fn client_timeout_millis(&self) -> u32 {
        self.inner.client_timeout_ms
    }

    /// Whether failed calls reject instead of resolving to an `Error` response.
    #[wasm_bindgen(getter, js_name = throwOnErrors)]
    pub fn throw_on_errors(&self) -> bool {
        self.inner.throw_on_errors
    }

    /// `'balanced'` or `'consistent'`.
    #[wasm_bindgen(getter, js_name = readConcern)]
    pub fn read_concern(&self) -> String {
        match self.inner.read_concern {
            ReadConcern::Balanced => "balanced",
            ReadConcern::Consistent => "consistent",
        }
        .to_owned()
    }

    /// `'text'` (gRPC-web text, the default) or `'binary'`.
    #[wasm_bindgen(getter, js_name = transportMode)]
    pub fn transport_mode(&self) -> String {
        match self.inner.transport_mode {
            Mode::Text => "text",
            Mode::Binary => "binary",
        }
        .to_owned()
    }

    /// A copy with another overall call deadline in milliseconds.
    #[wasm_bindgen(js_name = withClientTimeoutMillis)]
    pub fn with_client_timeout_millis(
        &self,
        #[wasm_bindgen(js_name = clientTimeoutMillis)] client_timeout_millis: u32,
    ) -> Configuration {
        self.with_inner(self.inner.with_client_timeout_ms(client_timeout_millis))
    }

    /// A copy with another retry strategy: `{maxAttempts, initialDelayMillis?, maxBackoffMillis?}` (exponential
    /// backoff with jitter; only idempotent calls on CANCELLED/INTERNAL/UNAVAILABLE are retried), or `null` for no
    /// retries.
    #[wasm_bindgen(js_name = withRetryStrategy)]
    pub fn with_retry_strategy(
        &self,
        #[wasm_bindgen(
            js_name = retryStrategy,
            unchecked_param_type = "{ maxAttempts: number; initialDelayMillis?: number; maxBackoffMillis?: number } | null"
        )]
        retry_strategy: JsValue,
    ) -> Result<Configuration, JsValue> {
        let o: Option<Object> = retry_strategy.dyn_into().ok();
        if o.is_none() {
            return Ok(self.with_inner(self.inner.with_retry_strategy(RetryStrategy::None)));
        }
        let num = |name: &str, default: f64| {
            let v = convert::field(&o, name);
            if v.is_undefined() {
                return Ok(default);
            }
            v.as_f64()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| {
                    convert::throwable(&MomentoError::invalid_argument(format!(
                        "{name} must be a non-negative number"
                    )))
                })
        };
        let attempts = num("maxAttempts", 3.0)?.max(1.0) as u32;
        let initial = num("initialDelayMillis", 100.0)? as u32;
        let max = num("maxBackoffMillis", 2000.0)? as u32;
        Ok(self.with_inner(
            self.inner
                .with_retry_strategy(RetryStrategy::exponential(attempts, initial, max)),
        ))
    }

    /// The logger factory the facade logs through (`undefined` = the default console logger).
    #[wasm_bindgen(getter, js_name = loggerFactory)]
    pub fn logger_factory(&self) -> JsValue {
        self.logger_factory.clone()
    }

    /// A copy logging through `loggerFactory` (`{getLogger(name): {error, warn, info, debug, trace}}`).
    #[wasm_bindgen(js_name = withLoggerFactory)]
    pub fn with_logger_factory(
        &self,
        #[wasm_bindgen(js_name = loggerFactory, unchecked_param_type = "MomentoLoggerFactory")]
        logger_factory: JsValue,
    ) -> Configuration {
        Configuration {
            logger_factory,
            ..self.clone()
        }
    }

    /// The middlewares the facade runs around every call.
    #[wasm_bindgen(getter, unchecked_return_type = "Middleware[]")]
    pub fn middlewares(&self) -> JsValue {
        self.middlewares.clone()
    }

    /// A copy running `middlewares` around every call (`{onNewRequest(context): {onRequest?, onResponseStatus?,
    /// onResponseEnd?}}`).
    #[wasm_bindgen(js_name = withMiddlewares)]
    pub fn with_middlewares(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Middleware[]")] middlewares: JsValue,
    ) -> Result<Configuration, JsValue> {
        if !js_sys::Array::is_array(&middlewares) {
            return Err(convert::throwable(&MomentoError::invalid_argument(
                "middlewares must be an array",
            )));
        }
        Ok(Configuration {
            middlewares,
            ..self.clone()
        })
    }

    /// A copy that throws (rejects) on errors instead of returning `Error` responses.
    #[wasm_bindgen(js_name = withThrowOnErrors)]
    pub fn with_throw_on_errors(
        &self,
        #[wasm_bindgen(js_name = throwOnErrors)] throw_on_errors: bool,
    ) -> Configuration {
        self.with_inner(self.inner.with_throw_on_errors(throw_on_errors))
    }

    /// A copy with read concern `'balanced'` or `'consistent'`.
    #[wasm_bindgen(js_name = withReadConcern)]
    pub fn with_read_concern(
        &self,
        #[wasm_bindgen(js_name = readConcern, unchecked_param_type = "'balanced' | 'consistent'")]
        read_concern: String,
    ) -> Result<Configuration, JsValue> {
        let rc = match read_concern.to_ascii_lowercase().as_str() {
            "balanced" => ReadConcern::Balanced,
            "consistent" => ReadConcern::Consistent,
            other => {
                return Err(convert::throwable(&MomentoError::invalid_argument(
                    format!("read concern must be 'balanced' or 'consistent', received {other}"),
                )))
            }
        };
        Ok(self.with_inner(self.inner.with_read_concern(rc)))
    }

    /// A copy using gRPC-web `'text'` (default) or `'binary'` framing.
    #[wasm_bindgen(js_name = withTransportMode)]
    pub fn with_transport_mode(
        &self,
        #[wasm_bindgen(js_name = transportMode, unchecked_param_type = "'text' | 'binary'")]
        transport_mode: String,
    ) -> Result<Configuration, JsValue> {
        let mode = match transport_mode.as_str() {
            "text" => Mode::Text,
            "binary" => Mode::Binary,
            other => {
                return Err(convert::throwable(&MomentoError::invalid_argument(
                    format!("transport mode must be 'text' or 'binary', received {other}"),
                )))
            }
        };
        Ok(self.with_inner(self.inner.with_transport_mode(mode)))
    }
}

impl From<CoreConfiguration> for Configuration {
    fn from(inner: CoreConfiguration) -> Self {
        Self {
            inner,
            logger_factory: JsValue::UNDEFINED,
            middlewares: js_sys::Array::new().into(),
        }
    }
}

impl Configuration {
    /// A copy with other core settings and the same logger and middlewares.
    fn with_inner(&self, inner: CoreConfiguration) -> Configuration {
        Configuration {
            inner,
            logger_factory: self.logger_factory.clone(),
            middlewares: self.middlewares.clone(),
        }
    }
}

/// Where the credential comes from: a v1 API key or disposable token, a legacy JWT, a v2 key with its
/// endpoint, or an open local server.
#[wasm_bindgen]
#[derive(Clone)]
pub struct CredentialProvider {
    pub(crate) inner: Credentials,
}

#[wasm_bindgen(typescript_custom_section)]
const LOGGING_TYPES: &str = r#"
/** A logger (the official MomentoLogger shape). */
export interface MomentoLogger {
  error(msg: string, ...args: unknown[]): void; warn(msg: string, ...args: unknown[]): void;
  info(msg: string, ...args: unknown[]): void; debug(msg: string, ...args: unknown[]): void;
  trace(msg: string, ...args: unknown[]): void;
}
/** Creates loggers (the official MomentoLoggerFactory shape). */
export interface MomentoLoggerFactory { getLogger(loggerName: string | object): MomentoLogger; }
/** Request hooks run around every call (the web SDK's middleware shape). */
export interface MiddlewareRequestHandler {
  onRequest?(request: { getRequestType(): string; getCacheName(): string | undefined }): void;
  onResponseStatus?(status: { code(): number; errorCode(): string | undefined }): void;
  onResponseEnd?(): void;
}
/** A middleware: a handler per request. */
export interface Middleware { onNewRequest(context?: object): MiddlewareRequestHandler; }
"#;

#[wasm_bindgen]
impl CredentialProvider {
    /// From an API key or disposable token: `fromString('key')` or
    /// `fromString({apiKey, endpointOverrides?: {cacheEndpoint, controlEndpoint, tokenEndpoint} | {baseEndpoint, endpointPrefix?}})`.
    #[wasm_bindgen(js_name = fromString)]
    pub fn from_string(
        #[wasm_bindgen(
            unchecked_param_type = "string | { apiKey?: string; authToken?: string; endpointOverrides?: { cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string } | { baseEndpoint: string; endpointPrefix?: string } }"
        )]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        let (key, overrides) = if let Some(s) = props.as_string() {
            (s, None)
        } else {
            let o: Option<Object> = props.dyn_into().ok();
            let key = convert::field(&o, "apiKey")
                .as_string()
                .or_else(|| convert::field(&o, "authToken").as_string())
                .unwrap_or_default();
            let ov: Option<Object> = convert::field(&o, "endpointOverrides").dyn_into().ok();
            (key, endpoint_overrides(&ov))
        };
        Credentials::from_string(&key, overrides.as_ref())
            .map(|inner| CredentialProvider { inner })
            .map_err(|e| convert::throwable(&e))
    }

    /// Same as `fromString` (a disposable token is a v1 key).
    #[wasm_bindgen(js_name = fromDisposableToken)]
    pub fn from_disposable_token(
        #[wasm_bindgen(
            unchecked_param_type = "string | { apiKey?: string; authToken?: string; endpointOverrides?: { cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string } | { baseEndpoint: string; endpointPrefix?: string } }"
        )]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        Self::from_string(props)
    }

    /// From an environment variable holding a v1 key: `fromEnvironmentVariable('MOMENTO_API_KEY')` or
    /// `fromEnvironmentVariable({environmentVariableName, env?, endpointOverrides?})`. Reads `env` when given
    /// (a Cloudflare Worker's `env` binding), else `process.env` when it exists (Node, Deno's compat); throws
    /// INVALID_ARGUMENT_ERROR when the variable is missing or empty.
    #[wasm_bindgen(js_name = fromEnvironmentVariable)]
    pub fn from_environment_variable(
        #[wasm_bindgen(
            unchecked_param_type = "string | { environmentVariableName: string; env?: Record<string, string | undefined>; endpointOverrides?: { cacheEndpoint: string; controlEndpoint: string; tokenEndpoint: string } | { baseEndpoint: string; endpointPrefix?: string } }"
        )]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        let (name, o) = match props.as_string() {
            Some(name) => (name, None),
            None => {
                let o: Option<Object> = props.dyn_into().ok();
                (
                    convert::field(&o, "environmentVariableName")
                        .as_string()
                        .unwrap_or_default(),
                    o,
                )
            }
        };
        let key = env_var(&convert::field(&o, "env"), &name)?;
        let ov: Option<Object> = convert::field(&o, "endpointOverrides").dyn_into().ok();
        Credentials::from_string(&key, endpoint_overrides(&ov).as_ref())
            .map(|inner| CredentialProvider { inner })
            .map_err(|e| convert::throwable(&e))
    }

    /// Alias of `fromEnvironmentVariable`.
    #[wasm_bindgen(js_name = fromEnvVar)]
    pub fn from_env_var(
        #[wasm_bindgen(
            unchecked_param_type = "string | { environmentVariableName: string; env?: Record<string, string | undefined> }"
        )]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        Self::from_environment_variable(props)
    }

    /// A v2 API key with its endpoint: `fromApiKeyV2({apiKey, endpoint})`.
    #[wasm_bindgen(js_name = fromApiKeyV2)]
    pub fn from_api_key_v2(
        #[wasm_bindgen(unchecked_param_type = "{ apiKey: string; endpoint: string }")]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        let o: Option<Object> = props.dyn_into().ok();
        let key = convert::field(&o, "apiKey").as_string().unwrap_or_default();
        let endpoint = convert::field(&o, "endpoint")
            .as_string()
            .unwrap_or_default();
        Credentials::from_api_key_v2(&key, &endpoint)
            .map(|inner| CredentialProvider { inner })
            .map_err(|e| convert::throwable(&e))
    }

    /// A v2 API key and endpoint from environment variables (defaults `MOMENTO_API_KEY`, `MOMENTO_ENDPOINT`),
    /// read from `env` when given, else `process.env`.
    #[wasm_bindgen(js_name = fromEnvVarV2)]
    pub fn from_env_var_v2(
        #[wasm_bindgen(
            unchecked_param_type = "{ apiKeyEnvVar?: string; endpointEnvVar?: string; env?: Record<string, string | undefined> } | undefined"
        )]
        props: JsValue,
    ) -> Result<CredentialProvider, JsValue> {
        let o: Option<Object> = props.dyn_into().ok();
        let name = |field: &str, default: &str| {
            convert::field(&o, field)
                .as_string()
                .unwrap_or_else(|| default.to_owned())
        };
        let env = convert::field(&o, "env");
        let key = env_var(&env, &name("apiKeyEnvVar", "MOMENTO_API_KEY"))?;
        let endpoint = env_var(&env, &name("endpointEnvVar", "MOMENTO_ENDPOINT"))?;
        Credentials::from_api_key_v2(&key, &endpoint)
            .map(|inner| CredentialProvider { inner })
            .map_err(|e| convert::throwable(&e))
    }

    /// A local server without authentication at `http://hostname:port` (defaults `127.0.0.1:8080`).
    #[wasm_bindgen(js_name = forMomentoLocal)]
    pub fn for_momento_local(
        #[wasm_bindgen(unchecked_param_type = "{ hostname?: string; port?: number }")]
        props: JsValue,
    ) -> CredentialProvider {
        let o: Option<Object> = props.dyn_into().ok();
        let host = convert::field(&o, "hostname")
            .as_string()
            .unwrap_or_else(|| "127.0.0.1".to_owned());
        let port = convert::field(&o, "port")
            .as_f64()
            .filter(|p| (1.0..=65535.0).contains(p))
            .map_or(8080, |p| p as u16);
        CredentialProvider {
            inner: Credentials::for_momento_local(&host, port),
        }
    }

    /// When the token expires (epoch seconds, from its `exp` claim), or `undefined` if it does not say.
    #[wasm_bindgen(getter, js_name = expiresAt)]
    pub fn expires_at(&self) -> Option<f64> {
        self.inner.expires_at.map(|e| e as f64)
    }

    /// The cache (data plane) endpoint URL requests go to.
    #[wasm_bindgen(getter, js_name = cacheEndpoint)]
    pub fn cache_endpoint(&self) -> String {
        self.inner.endpoints.cache.clone()
    }

    /// The control plane endpoint URL.
    #[wasm_bindgen(getter, js_name = controlEndpoint)]
    pub fn control_endpoint(&self) -> String {
        self.inner.endpoints.control.clone()
    }

    /// The token endpoint URL.
    #[wasm_bindgen(getter, js_name = tokenEndpoint)]
    pub fn token_endpoint(&self) -> String {
        self.inner.endpoints.token.clone()
    }
}

/// Reads `name` from `env` (an object) or else `globalThis.process.env`, without assuming either exists.
fn env_var(env: &JsValue, name: &str) -> Result<String, JsValue> {
    let missing = || {
        convert::throwable(&MomentoError::invalid_argument(format!(
            "Missing required environment variable {name}"
        )))
    };
    if name.is_empty() {
        return Err(convert::throwable(&MomentoError::invalid_argument(
            "environmentVariableName must not be empty",
        )));
    }
    let get = |o: &JsValue| {
        js_sys::Reflect::get(o, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let value = if env.is_object() {
        get(env)
    } else {
        let process = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("process"))
            .unwrap_or(JsValue::UNDEFINED);
        let penv = if process.is_object() {
            js_sys::Reflect::get(&process, &JsValue::from_str("env")).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        if penv.is_object() {
            get(&penv)
        } else {
            None
        }
    };
    value.filter(|v| !v.trim().is_empty()).ok_or_else(missing)
}

fn endpoint_overrides(o: &Option<Object>) -> Option<EndpointOverrides> {
    o.as_ref()?;
    let s = |name: &str| convert::field(o, name).as_string();
    if let (Some(cache), Some(control), Some(token)) =
        (s("cacheEndpoint"), s("controlEndpoint"), s("tokenEndpoint"))
    {
        return Some(EndpointOverrides::All {
            cache,
            control,
            token,
        });
    }
    s("baseEndpoint").map(|base| EndpointOverrides::Base {
        base,
        prefix: s("endpointPrefix"),
    })
}
