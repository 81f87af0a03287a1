//! Set RPCs of `cache_client.Scs`, one file each: `setFetch`, `setAddElement(s)` (SetUnion),
//! `setRemoveElement(s)` (SetDifference), `setContainsElement(s)`, `setSample`, `setPop` and `setLength`. The
//! singular methods send the plural RPC with one element, as the official SDKs do.

pub mod contains;
pub mod difference;
pub mod fetch;
pub mod length;
pub mod pop;
pub mod sample;
pub mod union;

use crate::core::error::MomentoError;
use crate::core::validation;

/// The result of `setFetch`, `setSample` and `setPop` (one type, so the bundle carries one conversion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetElementsResponse {
    /// The set exists.
    Hit {
        /// The elements fetched, sampled or popped, in the order the service sent them.
        elements: Vec<Vec<u8>>,
    },
    /// The set does not exist (or expired).
    Miss,
}

/// Validates the cache and set names with the official texts and returns the set name's bytes.
fn names(cache: &str, set: String) -> Result<Vec<u8>, MomentoError> {
    validation::cache_name(cache)?;
    validation::name("set", &set)?;
    Ok(set.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_name_texts() {
        assert_eq!(
            names(" ", "s".into()).unwrap_err().message,
            "cache name must not be empty"
        );
        assert_eq!(
            names("c", "".into()).unwrap_err().message,
            "set name must not be empty"
        );
        assert_eq!(names("c", "s".into()).unwrap(), b"s");
    }
}
