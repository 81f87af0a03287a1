//! Tokens and API keys: the claims, signing and verification, v1 key encoding.
//!
//! # Tokens
//! The server signs its own tokens: compact JWTs, `HS256` (HMAC-SHA256) with the server's
//! signing secret, claims [`Claims`] (`sub`, `iat`, optional `exp`, optional `p` permissions,
//! `jti`). A request is authenticated by its `authorization` header holding such a token, raw
//! as the Momento SDKs send it (a `Bearer ` prefix is tolerated). Failures are
//! `UNAUTHENTICATED` with the messages "Missing authorization header", "Malformed token",
//! "Invalid signature" or "Token expired" ([`crate::auth`] checks every request). The Auth and
//! Token services are the exception: their caller credential is in the request body
//! ([`crate::auth::header_authenticated`]); `Ping` needs none.
//!
//! Claims: `sub` (issuer subject; [`ROOT_SUBJECT`] for root keys, the minting caller's subject
//! for minted tokens), `iat` and optional `exp` (Unix seconds), optional `p` (permissions:
//! standard base64 of the protobuf `permission_messages.Permissions`; absent = super user; see
//! `crate::permissions`) and `jti` (the `token_id` given when minting, else random hex).
//! Example payload of a disposable token:
//! `{"sub":"momento-server-root","iat":1700000000,"exp":1700003600,"p":"Eg0KCwoJCAIaAwoBYyIA","jti":"t1"}`
//! (`p` here: `explicit { cache_permissions { role: CacheReadOnly, cache_selector: "c",
//! all_items } }`).
//!
//! # API keys (Momento "v1" format)
//! A v1 key is standard base64 of `{"endpoint":"<host:port>","api_key":"<jwt>"}`; the SDKs send
//! the inner `api_key` as `authorization`. The JS SDK requires the key to round-trip through
//! *standard* base64 while the Rust SDK decodes it with the *URL-safe* alphabet, so an emitted
//! key must contain none of `+ / - _`. Standard base64 never emits `-`/`_`, and it emits
//! `+`/`/` for 7-bit ASCII input only where one of `> ? ~ DEL` sits at an offset ≡ 2 (mod 3).
//! [`encode_v1_api_key`] therefore writes those (and any non-ASCII) characters as JSON `\uXXXX`
//! escapes, and checks the result, varying insignificant JSON whitespace (bounded attempts) in
//! case it is not clean. (A key for `127.0.0.1:<port>` with a JWT inside is clean as is.)
//!
//!
//! This module sits at the bottom of the crate: it knows nothing of permissions (a token whose
//! `p` claim is not a valid scope verifies here and is refused by [`crate::auth`]).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::secret::random_hex;

type HmacSha256 = Hmac<Sha256>;

/// Subject of the root key written by `--key-file` and printed by `momento-server key`.
pub const ROOT_SUBJECT: &str = "momento-server-root";

/// JWT claims of a token signed by this server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    /// Subject (who the token was issued to).
    pub sub: String,
    /// Issued at, seconds since the Unix epoch.
    pub iat: u64,
    /// Expiry, seconds since the Unix epoch; `None` = never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<u64>,
    /// Permissions granted by the token: standard base64 (padded) of the protobuf-encoded
    /// `permission_messages.Permissions` (see [`crate::permissions`]). Absent or empty = super
    /// user (a root key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    /// Token id: the `token_id` a disposable token or API key was minted with, else random hex
    /// (also serving as a nonce).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jti: Option<String>,
}

impl Claims {
    /// Root claims (all permissions) issued now, expiring after `ttl_seconds` if given.
    pub fn root(ttl_seconds: Option<u64>) -> Self {
        Self::new(ROOT_SUBJECT, ttl_seconds, None, None)
    }

    /// Claims issued now to `sub`, expiring after `ttl_seconds` if given, with the encoded
    /// permissions `p` (`None` = super user) and token id `jti` (`None` = random).
    pub fn new(
        sub: &str,
        ttl_seconds: Option<u64>,
        p: Option<String>,
        jti: Option<String>,
    ) -> Self {
        let now = unix_now();
        Self {
            sub: sub.to_owned(),
            iat: now,
            exp: ttl_seconds.map(|ttl| now.saturating_add(ttl)),
            p,
            jti: jti.or_else(|| random_hex(8).ok()),
        }
    }
}

/// Why a token was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthError {
    /// No (or an empty) `authorization` header.
    Missing,
    /// Not a three-part JWT, bad base64/JSON, or an algorithm other than HS256.
    Malformed,
    /// Signed with another secret, or tampered with.
    BadSignature,
    /// `exp` is in the past.
    Expired,
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Missing => {
                "Missing authorization header: momento-server needs a key (the one it wrote to --key-file, or one from `momento-server key`) unless started with --auth none"
            }
            Self::Malformed => "Malformed token",
            Self::BadSignature => {
                "Invalid signature: this key was not signed with this server's secret (--secret-file); use the key this server wrote to --key-file, or mint one with `momento-server key --secret-file <the server's secret file>`"
            }
            Self::Expired => "Token expired",
        })
    }
}

impl std::error::Error for AuthError {}

/// Prefix of refresh tokens (format version 1).
const REFRESH_PREFIX: &str = "mrt1.";

/// HMAC domain separation for refresh tokens (a JWT signing input never starts with this).
const REFRESH_DOMAIN: &[u8] = b"momento-server refresh token v1\n";

/// Signs and verifies HS256 tokens with one secret.
#[derive(Clone)]
pub struct TokenSigner {
    secret: Arc<[u8]>,
    /// Tokens whose signature and format were verified, with their claims. Verification is a pure
    /// function of the token and the secret, and every call of a client carries the same token, so
    /// a repeat skips the base64, JSON and HMAC-SHA256 work (bench/run (f): about a third of the
    /// server's CPU per cached Get). Expiry is still checked on every call by
    /// [`TokenSigner::verify_at`]. Bounded: cleared when it reaches [`VERIFIED_CACHE_LEN`].
    verified: Arc<Mutex<HashMap<Box<str>, Claims>>>,
}

/// Most verified tokens [`TokenSigner`] remembers before starting over.
const VERIFIED_CACHE_LEN: usize = 1024;

impl fmt::Debug for TokenSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSigner").finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    typ: Option<String>,
}

impl TokenSigner {
    /// A signer for `secret`.
    pub fn new(secret: impl Into<Vec<u8>>) -> Self {
        Self {
            secret: secret.into().into(),
            verified: Arc::default(),
        }
    }

    fn mac(&self) -> HmacSha256 {
        // HMAC accepts keys of any length, so this never fails; the fallback keeps it panic-free.
        HmacSha256::new_from_slice(&self.secret)
            .unwrap_or_else(|_| HmacSha256::new(&Default::default()))
    }

    /// Signs `claims` into a compact JWT (`header.payload.signature`, base64url without padding).
    pub fn sign(&self, claims: &Claims) -> Result<String, serde_json::Error> {
        self.sign_payload(claims)
    }

    /// Signs any JSON payload (see [`TokenSigner::sign`]).
    fn sign_payload<T: Serialize>(&self, payload: &T) -> Result<String, serde_json::Error> {
        let header = serde_json::to_vec(&Header {
            alg: "HS256".to_owned(),
            typ: Some("JWT".to_owned()),
        })?;
        let payload = serde_json::to_vec(payload)?;
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(payload)
        );
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        Ok(format!("{signing_input}.{signature}"))
    }

    /// Verifies a token (signature first, then expiry against `now`, Unix seconds). The `p`
    /// claim is not interpreted here (see the module docs).
    pub fn verify_at(&self, token: &str, now: u64) -> Result<Claims, AuthError> {
        let claims = self.verify_signature(token)?;
        if claims.exp.is_some_and(|exp| exp <= now) {
            return Err(AuthError::Expired);
        }
        Ok(claims)
    }

    /// Verifies a token's signature and format but not its expiry (refreshing an expired key).
    pub fn verify_signature(&self, token: &str) -> Result<Claims, AuthError> {
        let token = token.trim();
        let token = token
            .strip_prefix("Bearer ")
            .or_else(|| token.strip_prefix("bearer "))
            .unwrap_or(token)
            .trim();
        if token.is_empty() {
            return Err(AuthError::Missing);
        }
        if let Some(claims) = self
            .verified
            .lock()
            .ok()
            .and_then(|cache| cache.get(token).cloned())
        {
            return Ok(claims);
        }
        let claims = self.verify_uncached(token)?;
        if let Ok(mut cache) = self.verified.lock() {
            if cache.len() >= VERIFIED_CACHE_LEN {
                cache.clear();
            }
            cache.insert(token.into(), claims.clone());
        }
        Ok(claims)
    }

    /// [`TokenSigner::verify_signature`] of a trimmed, non-empty token without the cache.
    fn verify_uncached(&self, token: &str) -> Result<Claims, AuthError> {
        let (signing_input, signature) = token.rsplit_once('.').ok_or(AuthError::Malformed)?;
        let mut parts = signing_input.split('.');
        let (Some(header), Some(payload), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(AuthError::Malformed);
        };
        let header: Header = decode_json_segment(header)?;
        if header.alg != "HS256" {
            return Err(AuthError::Malformed);
        }
        let signature = URL_SAFE_NO_PAD
            .decode(signature.trim_end_matches('='))
            .map_err(|_| AuthError::Malformed)?;
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        mac.verify_slice(&signature)
            .map_err(|_| AuthError::BadSignature)?;
        decode_json_segment(payload)
    }

    /// The refresh token paired with `api_key` (the JWT): `mrt1.` followed by the unpadded
    /// base64url HMAC-SHA256, under this signer's secret, of a domain prefix and the key. It
    /// never expires on its own and is only good together with that exact key.
    pub fn refresh_token_for(&self, api_key: &str) -> String {
        let mut mac = self.mac();
        mac.update(REFRESH_DOMAIN);
        mac.update(api_key.as_bytes());
        format!(
            "{REFRESH_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        )
    }

    /// Whether `refresh_token` is the one [`TokenSigner::refresh_token_for`] issued for
    /// `api_key` (constant-time comparison).
    pub fn verify_refresh_token(&self, api_key: &str, refresh_token: &str) -> bool {
        let Some(tag) = refresh_token.trim().strip_prefix(REFRESH_PREFIX) else {
            return false;
        };
        let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else {
            return false;
        };
        let mut mac = self.mac();
        mac.update(REFRESH_DOMAIN);
        mac.update(api_key.as_bytes());
        mac.verify_slice(&tag).is_ok()
    }

    /// [`TokenSigner::verify_at`] with the current time.
    pub fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        self.verify_at(token, unix_now())
    }
}

fn decode_json_segment<T: for<'de> Deserialize<'de>>(segment: &str) -> Result<T, AuthError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(segment.trim_end_matches('='))
        .map_err(|_| AuthError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| AuthError::Malformed)
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Why [`encode_v1_api_key`] failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnencodableKey;

impl fmt::Display for UnencodableKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("could not find a v1 key encoding free of + / - _")
    }
}

impl std::error::Error for UnencodableKey {}

/// Encodes a Momento v1 API key: standard base64 of `{"endpoint":…,"api_key":…}`, free of
/// `+ / - _` so that both the JS (standard) and Rust (URL-safe) SDKs decode it.
///
/// The JSON strings escape `> ? ~` and non-ASCII characters (`\uXXXX`), which already rules
/// out `+`/`/`; as a second line of defence up to 64 whitespace layouts of the JSON are tried,
/// each shifting the byte offsets that decide whether a `+`/`/` can appear.
pub fn encode_v1_api_key(endpoint: &str, api_key: &str) -> Result<String, UnencodableKey> {
    let endpoint = json_ascii_string(endpoint);
    let api_key = json_ascii_string(api_key);
    for attempt in 0..64usize {
        let lead = " ".repeat(attempt % 4);
        let after_colon = " ".repeat((attempt / 4) % 4);
        let after_comma = " ".repeat(attempt / 16);
        let json = format!(
            "{{{lead}\"endpoint\":{after_colon}{endpoint},{after_comma}\"api_key\":{after_colon}{api_key}}}"
        );
        let encoded = STANDARD.encode(json.as_bytes());
        if is_portable_base64(&encoded) {
            return Ok(encoded);
        }
    }
    Err(UnencodableKey)
}

/// A JSON string literal using only printable ASCII other than `>`, `?` and `~` (those and
/// everything else are `\uXXXX` escapes), so no character of it can produce `+`/`/` in base64.
fn json_ascii_string(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='}' if !matches!(c, '>' | '?') => out.push(c),
            _ => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// Whether `s` reads the same in the standard and URL-safe base64 alphabets.
pub fn is_portable_base64(s: &str) -> bool {
    !s.contains(['+', '/', '-', '_'])
}

/// Decodes a v1 key into `(endpoint, api_key)`: URL-safe alphabet as the Rust SDK does, then
/// the standard alphabet as the JS SDK does (padding optional in both).
pub fn decode_v1_api_key(key: &str) -> Option<(String, String)> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE};
    #[derive(Deserialize)]
    struct V1 {
        endpoint: String,
        api_key: String,
    }
    let key = key.trim();
    let unpadded = key.trim_end_matches('=');
    let bytes = URL_SAFE
        .decode(key)
        .or_else(|_| URL_SAFE_NO_PAD.decode(unpadded))
        .or_else(|_| STANDARD.decode(key))
        .or_else(|_| STANDARD_NO_PAD.decode(unpadded))
        .ok()?;
    let v1: V1 = serde_json::from_slice(&bytes).ok()?;
    Some((v1.endpoint, v1.api_key))
}

/// The token inside a credential: the inner `api_key` of a v1 key, or the credential itself
/// (a raw JWT, possibly with a `Bearer ` prefix, is left to [`TokenSigner::verify`]).
pub fn credential_token(credential: &str) -> String {
    let credential = credential.trim();
    // A JWT has dots; base64 never does.
    if !credential.contains('.') {
        if let Some((_, api_key)) = decode_v1_api_key(credential) {
            return api_key;
        }
    }
    credential.to_owned()
}

/// Kinds of credentials, told apart by claims [`Claims`] does not keep: Momento's v2 API keys
/// carry `"t":"g"`, legacy auth tokens their endpoints in `c`/`cp`; everything else this server
/// signs is a v1 API key's token (or a disposable token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// The token of a v1 API key or a disposable token.
    V1,
    /// A v2 API key (`"t":"g"`), used raw with the endpoint given separately.
    V2,
    /// A legacy auth token (JWT with `c`/`cp` endpoint claims).
    Legacy,
}

/// The claims naming a token's kind.
#[derive(Deserialize)]
struct KindClaims {
    #[serde(default)]
    t: Option<String>,
    #[serde(default)]
    c: Option<serde_json::Value>,
    #[serde(default)]
    cp: Option<serde_json::Value>,
}

impl TokenKind {
    /// The kind of `token` (a JWT whose signature the caller has verified; anything unreadable
    /// is [`TokenKind::V1`]).
    pub fn of(token: &str) -> Self {
        let payload = token.trim().split('.').nth(1).unwrap_or_default();
        match decode_json_segment::<KindClaims>(payload) {
            Ok(KindClaims { c: Some(_), .. } | KindClaims { cp: Some(_), .. }) => Self::Legacy,
            Ok(KindClaims { t: Some(t), .. }) if t == V2_KEY_TYPE => Self::V2,
            _ => Self::V1,
        }
    }
}

/// The `t` claim of v2 API keys (Momento's "global" keys).
pub const V2_KEY_TYPE: &str = "g";

/// Signs a v2 API key for `claims`: the JWT with `"t":"g"` added. SDKs take it raw
/// (`MOMENTO_API_KEY`) with the endpoint given separately (`MOMENTO_ENDPOINT`).
pub fn sign_v2_api_key(signer: &TokenSigner, claims: &Claims) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct V2<'a> {
        #[serde(flatten)]
        claims: &'a Claims,
        t: &'static str,
    }
    signer.sign_payload(&V2 {
        claims,
        t: V2_KEY_TYPE,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn token_kinds() {
        let signer = TokenSigner::new(b"k".to_vec());
        let claims = Claims::root(None);
        assert_eq!(TokenKind::of(&signer.sign(&claims).unwrap()), TokenKind::V1);
        let v2 = sign_v2_api_key(&signer, &claims).unwrap();
        assert_eq!(TokenKind::of(&v2), TokenKind::V2);
        assert_eq!(signer.verify(&v2).unwrap().sub, claims.sub);
        let legacy = format!(
            "x.{}.y",
            URL_SAFE_NO_PAD.encode(br#"{"sub":"s","iat":1,"c":"cache.h","cp":"control.h"}"#)
        );
        assert_eq!(TokenKind::of(&legacy), TokenKind::Legacy);
        assert_eq!(TokenKind::of("garbage"), TokenKind::V1);
    }

    use crate::secret::{random_bytes, SECRET_LEN};

    /// A signer with secret `secret`, root claims and a token of them it verifies.
    fn signed_root() -> (TokenSigner, Claims, String) {
        let signer = TokenSigner::new(b"secret".to_vec());
        let claims = Claims::root(None);
        let token = signer.sign(&claims).unwrap();
        assert_eq!(signer.verify(&token).unwrap(), claims);
        (signer, claims, token)
    }

    #[test]
    fn sign_and_verify() {
        let (signer, claims, token) = signed_root();
        assert_eq!(signer.verify(&format!("Bearer {token}")).unwrap(), claims);
        assert_eq!(
            TokenSigner::new(b"other".to_vec()).verify(&token),
            Err(AuthError::BadSignature)
        );
        assert_eq!(signer.verify(""), Err(AuthError::Missing));
        assert_eq!(signer.verify("a.b"), Err(AuthError::Malformed));
        assert_eq!(signer.verify("x.y.z"), Err(AuthError::Malformed));
    }

    #[test]
    fn tampered_payload_fails() {
        let signer = TokenSigner::new(b"secret".to_vec());
        let token = signer.sign(&Claims::root(None)).unwrap();
        let mut parts: Vec<&str> = token.split('.').collect();
        let forged = URL_SAFE_NO_PAD.encode(br#"{"sub":"evil","iat":0}"#);
        parts[1] = &forged;
        assert_eq!(
            signer.verify(&parts.join(".")),
            Err(AuthError::BadSignature)
        );
    }

    #[test]
    fn verified_tokens_are_remembered_without_weakening_checks() {
        let (signer, claims, token) = signed_root();
        // A clone shares the cache; the remembered answer is the same.
        assert_eq!(signer.clone().verify(&token).unwrap(), claims);
        // A forged token still fails once a valid one is cached, and another secret's signer
        // does not see this signer's cache.
        let mut forged = token.clone();
        forged.push('A');
        assert!(signer.verify(&forged).is_err());
        assert_eq!(
            TokenSigner::new(b"other".to_vec()).verify(&token),
            Err(AuthError::BadSignature)
        );
        // The bound: the cache starts over instead of growing.
        for i in 0..VERIFIED_CACHE_LEN + 10 {
            let t = signer
                .sign(&Claims::new(&format!("s{i}"), None, None, None))
                .unwrap();
            assert!(signer.verify(&t).is_ok());
        }
        assert!(signer.verified.lock().unwrap().len() <= VERIFIED_CACHE_LEN);
        assert_eq!(signer.verify(&token).unwrap(), claims);
    }

    #[test]
    fn expiry() {
        let signer = TokenSigner::new(b"secret".to_vec());
        let mut claims = Claims::root(Some(10));
        claims.iat = 100;
        claims.exp = Some(110);
        let token = signer.sign(&claims).unwrap();
        assert!(signer.verify_at(&token, 109).is_ok());
        assert_eq!(signer.verify_at(&token, 110), Err(AuthError::Expired));
    }

    #[test]
    fn alg_none_is_rejected() {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"x","iat":0}"#);
        let signer = TokenSigner::new(b"secret".to_vec());
        assert_eq!(
            signer.verify(&format!("{header}.{payload}.")),
            Err(AuthError::Malformed)
        );
    }

    #[test]
    fn v1_keys_are_portable() {
        let signer = TokenSigner::new(random_bytes(SECRET_LEN).unwrap());
        for port in [0u16, 1, 80, 8080, 65535] {
            for _ in 0..20 {
                let jwt = signer.sign(&Claims::root(Some(3600))).unwrap();
                let key = encode_v1_api_key(&format!("127.0.0.1:{port}"), &jwt).unwrap();
                assert!(is_portable_base64(&key), "{key}");
                assert_eq!(STANDARD.encode(STANDARD.decode(&key).unwrap()), key);
                let (endpoint, api_key) = decode_v1_api_key(&key).unwrap();
                assert_eq!(endpoint, format!("127.0.0.1:{port}"));
                assert_eq!(api_key, jwt);
            }
        }
        // Characters that do produce + or / at some offsets are escaped.
        for endpoint in ["host?>~:1", "h\u{7f}\u{e9}\u{1f600}\"q\\:2"] {
            let key = encode_v1_api_key(endpoint, "k?").unwrap();
            assert!(is_portable_base64(&key), "{key}");
            assert_eq!(
                decode_v1_api_key(&key).unwrap(),
                (endpoint.to_owned(), "k?".to_owned())
            );
        }
    }
}
