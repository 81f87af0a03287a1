//! Argument validation run before any request is sent, with the official SDK's message texts.

use super::error::MomentoError;

/// Longest TTL accepted client-side: the service's own limits apply on top.
const MAX_TTL_MS: u64 = 365 * 24 * 60 * 60 * 1000;

/// Rejects empty or whitespace-only cache names ("cache name must not be empty").
pub fn cache_name(name: &str) -> Result<(), MomentoError> {
    if name.trim().is_empty() {
        return Err(MomentoError::invalid_argument(
            "cache name must not be empty",
        ));
    }
    Ok(())
}

/// Rejects empty keys: Momento has no empty key.
pub fn key(key: &[u8]) -> Result<(), MomentoError> {
    if key.is_empty() {
        return Err(MomentoError::invalid_argument("key must not be empty"));
    }
    Ok(())
}

/// Converts a TTL in seconds to milliseconds, rejecting 0, negatives, NaN and absurd values instead of silently
/// replacing them with the default (a defect of the official web SDK).
pub fn ttl_seconds_to_ms(ttl_seconds: f64) -> Result<u64, MomentoError> {
    let ms = ttl_seconds * 1000.0;
    if !ttl_seconds.is_finite() || ttl_seconds <= 0.0 || ms < 1.0 || ms > MAX_TTL_MS as f64 {
        return Err(MomentoError::invalid_argument(format!(
            "ttl must be a positive integer, received {}",
            js_number(ttl_seconds)
        )));
    }
    Ok(ms.round() as u64)
}

/// Formats a number the way JS prints it in messages (`5`, not `5.0`).
fn js_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
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
        assert_eq!(ttl_seconds_to_ms(0.25).unwrap(), 250);
        assert_eq!(
            ttl_seconds_to_ms(0.0).unwrap_err().message,
            "ttl must be a positive integer, received 0"
        );
        assert!(ttl_seconds_to_ms(-5.0).is_err());
        assert!(ttl_seconds_to_ms(f64::NAN).is_err());
        assert!(ttl_seconds_to_ms(f64::INFINITY).is_err());
        assert!(ttl_seconds_to_ms(0.0001).is_err());
        assert!(ttl_seconds_to_ms(1e12).is_err());
    }

    #[test]
    fn keys() {
        assert!(key(b"k").is_ok());
        assert_eq!(key(b"").unwrap_err().message, "key must not be empty");
    }
}
