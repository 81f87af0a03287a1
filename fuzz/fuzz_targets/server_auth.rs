//! The server's token and key parsing (`momento_server::token`, `momento_server::permissions`)
//! on arbitrary input: everything a client controls in `authorization`, in the credential of
//! the Auth/Token request bodies and in a token's `p` claim.
//!
//! Input: byte 0 picks the check, the rest is the text (lossily UTF-8). Checks, besides "never
//! panics": a token accepted by `verify_*` carries exactly the claims that were signed (tokens
//! signed here from the input, then altered by one byte, never verify with other claims); the
//! refresh token of a key verifies for that key only.
#![no_main]

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use momento_server::token::{credential_token, decode_v1_api_key, AuthError, Claims};
use momento_server::permissions::Scope;

fn parse(text: &str) {
    let signer = momento_fuzz::signer();
    let token = credential_token(text);
    let _ = signer.verify_at(&token, 1_800_000_000);
    let _ = signer.verify_signature(text);
    let _ = decode_v1_api_key(text);
    let _ = Scope::from_claim(Some(text));
    let (key, refresh) = text.split_once('\n').unwrap_or((text, ""));
    assert!(
        !signer.verify_refresh_token(key, refresh)
            || refresh.trim() == signer.refresh_token_for(key)
    );
    // The text as the payload of a correctly signed token: JSON and permission parsing behind
    // the signature check.
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(text));
    let token = format!("{input}.{}", sign_raw(&input));
    let _ = signer.verify_at(&token, 1_800_000_000);
    // The text as a `p` claim, raw and base64-wrapped.
    for p in [text.to_owned(), STANDARD.encode(text)] {
        let _ = Scope::from_claim(Some(&p));
    }
}

/// The HS256 signature of `input` under the fuzz secret (what `TokenSigner::sign` computes).
fn sign_raw(input: &str) -> String {
    use hmac::Mac as _;
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(momento_fuzz::FUZZ_SECRET) else {
        return String::new();
    };
    mac.update(input.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

fn tamper(text: &str, raw: &[u8]) {
    let signer = momento_fuzz::signer();
    let (sub, rest) = text.split_once('\0').unwrap_or((text, ""));
    let (p, jti) = rest.split_once('\0').unwrap_or((rest, ""));
    let claims = Claims {
        sub: sub.to_owned(),
        iat: 1,
        exp: raw.first().map(|&b| 1_800_000_000 + u64::from(b) * 1000),
        p: (!p.is_empty()).then(|| STANDARD.encode(p.as_bytes())),
        jti: Some(jti.to_owned()),
    };
    let Ok(token) = signer.sign(&claims) else {
        return;
    };
    match signer.verify_at(&token, 1_800_000_000) {
        Ok(got) => assert_eq!(got, claims),
        Err(e) => assert!(
            matches!(e, AuthError::Malformed | AuthError::Expired),
            "own token rejected: {e:?}"
        ),
    }
    let refresh = signer.refresh_token_for(&token);
    assert!(signer.verify_refresh_token(&token, &refresh));
    // Alter one byte (position and value from the input).
    let mut bytes = token.clone().into_bytes();
    let at = raw.get(1).map_or(0, |&b| usize::from(b)) * 7 % bytes.len().max(1);
    let value = raw.get(2).copied().unwrap_or(b'A');
    if let Some(slot) = bytes.get_mut(at) {
        *slot = value;
    }
    let altered = String::from_utf8_lossy(&bytes).into_owned();
    if let Ok(got) = signer.verify_signature(&altered) {
        assert_eq!(got, claims, "an altered token verified with other claims");
    }
    if altered != token {
        assert!(!signer.verify_refresh_token(&altered, &refresh) || altered.trim() == token);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((which, raw, text)) = momento_fuzz::selector_and_text(data) else {
        return;
    };
    match which % 2 {
        0 => parse(&text),
        _ => tamper(&text, raw),
    }
});
