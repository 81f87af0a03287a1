//! Data-plane RPCs of `cache_client.Scs`, one file each, in one folder per data type: scalar items (keys with
//! byte values), dictionaries, lists, sets and sorted sets; the collections' item removals and length RPCs are rows
//! of [`remove`] and [`length`].

pub mod dictionary;
pub mod length;
pub mod list;
pub mod remove;
pub mod scalar;
pub mod set;
pub mod sorted_set;

use momento_proto::cache_client::ECacheResult;

use super::error::MomentoError;
use super::text::integer;

/// Reads an `ECacheResult` (`what` names it in the error): Hit → `true`, Miss → `false`, anything else
/// [`unexpected_result`].
pub(crate) fn is_hit(result: i32, what: &str, message: Option<&str>) -> Result<bool, MomentoError> {
    match ECacheResult::try_from(result) {
        Ok(ECacheResult::Hit) => Ok(true),
        Ok(ECacheResult::Miss) => Ok(false),
        _ => Err(unexpected_result(what, result, message)),
    }
}

/// The `UNKNOWN` error for a result code a reply should not carry: "unexpected `what` result `result`", then
/// ": `message`" when the reply has a message field.
#[cold]
#[inline(never)]
pub(crate) fn unexpected_result(what: &str, result: i32, message: Option<&str>) -> MomentoError {
    let mut text = ["unexpected ", what, " result ", &integer(result.into())].concat();
    if let Some(message) = message {
        text.push_str(": ");
        text.push_str(message);
    }
    MomentoError::unknown_service(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_codes_and_their_texts() {
        assert!(is_hit(ECacheResult::Hit as i32, "Get", None).unwrap());
        assert!(!is_hit(ECacheResult::Miss as i32, "Get", None).unwrap());
        let e = is_hit(0, "Get", Some("")).unwrap_err();
        assert_eq!(e.message, "unexpected Get result 0: ");
        let e = is_hit(-7, "DictionaryGet field", None).unwrap_err();
        assert_eq!(e.message, "unexpected DictionaryGet field result -7");
        assert_eq!(
            unexpected_result("Set", 9, Some("why")).message,
            "unexpected Set result 9: why"
        );
    }
}
