//! Data-plane RPCs of `cache_client.Scs`, one file each, in one folder per data type: scalar items (keys with
//! byte values), dictionaries, lists, sets and sorted sets.

pub mod dictionary;
pub mod list;
pub mod scalar;
pub mod set;
pub mod sorted_set;

use std::marker::PhantomData;

use momento_proto::cache_client::ECacheResult;

use super::error::MomentoError;
use super::text::integer;
use super::validation;

/// A collection family, for the name check's text (see [`ItemsRequest`]).
pub trait Collection {
    /// `"dictionary"`, `"set"`.
    const KIND: &'static str;
}

/// Dictionaries.
#[derive(Debug)]
pub enum Dictionary {}

impl Collection for Dictionary {
    const KIND: &'static str = "dictionary";
}

/// Sets.
#[derive(Debug)]
pub enum Set {}

impl Collection for Set {
    const KIND: &'static str = "set";
}

/// A validated request naming items of one collection of family `F`: fields of a dictionary
/// (`dictionaryGetFields`, `dictionaryRemoveFields`) or elements of a set (`setContainsElements`,
/// `setRemoveElements`); `P`, the proto request message, says which RPC.
#[derive(Debug)]
pub struct ItemsRequest<F, P> {
    cache: String,
    name: Vec<u8>,
    items: Vec<Vec<u8>>,
    rpc: PhantomData<(F, P)>,
}

impl<F: Collection, P> ItemsRequest<F, P> {
    /// Validates the cache name, then the collection's.
    pub fn new(cache: String, name: String, items: Vec<Vec<u8>>) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name(F::KIND, &name)?;
        Ok(Self {
            cache,
            name: name.into_bytes(),
            items,
            rpc: PhantomData,
        })
    }
}

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
