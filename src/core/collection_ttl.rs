//! CollectionTtl: the TTL a collection write sends, and whether it refreshes an existing collection's TTL.
//! As in the official SDKs: no TTL given → the client's default TTL, refreshed on every write.

use super::error::MomentoError;
use super::validation;

/// `ttl_milliseconds` + `refresh_ttl` of a collection write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectionTtl {
    /// TTL sent with the write, in ms.
    pub ttl_ms: u64,
    /// Whether an existing collection's TTL is reset to `ttl_ms`.
    pub refresh: bool,
}

impl CollectionTtl {
    /// From the JS `CollectionTtl` fields: `ttl_seconds` (`None` = client default) and `refresh`.
    pub fn new(
        ttl_seconds: Option<f64>,
        refresh: bool,
        default_ttl_ms: u64,
    ) -> Result<Self, MomentoError> {
        let ttl_ms = validation::ttl_seconds_or(ttl_seconds, default_ttl_ms)?;
        Ok(Self { ttl_ms, refresh })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_validation() {
        assert_eq!(
            CollectionTtl::new(None, true, 5000).unwrap(),
            CollectionTtl {
                ttl_ms: 5000,
                refresh: true
            }
        );
        assert_eq!(
            CollectionTtl::new(Some(2.0), false, 5000).unwrap().ttl_ms,
            2000
        );
        assert!(CollectionTtl::new(Some(0.0), true, 5000).is_err());
    }
}
