//! The SDK's credential parsing (`momento_wasm::core::credentials`) and its JSON reader
//! (`momento_wasm::core::json`) on arbitrary strings, plus SDK ⟷ server key compatibility.
//!
//! Input: byte 0 picks the check, the rest is the text (lossily UTF-8). Checks, besides
//! "never panics":
//! - `Credentials::from_string` (with and without endpoint overrides), `from_api_key_v2`,
//!   `jwt_claims`;
//! - the JSON reader agrees with serde_json: every object serde_json accepts is accepted (up to
//!   the reader's depth limit) with the same top-level string and integer fields, and what it
//!   accepts serde_json accepts too (except for documented leniencies);
//! - round trips: a v1 key built from arbitrary endpoint/token strings, by serde_json or by the
//!   server's `encode_v1_api_key`, parses to that token and endpoint; a token the server signs
//!   with arbitrary claims gives the SDK its `exp`.
#![no_main]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use momento_server::token::{decode_v1_api_key, encode_v1_api_key, Claims};
use momento_wasm::core::credentials::{from_base, jwt_claims, Credentials, EndpointOverrides};
use momento_wasm::core::json::{self, Value};

fn parse_strings(text: &str) {
    let _ = Credentials::from_string(text, None);
    let (key, rest) = text.split_once('\n').unwrap_or((text, ""));
    let (a, b) = rest.split_once('\n').unwrap_or((rest, ""));
    let _ = Credentials::from_api_key_v2(key, a);
    let base = EndpointOverrides::Base {
        base: a.to_owned(),
        prefix: Some(b.to_owned()),
        secure: (b.len() % 3 != 0).then_some(b.len() % 3 == 1),
    };
    let _ = Credentials::from_string(key, Some(&base));
    let all = EndpointOverrides::All {
        cache: a.to_owned(),
        control: b.to_owned(),
        token: text.to_owned(),
        secure: None,
    };
    let _ = Credentials::from_string(key, Some(&all));
    let _ = jwt_claims(text);
    let _ = from_base(text);
    // The same text as a base64-wrapped document (a v1 key body) and as a JWT payload.
    let _ = Credentials::from_string(&STANDARD.encode(text), None);
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text);
    let _ = Credentials::from_string(&format!("e30.{payload}.sig"), None);
}

/// Nesting depth of arrays/objects (outside strings), to excuse the reader's depth limit.
fn depth(text: &str) -> usize {
    let (mut d, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for c in text.chars() {
        match (in_str, esc, c) {
            (true, true, _) => esc = false,
            (true, false, '\\') => esc = true,
            (true, false, '"') => in_str = false,
            (false, _, '"') => in_str = true,
            (false, _, '{' | '[') => {
                d += 1;
                max = max.max(d);
            }
            (false, _, '}' | ']') => d = d.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn json_differential(text: &str) {
    let ours = json::parse_object(text);
    let serde = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &serde) {
        (Ok(fields), Ok(serde_json::Value::Object(map))) => {
            for (key, value) in map {
                // serde_json keeps the last of duplicate keys.
                let mine = fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
                let mine = mine.unwrap_or_else(|| panic!("field {key:?} missing"));
                match (mine, value) {
                    (Value::Str(a), serde_json::Value::String(b)) => assert_eq!(a, b),
                    (Value::Int(a), serde_json::Value::Number(n)) => {
                        assert!(n.as_i64() == Some(*a) || n.as_f64() == Some(*a as f64));
                    }
                    (Value::Other, serde_json::Value::Number(n)) => {
                        assert_eq!(n.as_i64(), None, "integer {n} not kept");
                    }
                    (Value::Other, v) => assert!(!v.is_string(), "string {v} not kept"),
                    (mine, v) => panic!("{mine:?} vs {v:?}"),
                }
            }
            assert_eq!(
                fields
                    .iter()
                    .map(|(k, _)| k)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len(),
                map.len()
            );
        }
        (Err(e), Ok(serde_json::Value::Object(_))) => {
            assert!(
                depth(text) > 32,
                "serde_json accepts an object the reader rejects ({e})"
            );
        }
        (Ok(_), Ok(v)) => panic!("reader accepted a non-object {v}"),
        (Ok(_), Err(e)) => {
            // Leniencies of the reader: raw control characters in strings, numbers serde_json
            // cannot represent, leading zeros.
            let lenient = text.chars().any(|c| c < ' ')
                || e.to_string().contains("number out of range")
                || e.to_string().contains("invalid number");
            assert!(lenient, "reader accepted what serde_json rejects: {e}");
        }
        (Err(_), _) => {}
    }
}

fn v1_round_trip(text: &str) {
    let (endpoint, api_key) = text.split_once('\0').unwrap_or((text, "k"));
    let by_serde = serde_json::json!({ "endpoint": endpoint, "api_key": api_key }).to_string();
    let mut keys = vec![STANDARD.encode(by_serde)];
    if let Ok(key) = encode_v1_api_key(endpoint, api_key) {
        assert_eq!(
            decode_v1_api_key(&key),
            Some((endpoint.to_owned(), api_key.to_owned()))
        );
        keys.push(key);
    }
    for key in keys {
        let c = Credentials::from_string(&key, None)
            .unwrap_or_else(|e| panic!("SDK rejects a v1 key: {e:?}"));
        assert_eq!(c.auth_token, api_key);
        assert_eq!(c.endpoints, from_base(endpoint));
    }
}

fn token_round_trip(text: &str, raw: &[u8]) {
    let mut exp = [0u8; 8];
    for (slot, b) in exp.iter_mut().zip(raw.iter().rev()) {
        *slot = *b;
    }
    let exp = u64::from_le_bytes(exp);
    let (sub, jti) = text.split_once('\0').unwrap_or((text, ""));
    let claims = Claims {
        sub: sub.to_owned(),
        iat: 1,
        exp: Some(exp),
        p: None,
        jti: Some(jti.to_owned()),
    };
    let token = momento_fuzz::signer().sign(&claims).unwrap_or_default();
    let parsed = jwt_claims(&token).expect("SDK cannot read a server token");
    assert_eq!(json::str_field(&parsed, "sub"), Some(sub));
    assert_eq!(json::str_field(&parsed, "jti"), Some(jti));
    let want = i64::try_from(exp).ok();
    assert_eq!(json::int_field(&parsed, "exp"), want);
    if let Ok(key) = encode_v1_api_key("127.0.0.1:8080", &token) {
        let c = Credentials::from_string(&key, None).expect("SDK rejects a server key");
        assert_eq!(c.auth_token, token);
        assert_eq!(c.expires_at, want.and_then(|e| u64::try_from(e).ok()));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((which, raw, text)) = momento_fuzz::selector_and_text(data) else {
        return;
    };
    match which % 4 {
        0 => parse_strings(&text),
        1 => json_differential(&text),
        2 => v1_round_trip(&text),
        _ => token_round_trip(&text, raw),
    }
});
