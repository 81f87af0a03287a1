//! `AuthClient` RPCs: disposable tokens (`token.Token` on the token endpoint) and API keys with refresh tokens
//! (`auth.Auth` on the control endpoint), one file each, plus the permission scope model.
//!
//! The caller's credential travels in the request body (`auth_token`, or `api_key` for a refresh), as the
//! official SDKs send it. The service answers a bare JWT and its endpoint; like the official SDKs, the
//! responses re-wrap them as a v1 key, base64(`{"endpoint":"…","api_key":"…"}`), ready for
//! `CredentialProvider.fromString`.

pub mod generate_api_key;
pub mod generate_disposable_token;
pub mod permissions;
pub mod refresh_api_key;

use crate::core::error::MomentoError;

/// Longest lifetime of a disposable token, in seconds (one hour).
pub const MAX_DISPOSABLE_TOKEN_SECONDS: f64 = 3600.0;

/// Longest disposable token id, in UTF-16 code units (the JS `string.length` the official SDK checks).
pub const MAX_TOKEN_ID_LEN: usize = 64;

/// A new or refreshed API key (`GenerateApiKey.Success`, `RefreshApiKey.Success`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// The key as a v1 API key: base64 of `{"endpoint","api_key"}`.
    pub api_key: String,
    /// The token that refreshes this key.
    pub refresh_token: String,
    /// The base endpoint the key is for.
    pub endpoint: String,
    /// Expiry in epoch seconds; `None` when the key never expires.
    pub valid_until: Option<u64>,
}

/// The API key a Generate/RefreshApiToken reply carries (both have the same fields).
macro_rules! api_key_from_reply {
    ($($reply:ty),+) => {
        $(
            impl From<$reply> for ApiKey {
                fn from(reply: $reply) -> Self {
                    Self {
                        api_key: v1_key(&reply.endpoint, &reply.api_key),
                        refresh_token: reply.refresh_token,
                        endpoint: reply.endpoint,
                        valid_until: expiry(reply.valid_until),
                    }
                }
            }
        )+
    };
}

api_key_from_reply!(
    momento_proto::auth::GenerateApiTokenResponse,
    momento_proto::auth::RefreshApiTokenResponse
);

/// `valid_until` as an optional expiry: 0 means "never".
pub fn expiry(valid_until: u64) -> Option<u64> {
    (valid_until != 0).then_some(valid_until)
}

/// The v1 key format the official SDKs hand back: standard base64 of `{"endpoint":"…","api_key":"…"}`
/// (the `JSON.stringify` output: no spaces).
pub fn v1_key(endpoint: &str, api_key: &str) -> String {
    let json = format!(
        "{{\"endpoint\":{},\"api_key\":{}}}",
        json_string(endpoint),
        json_string(api_key)
    );
    crate::core::base64::encode(json.as_bytes())
}

/// A JSON string literal (quotes, backslashes and control characters escaped).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A lifetime in seconds for the wire (`uint32`), rounded to whole seconds.
fn wire_seconds(seconds: f64, what: &str) -> Result<u32, MomentoError> {
    let s = seconds.round();
    if !s.is_finite() || s < 0.0 || s > f64::from(u32::MAX) {
        return Err(MomentoError::invalid_argument(format!(
            "{what} must be a whole number of seconds between 0 and {}",
            u32::MAX
        )));
    }
    Ok(s as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::credentials::Credentials;
    use ::base64::engine::general_purpose::STANDARD;
    use ::base64::Engine as _;

    #[test]
    fn v1_keys_parse_back() {
        let key = v1_key("127.0.0.1:9000", "a.b.c");
        assert_eq!(
            String::from_utf8(STANDARD.decode(&key).unwrap()).unwrap(),
            r#"{"endpoint":"127.0.0.1:9000","api_key":"a.b.c"}"#
        );
        let c = Credentials::from_string(&key, None).unwrap();
        assert_eq!(c.auth_token, "a.b.c");
        assert_eq!(c.endpoints.cache, "http://127.0.0.1:9000");
        assert_eq!(json_string("a\"b\\c\n\u{1}"), r#""a\"b\\c\n\u0001""#);
    }

    #[test]
    fn expiry_zero_is_never() {
        assert_eq!(expiry(0), None);
        assert_eq!(expiry(17), Some(17));
        let k = ApiKey::from(momento_proto::auth::RefreshApiTokenResponse {
            api_key: "t".into(),
            refresh_token: "r".into(),
            endpoint: "e".into(),
            valid_until: 0,
        });
        assert_eq!(k.valid_until, None);
        assert_eq!(k.api_key, v1_key("e", "t"));
    }

    #[test]
    fn wire_seconds_range() {
        assert_eq!(wire_seconds(300.0, "x").unwrap(), 300);
        assert_eq!(wire_seconds(1.6, "x").unwrap(), 2);
        assert!(wire_seconds(f64::NAN, "x").is_err());
        assert!(wire_seconds(1e12, "x").is_err());
    }
}
