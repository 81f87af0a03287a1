//! JS ⇄ Rust conversions, kept out of the API files so those read as a list of methods.

#[cfg(feature = "full")]
use std::cell::RefCell;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::core::error::MomentoError;

/// A response enum as the tagged plain object the JS facade expects.
pub trait IntoJs {
    /// `{type: '<Variant>', ...fields}`.
    fn into_js(self) -> JsValue;
}

/// Implements [`IntoJs`] for response types: per type, one arm per variant, `Pattern => "Kind" { "field": value, … }`
/// making `{type: 'Kind', field: value, …}` (each value through `JsValue::from`; `_ => "Success"` for a unit
/// result), or `Pattern => (expression)` for a result built elsewhere.
macro_rules! into_js {
    (@value ($e:expr)) => { $e };
    (@value $kind:literal $({ $($name:literal: $value:expr),* })?) => {{
        let o = $crate::bindings::convert::tagged($kind);
        $($($crate::bindings::convert::set(&o, $name, &wasm_bindgen::JsValue::from($value));)*)?
        wasm_bindgen::JsValue::from(o)
    }};
    ($($ty:ty { $($pat:pat => $kind:tt $({ $($name:literal: $value:expr),* $(,)? })?),+ $(,)? })*) => {$(
        impl $crate::bindings::convert::IntoJs for $ty {
            fn into_js(self) -> wasm_bindgen::JsValue {
                match self {
                    $($pat => $crate::bindings::convert::into_js!(@value $kind $({ $($name: $value),* })?),)+
                }
            }
        }
    )*};
}
pub(crate) use into_js;

/// Declares the call methods of a wasm client class, a signature line each:
/// `fn rust_name as jsName(&self, param: Type, …; options: OptionsType) { body }`. Parameters are named as in JS
/// (camelCase, so the generated JS and .d.ts read the same); `options` is the optional object every call takes last,
/// handed to the body as an `Option<Object>`. Each method returns the body's [`PendingCall`](super::cache_client::PendingCall).
/// Docs are written `#[doc = "…"]`: wasm-bindgen reads a `///` forwarded by a macro (a raw string) as `r"…`.
macro_rules! methods {
    ($core:ty {
        $($(#[doc = $doc:tt])* fn $rs:ident as $js:ident(&$this:ident $(, $p:ident: $t:ty)*; $opts:ident: $ot:ty) $body:block)*
    }) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        impl $core {
            $($(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js)]
            #[allow(non_snake_case)]
            pub fn $rs(&$this $(, $p: $t)*, $opts: Option<$ot>) -> $crate::bindings::cache_client::PendingCall {
                let $opts = $opts.map(js_sys::Object::from);
                $body
            })*
        }
    };
}
pub(crate) use methods;

// The TypeScript types of the bindings' parameters, each declared once: wasm-bindgen hands these over as they are,
// unchecked (the readers below check them), and writes the `typescript_type` into momento_wasm.d.ts.
#[wasm_bindgen]
extern "C" {
    /// A JS argument declared `string` that wasm-bindgen hands over as it is, unchecked (a `String` parameter would
    /// make the glue copy whatever it is given into wasm memory, and a number there traps): read it with [`text`].
    #[wasm_bindgen(typescript_type = "string")]
    pub type Text;
    /// A key, field or value: read it with [`bytes`].
    #[wasm_bindgen(typescript_type = "string | Uint8Array")]
    pub type Bytes;
    /// Keys, fields or values: read them with [`bytes_list`].
    #[wasm_bindgen(typescript_type = "Array<string | Uint8Array>")]
    pub type BytesArray;
    /// A value hash (`getWithHash`'s): read it with [`bytes`].
    #[wasm_bindgen(typescript_type = "Uint8Array")]
    pub type Hash;
    /// A number: read it with [`number`].
    #[wasm_bindgen(typescript_type = "number")]
    pub type Num;
    /// An optional number: read it with [`maybe_number`].
    #[wasm_bindgen(typescript_type = "number | undefined")]
    pub type MaybeNum;
    /// Numbers: read them with [`numbers`].
    #[wasm_bindgen(typescript_type = "number[]")]
    pub type Nums;
    /// A `Configuration`'s settings (js/config.js), read by `config::configuration`.
    #[wasm_bindgen(typescript_type = "CoreSettings")]
    pub type CoreSettings;
    /// A `CredentialProvider`'s data (js/config.js), read by `config::credentials`.
    #[wasm_bindgen(typescript_type = "CredentialData")]
    pub type CredentialData;
    /// The options of a call with nothing but its abort signal.
    #[wasm_bindgen(extends = Object, typescript_type = "CallOptions")]
    pub type CallOptions;
    /// The options of a scalar write.
    #[wasm_bindgen(extends = Object, typescript_type = "TtlOptions")]
    pub type TtlOptions;
    /// The options of a collection write (see [`collection_ttl`]).
    #[wasm_bindgen(extends = Object, typescript_type = "CollectionOptions")]
    pub type CollectionOptions;
    /// The options of a ranked read.
    #[wasm_bindgen(extends = Object, typescript_type = "OrderOptions")]
    pub type OrderOptions;
    /// The options of a list push to the front.
    #[wasm_bindgen(extends = Object, typescript_type = "PushFrontOptions")]
    pub type PushFrontOptions;
    /// The options of a list push to the back.
    #[wasm_bindgen(extends = Object, typescript_type = "PushBackOptions")]
    pub type PushBackOptions;
    /// The options of a sorted-set read by score.
    #[wasm_bindgen(extends = Object, typescript_type = "ScoreRangeOptions")]
    pub type ScoreRangeOptions;
    /// The options of a list read by index.
    #[wasm_bindgen(extends = Object, typescript_type = "SliceOptions")]
    pub type SliceOptions;
    /// The options of `listRetain`: a slice and the collection TTL.
    #[wasm_bindgen(extends = Object, typescript_type = "RetainOptions")]
    pub type RetainOptions;
    /// The options of a sorted-set read by rank.
    #[wasm_bindgen(extends = Object, typescript_type = "RankRangeOptions")]
    pub type RankRangeOptions;
    /// The options of a sorted-set count by score.
    #[wasm_bindgen(extends = Object, typescript_type = "ScoreBoundsOptions")]
    pub type ScoreBoundsOptions;
    /// The options of `sortedSetUnionStore`: the aggregate and the collection TTL.
    #[wasm_bindgen(extends = Object, typescript_type = "UnionStoreOptions")]
    pub type UnionStoreOptions;
    /// `[field, value]` pairs (`dictionarySetFields`).
    #[wasm_bindgen(typescript_type = "Array<[string | Uint8Array, string | Uint8Array]>")]
    pub type FieldValuePairs;
    /// `[value, score]` pairs (`sortedSetPutElements`).
    #[wasm_bindgen(typescript_type = "Array<[string | Uint8Array, number]>")]
    pub type ValueScorePairs;
    /// `[key, value, ttlSeconds?]` items (`setBatch`).
    #[wasm_bindgen(typescript_type = "Array<[string | Uint8Array, string | Uint8Array, number?]>")]
    pub type BatchItems;
    /// The sources of `sortedSetUnionStore`.
    #[wasm_bindgen(typescript_type = "Array<{ sortedSetName: string; weight: number }>")]
    pub type UnionSources;
    /// Flat `(id, score)` pairs (a leaderboard's `upsert`).
    #[wasm_bindgen(typescript_type = "Float64Array")]
    pub type IdScorePairs;
    /// The permissions of a token or key.
    #[wasm_bindgen(typescript_type = "{ permissions: unknown[] }")]
    pub type Permissions;
}

#[wasm_bindgen(typescript_custom_section)]
const OPTION_TYPES: &str = r#"
/** The options of the wasm core's calls (the facade normalizes the public API's options into these). */
type CallOptions = { abortSignal?: AbortSignal };
type TtlOptions = { ttl?: number; abortSignal?: AbortSignal };
type CollectionOptions = { ttlSeconds?: number; refreshTtl?: boolean; abortSignal?: AbortSignal };
type OrderOptions = { order?: 'ASC' | 'DESC'; abortSignal?: AbortSignal };
type PushFrontOptions = CollectionOptions & { truncateBackToSize?: number };
type PushBackOptions = CollectionOptions & { truncateFrontToSize?: number };
type ScoreRangeOptions = OrderOptions & { minScore?: number; maxScore?: number; offset?: number; count?: number };
type SliceOptions = CallOptions & { startIndex?: number; endIndex?: number };
type RetainOptions = CollectionOptions & { startIndex?: number; endIndex?: number };
type RankRangeOptions = OrderOptions & { startRank?: number; endRank?: number };
type ScoreBoundsOptions = CallOptions & { minScore?: number; maxScore?: number };
type UnionStoreOptions = CollectionOptions & { aggregate?: 0 | 1 | 2 };
"#;

/// A required string argument: `undefined`/`null` read as empty (so the core's official "… must not be empty" text
/// follows); anything else that is not a string is an INVALID_ARGUMENT `<what> must be a string`.
pub fn text(value: &JsValue, what: &str) -> Result<String, MomentoError> {
    if value.is_undefined() || value.is_null() {
        return Ok(String::new());
    }
    value
        .as_string()
        .ok_or_else(|| MomentoError::invalid_argument([what, " must be a string"].concat()))
}

/// `string | Uint8Array` → bytes (strings are UTF-8 encoded once, here).
pub fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, MomentoError> {
    if let Some(s) = value.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = value.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    Err(MomentoError::invalid_argument(
        [what, " must be a string or Uint8Array"].concat(),
    ))
}

/// An array of `string | Uint8Array` → byte strings.
pub fn bytes_list(value: &JsValue, what: &str) -> Result<Vec<Vec<u8>>, MomentoError> {
    let array = value
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| MomentoError::invalid_argument([what, " must be an array"].concat()))?;
    array.iter().map(|v| bytes(&v, what)).collect()
}

/// A JS array of byte strings (each a fresh `Uint8Array`).
pub fn uint8_array_list<'a>(items: impl IntoIterator<Item = &'a Vec<u8>>) -> JsValue {
    items
        .into_iter()
        .map(|b| uint8(b))
        .collect::<js_sys::Array>()
        .into()
}

/// A required number argument.
pub fn number(value: &JsValue, what: &str) -> Result<f64, MomentoError> {
    value
        .as_f64()
        .ok_or_else(|| MomentoError::invalid_argument([what, " must be a number"].concat()))
}

/// An array (or typed array) of numbers → `f64`s; anything else is an INVALID_ARGUMENT `<what> must be an array of
/// numbers`.
pub fn numbers(value: &JsValue, what: &str) -> Result<Vec<f64>, MomentoError> {
    let bad = || MomentoError::invalid_argument([what, " must be an array of numbers"].concat());
    if let Some(a) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(a.to_vec());
    }
    let array = value.dyn_ref::<js_sys::Array>().ok_or_else(bad)?;
    array.iter().map(|v| v.as_f64().ok_or_else(bad)).collect()
}

/// Reads property `name` of an optional options object.
pub fn field(options: &Option<Object>, name: &str) -> JsValue {
    options
        .as_ref()
        .and_then(|o| Reflect::get(o, &JsValue::from_str(name)).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// An optional number option (`undefined`/`null` → `None`; anything else must be a number).
pub fn opt_number(options: &Option<Object>, name: &str) -> Result<Option<f64>, MomentoError> {
    maybe_number(&field(options, name), name)
}

/// An optional number argument (`undefined`/`null` → `None`; anything else must be a number).
pub fn maybe_number(value: &JsValue, what: &str) -> Result<Option<f64>, MomentoError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    number(value, what).map(Some)
}

/// An optional whole-number option (`undefined`/`null` → `None`): a non-negative safe integer, else an
/// INVALID_ARGUMENT `<name> must be a non-negative integer`.
pub fn opt_whole(options: &Option<Object>, name: &str) -> Result<Option<u64>, MomentoError> {
    match opt_number(options, name)? {
        None => Ok(None),
        Some(n) if (0.0..=MAX_SAFE_INTEGER).contains(&n) && n.fract() == 0.0 => Ok(Some(n as u64)),
        Some(_) => Err(MomentoError::invalid_argument(
            [name, " must be a non-negative integer"].concat(),
        )),
    }
}

/// `Number.MAX_SAFE_INTEGER`.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The collection TTL of a write: the facade normalizes a JS `CollectionTtl` into `options.ttlSeconds`
/// (number or undefined) and `options.refreshTtl` (boolean, default true).
pub fn collection_ttl(
    options: &Option<Object>,
    default_ttl_ms: u64,
) -> Result<crate::core::collection_ttl::CollectionTtl, MomentoError> {
    let refresh = field(options, "refreshTtl").as_bool().unwrap_or(true);
    crate::core::collection_ttl::CollectionTtl::new(
        opt_number(options, "ttlSeconds")?,
        refresh,
        default_ttl_ms,
    )
}

/// The `abortSignal` option, if any.
pub fn abort_signal(options: &Option<Object>) -> Result<Option<AbortSignal>, MomentoError> {
    let v = field(options, "abortSignal");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<AbortSignal>()
        .map(Some)
        .map_err(|_| MomentoError::invalid_argument("abortSignal must be an AbortSignal"))
}

#[cfg(feature = "full")]
thread_local! {
    /// JS copies of the static strings results are made of (variant kinds such as `Hit`, field names such as
    /// `value`), by address and length: each is copied into JS once, not on every result. Not in the lite build,
    /// whose size is gated (bench/size-budget.json): the cache is ~165 B gzip, and saves ~3 string copies a call.
    static STATIC: RefCell<Vec<(usize, usize, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `s` as a JS string.
#[cfg(not(feature = "full"))]
pub fn static_str(s: &'static str) -> JsValue {
    JsValue::from_str(s)
}

/// `s` as a JS string, from [`STATIC`].
#[cfg(feature = "full")]
pub fn static_str(s: &'static str) -> JsValue {
    STATIC.with(|cache| {
        let key = (s.as_ptr() as usize, s.len());
        let mut cache = cache.borrow_mut();
        if let Some((.., js)) = cache.iter().find(|(p, l, _)| (*p, *l) == key) {
            return js.clone();
        }
        let js = JsValue::from_str(s);
        cache.push((key.0, key.1, js.clone()));
        js
    })
}

/// A plain result object `{ type }` to which fields are added.
pub fn tagged(kind: &'static str) -> Object {
    let o = Object::new();
    set(&o, "type", &static_str(kind));
    o
}

/// Sets `o[name] = value` (cannot fail on a plain object).
pub fn set(o: &Object, name: &'static str, value: &JsValue) {
    let _ = Reflect::set(o, &static_str(name), value);
}

/// Sets `o[name] = value` for a name known only at run time (error metadata).
pub fn set_dynamic(o: &Object, name: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(name), value);
}

/// A byte array as a fresh `Uint8Array` (results hold no wasm memory).
pub fn uint8(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}

/// `{ type: 'Error', errorCode, message, details, grpcCode?, metadata? }` — the facade turns it into the
/// official `*.Error` class.
pub fn error(e: &MomentoError) -> JsValue {
    let o = tagged("Error");
    set(&o, "errorCode", &JsValue::from_str(e.code.as_str()));
    set(&o, "message", &JsValue::from_str(&e.wrapped_message()));
    set(&o, "details", &JsValue::from_str(&e.message));
    if let Some(g) = &e.grpc {
        set(&o, "grpcCode", &JsValue::from(g.code));
        let meta = Object::new();
        for (k, v) in &g.metadata {
            set_dynamic(&meta, k, &JsValue::from_str(v));
        }
        set(&o, "metadata", &meta);
    }
    o.into()
}

/// A thrown JS error for misuse at construction time, carrying `errorCode` and `details` (the unwrapped message).
pub fn throwable(e: &MomentoError) -> JsValue {
    let err = js_sys::Error::new(&e.wrapped_message());
    set(&err, "errorCode", &JsValue::from_str(e.code.as_str()));
    set(&err, "details", &JsValue::from_str(&e.message));
    err.into()
}
