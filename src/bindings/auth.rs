//! `AuthClientCore`: the wasm half of `AuthClient` — disposable tokens (token endpoint) and API keys with refresh
//! tokens (control endpoint). Like `CacheClientCore`, every method validates and encodes synchronously and hands
//! the request to the shared runner; the promise resolves to a tagged object and never rejects.
//!
//! Scopes arrive as the official JS shapes (`{permissions: [{role, cache, item?|topic?|func?}]}`, selectors as a
//! name string, `{name}`, `{key}`, `{keyPrefix}`, `{namePrefix}` or one of the `All*` symbols). The symbols are
//! registry symbols (`Symbol.for('momento.AllCaches')` etc.), so the core recognizes the facade's exports.

use js_sys::{Array, Object, Reflect, Symbol};
use wasm_bindgen::prelude::*;

use super::cache_client::{client_core, prepare, start_call, PendingCall};
use super::convert::{self, into_js, set, tagged, MaybeNum, Permissions, Text};
use crate::core::auth::generate_api_key::{GenerateApiKeyRequest, GenerateApiKeyResponse};
use crate::core::auth::generate_disposable_token::{
    GenerateDisposableTokenRequest, GenerateDisposableTokenResponse,
};
use crate::core::auth::permissions::{
    CacheRole, CacheSelector, FunctionRole, FunctionSelector, ItemSelector, Permission, Scope,
    TopicRole, TopicSelector,
};
use crate::core::auth::refresh_api_key::{RefreshApiKeyRequest, RefreshApiKeyResponse};
use crate::core::auth::ApiKey;
use crate::core::error::MomentoError;

/// Registry key of `AllCaches` (js/auth.js uses the same `Symbol.for` keys).
const ALL_CACHES: &str = "momento.AllCaches";
/// Registry key of `AllTopics`.
const ALL_TOPICS: &str = "momento.AllTopics";
/// Registry key of `AllCacheItems`.
const ALL_CACHE_ITEMS: &str = "momento.AllCacheItems";
/// Registry key of `AllFunctions`.
const ALL_FUNCTIONS: &str = "momento.AllFunctions";

client_core! {
    #[doc = " The wasm core of an auth client (use the `AuthClient` class, which wraps it)."]
    #[doc = " Its credential is the caller identity sent in each request body."]
    AuthClientCore("auth")
}

#[wasm_bindgen]
impl AuthClientCore {
    /// Mints a disposable token: `{type: 'Success', authToken, endpoint, validUntil}`. `validForSeconds`
    /// `undefined` means "never expires" (rejected: disposable tokens must expire within an hour).
    #[wasm_bindgen(js_name = generateDisposableToken)]
    pub fn generate_disposable_token(
        &self,
        scope: Permissions,
        #[wasm_bindgen(js_name = validForSeconds)] valid_for_seconds: MaybeNum,
        #[wasm_bindgen(js_name = tokenId, unchecked_param_type = "string | undefined")]
        token_id: JsValue,
    ) -> PendingCall {
        start_call(&self.client, &None, || {
            let token_id =
                if token_id.is_undefined() || token_id.is_null() {
                    None
                } else {
                    Some(token_id.as_string().ok_or_else(|| {
                        MomentoError::invalid_argument("tokenId must be a string")
                    })?)
                };
            Ok(prepare(GenerateDisposableTokenRequest::new(
                self.client.credentials().auth_token.clone(),
                parse_scope(&scope)?,
                convert::maybe_number(&valid_for_seconds, "validForSeconds")?,
                token_id,
            )?))
        })
    }

    /// Creates an API key: `{type: 'Success', apiKey, refreshToken, endpoint, validUntil}`; `validForSeconds`
    /// `undefined` = never expires.
    #[wasm_bindgen(js_name = generateApiKey)]
    pub fn generate_api_key(
        &self,
        scope: Permissions,
        #[wasm_bindgen(js_name = validForSeconds)] valid_for_seconds: MaybeNum,
    ) -> PendingCall {
        start_call(&self.client, &None, || {
            Ok(prepare(GenerateApiKeyRequest::new(
                self.client.credentials().auth_token.clone(),
                parse_scope(&scope)?,
                convert::maybe_number(&valid_for_seconds, "validForSeconds")?,
            )?))
        })
    }

    /// Refreshes this client's own API key with the refresh token issued with it: `{type: 'Success', apiKey,
    /// refreshToken, endpoint, validUntil}`.
    #[wasm_bindgen(js_name = refreshApiKey)]
    pub fn refresh_api_key(
        &self,
        #[wasm_bindgen(js_name = refreshToken)] refresh_token: Text,
    ) -> PendingCall {
        start_call(&self.client, &None, || {
            Ok(prepare(RefreshApiKeyRequest::new(
                self.client.credentials().auth_token.clone(),
                convert::text(&refresh_token, "refreshToken")?,
            )))
        })
    }
}

fn unrecognized(what: &str) -> MomentoError {
    MomentoError::invalid_argument(format!("Unrecognized {what}"))
}

fn get(o: &JsValue, name: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `name in o` (the official SDK tells permission kinds apart this way).
fn has(o: &JsValue, name: &str) -> bool {
    Reflect::has(o, &JsValue::from_str(name)).unwrap_or(false)
}

fn is_symbol(v: &JsValue, key: &str) -> bool {
    v.is_symbol() && Object::is(v, &Symbol::for_(key))
}

/// A string field of a selector object (`{name}`, `{keyPrefix}`, …), if present.
fn string_field(v: &JsValue, name: &str) -> Option<String> {
    if v.is_object() {
        get(v, name).as_string()
    } else {
        None
    }
}

/// A JS scope (`PermissionScope` or `DisposableTokenScope`) → the core model.
fn parse_scope(scope: &JsValue) -> Result<Scope, MomentoError> {
    // `new InternalSuperUserPermissions()` (js/auth.js): every permission, control plane included.
    if get(scope, "superUser").as_bool() == Some(true) {
        return Ok(Scope::SuperUser);
    }
    let list = if scope.is_object() {
        get(scope, "permissions")
    } else {
        JsValue::UNDEFINED
    };
    let list: &Array = list
        .dyn_ref()
        .ok_or_else(|| unrecognized("token scope: expected {permissions: [...]}"))?;
    list.iter()
        .map(|p| parse_permission(&p))
        .collect::<Result<Vec<_>, _>>()
        .map(Scope::Explicit)
}

fn parse_permission(p: &JsValue) -> Result<Permission, MomentoError> {
    if !p.is_object() {
        return Err(unrecognized("token permission"));
    }
    let role = get(p, "role")
        .as_string()
        .ok_or_else(|| unrecognized("token permission: missing role"))?;
    if !has(p, "cache") {
        return Err(unrecognized("token permission: missing cache"));
    }
    let cache = parse_selector(
        &get(p, "cache"),
        (ALL_CACHES, CacheSelector::All),
        CacheSelector::Name,
        "cache specification in permission",
    )?;
    if has(p, "topic") {
        return Ok(Permission::Topic {
            role: TopicRole::parse(&role)?,
            cache,
            topic: parse_selector(
                &get(p, "topic"),
                (ALL_TOPICS, TopicSelector::All),
                TopicSelector::Name,
                "topic specification in topic permission",
            )?,
        });
    }
    if has(p, "func") {
        return Ok(Permission::Function {
            role: FunctionRole::parse(&role)?,
            cache,
            function: parse_function(&get(p, "func"))?,
        });
    }
    let item = if has(p, "item") {
        Some(parse_item(&get(p, "item"))?)
    } else {
        None
    };
    Ok(Permission::Cache {
        role: CacheRole::parse(&role)?,
        cache,
        item,
    })
}

/// A selector of the official permission objects: the `all` symbol, a name, or `{name}`; `what` names it in the
/// "Unrecognized …" error.
fn parse_selector<T>(
    v: &JsValue,
    (all_symbol, all): (&str, T),
    name: fn(String) -> T,
    what: &str,
) -> Result<T, MomentoError> {
    if is_symbol(v, all_symbol) {
        return Ok(all);
    }
    v.as_string()
        .or_else(|| string_field(v, "name"))
        .map(name)
        .ok_or_else(|| unrecognized(what))
}

fn parse_function(v: &JsValue) -> Result<FunctionSelector, MomentoError> {
    if let Some(prefix) = string_field(v, "namePrefix") {
        return Ok(FunctionSelector::NamePrefix(prefix));
    }
    let all = (ALL_FUNCTIONS, FunctionSelector::All);
    parse_selector(
        v,
        all,
        FunctionSelector::Name,
        "function specification in function permission",
    )
}

fn parse_item(v: &JsValue) -> Result<ItemSelector, MomentoError> {
    if is_symbol(v, ALL_CACHE_ITEMS) {
        return Ok(ItemSelector::All);
    }
    if v.is_string() {
        return convert::bytes(v, "key").map(ItemSelector::Key);
    }
    if v.is_object() && has(v, "key") {
        return convert::bytes(&get(v, "key"), "key").map(ItemSelector::Key);
    }
    if v.is_object() && has(v, "keyPrefix") {
        return convert::bytes(&get(v, "keyPrefix"), "keyPrefix").map(ItemSelector::KeyPrefix);
    }
    Err(unrecognized("cache item specification in cache permission"))
}

/// `validUntil` for JS: epoch seconds, or `undefined` for "never expires".
fn valid_until(v: Option<u64>) -> JsValue {
    v.map_or(JsValue::UNDEFINED, |s| JsValue::from(s as f64))
}

fn api_key_js(k: ApiKey) -> JsValue {
    let o = tagged("Success");
    set(&o, "apiKey", &JsValue::from_str(&k.api_key));
    set(&o, "refreshToken", &JsValue::from_str(&k.refresh_token));
    set(&o, "endpoint", &JsValue::from_str(&k.endpoint));
    set(&o, "validUntil", &valid_until(k.valid_until));
    o.into()
}

into_js! {
    GenerateDisposableTokenResponse {
        GenerateDisposableTokenResponse::Success { auth_token, endpoint, valid_until: until } => "Success" {
            "authToken": auth_token,
            "endpoint": endpoint,
            "validUntil": valid_until(until),
        },
    }
    GenerateApiKeyResponse {
        GenerateApiKeyResponse::Success(k) => (api_key_js(k)),
    }
    RefreshApiKeyResponse {
        RefreshApiKeyResponse::Success(k) => (api_key_js(k)),
    }
}
