//! Dictionary RPCs of `cache_client.Scs`, one file each: `dictionaryFetch`, `dictionaryGetField(s)`,
//! `dictionarySetField(s)`, `dictionaryIncrement`, `dictionaryRemoveField(s)` and `dictionaryLength`. The singular
//! methods send the plural RPC with one field, as the official SDKs do.

pub mod delete;
pub mod fetch;
pub mod get;
pub mod increment;
pub mod length;
pub mod set;

use crate::core::error::MomentoError;
use crate::core::validation;

/// A `(field, value)` pair of byte strings.
pub type FieldValue = (Vec<u8>, Vec<u8>);

/// Validates the cache and dictionary names with the official texts and returns the dictionary name's bytes.
fn names(cache: &str, dictionary: String) -> Result<Vec<u8>, MomentoError> {
    validation::cache_name(cache)?;
    validation::name("dictionary", &dictionary)?;
    Ok(dictionary.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_name_texts() {
        assert_eq!(
            names("", "d".into()).unwrap_err().message,
            "cache name must not be empty"
        );
        assert_eq!(
            names("c", " ".into()).unwrap_err().message,
            "dictionary name must not be empty"
        );
        assert_eq!(names("c", "d".into()).unwrap(), b"d");
    }
}
