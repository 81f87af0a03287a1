//! Argument validation run before any request is sent, with the official SDK's message texts.

use super::error::MomentoError;
use super::text::{decimal, trim_end_ascii};

/// Longest TTL accepted client-side: the service's own limits apply on top.
const MAX_TTL_MS: u64 = 365 * 24 * 60 * 60 * 1000;

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// An increment's `amount` (`increment`, `dictionaryIncrement`): a safe integer, negative and 0 allowed.
pub fn increment_amount(amount: f64) -> Result<i64, MomentoError> {
    if !amount.is_finite() || amount.fract() != 0.0 || amount.abs() > MAX_SAFE_INTEGER {
        return Err(MomentoError::invalid_argument(
            "amount must be a safe integer",
        ));
    }
    Ok(amount as i64)
}

/// Rejects empty or whitespace-only cache names ("cache name must not be empty").
pub fn cache_name(name: &str) -> Result<(), MomentoError> {
    if name.chars().all(char::is_whitespace) {
        return Err(MomentoError::invalid_argument(
            "cache name must not be empty",
        ));
    }
    Ok(())
}

/// Rejects empty or whitespace-only collection/topic/leaderboard names, with the official text
/// (`"{kind} name must not be empty"`, e.g. kind `dictionary`, `set`, `sorted set`, `list`, `topic`).
pub fn name(kind: &str, name: &str) -> Result<(), MomentoError> {
    if name.chars().all(char::is_whitespace) {
        return Err(MomentoError::invalid_argument(
            [kind, " name must not be empty"].concat(),
        ));
    }
    Ok(())
}

/// A TTL in whole milliseconds (`updateTtl`, `increaseTtl`, `decreaseTtl` take ms): rejects 0, negatives, fractions,
/// NaN and absurd values.
pub fn ttl_ms(ttl_ms: f64) -> Result<u64, MomentoError> {
    if !is_whole(ttl_ms) || ttl_ms < 1.0 || ttl_ms > MAX_TTL_MS as f64 {
        return Err(bad_ttl(ttl_ms));
    }
    Ok(ttl_ms as u64)
}

/// Rejects empty keys: Momento has no empty key.
pub fn key(key: &[u8]) -> Result<(), MomentoError> {
    if key.is_empty() {
        return Err(MomentoError::invalid_argument("key must not be empty"));
    }
    Ok(())
}

/// Converts a TTL in whole seconds to milliseconds, rejecting fractions (as the official SDK does), and 0, negatives,
/// NaN and absurd values instead of silently replacing them with the default (a defect of the official web SDK).
pub fn ttl_seconds_to_ms(ttl_seconds: f64) -> Result<u64, MomentoError> {
    let ms = ttl_seconds * 1000.0;
    if !is_whole(ttl_seconds) || ttl_seconds < 1.0 || ms > MAX_TTL_MS as f64 {
        return Err(bad_ttl(ttl_seconds));
    }
    Ok(ms as u64)
}

/// An optional TTL in seconds ([`ttl_seconds_to_ms`]); `None` = `default_ms`.
pub fn ttl_seconds_or(ttl_seconds: Option<f64>, default_ms: u64) -> Result<u64, MomentoError> {
    match ttl_seconds {
        Some(s) => ttl_seconds_to_ms(s),
        None => Ok(default_ms),
    }
}

/// A finite number without a fractional part.
fn is_whole(n: f64) -> bool {
    n.is_finite() && n.fract() == 0.0
}

fn bad_ttl(ttl: f64) -> MomentoError {
    MomentoError::invalid_argument(
        ["ttl must be a positive integer, received ", &js_number(ttl)].concat(),
    )
}

/// Formats a number for a message the way JS prints simple numbers (`5`, `-2`, `0.25`), without pulling
/// Rust's float formatting machinery (~18 KB of wasm) into the bundle. Up to 6 decimals are shown.
fn js_number(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "NaN"
        } else if n > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_owned();
    }
    if n.abs() >= 1e15 {
        return "a number too large".to_owned();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let micros = (n.abs() * 1e6).round() as u64;
    let (int, frac) = (micros / 1_000_000, micros % 1_000_000);
    if frac == 0 {
        return [sign, &decimal(int)].concat();
    }
    let frac = decimal(1_000_000 + frac); // "1" followed by the six digits, leading zeros kept
    let frac = trim_end_ascii(frac.get(1..).unwrap_or_default(), b'0');
    [sign, &decimal(int), ".", frac].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_names() {
        assert!(cache_name("c").is_ok());
        for bad in ["", "  ", "\t"] {
            let e = cache_name(bad).unwrap_err();
            assert_eq!(
                e.wrapped_message(),
                "Invalid argument passed to Momento client: cache name must not be empty"
            );
        }
    }

    #[test]
    fn ttls() {
        assert_eq!(ttl_seconds_to_ms(1.0).unwrap(), 1000);
        for fractional in [0.25, 1.5, 59.999] {
            assert_eq!(
                ttl_seconds_to_ms(fractional).unwrap_err().message,
                [
                    "ttl must be a positive integer, received ",
                    &js_number(fractional)
                ]
                .concat()
            );
        }
        assert_eq!(
            ttl_seconds_to_ms(0.0).unwrap_err().message,
            "ttl must be a positive integer, received 0"
        );
        assert!(ttl_seconds_to_ms(-5.0).is_err());
        assert!(ttl_seconds_to_ms(f64::NAN).is_err());
        assert!(ttl_seconds_to_ms(f64::INFINITY).is_err());
        assert!(ttl_seconds_to_ms(0.0001).is_err());
        assert!(ttl_seconds_to_ms(1e12).is_err());
        assert_eq!(
            ttl_seconds_to_ms(-0.5).unwrap_err().message,
            "ttl must be a positive integer, received -0.5"
        );
        assert_eq!(js_number(f64::NAN), "NaN");
        assert_eq!(js_number(1.125), "1.125");
    }

    #[test]
    fn names_and_ms_ttls() {
        assert_eq!(
            name("dictionary", " ").unwrap_err().message,
            "dictionary name must not be empty"
        );
        assert!(name("list", "l").is_ok());
        assert_eq!(ttl_ms(1500.0).unwrap(), 1500);
        assert!(ttl_ms(0.0).is_err());
        assert!(ttl_ms(1.5).is_err());
    }

    #[test]
    fn keys() {
        assert!(key(b"k").is_ok());
        assert_eq!(key(b"").unwrap_err().message, "key must not be empty");
    }
}
