//! Collections (dictionaries, lists, sets, sorted sets, leaderboards): their families, named in validation texts,
//! and the validated requests that name one collection, shared by the RPCs whose arguments are just that.

use std::marker::PhantomData;

use super::collection_ttl::CollectionTtl;
use super::error::MomentoError;
use super::validation;

/// A collection family, for the name check's text.
pub trait Collection {
    /// `"dictionary"`, `"list"`…, as validation texts name it.
    const KIND: &'static str;
}

/// Validates a request's cache name, then the name of its collection of family `F`, with the official texts.
pub fn validate<F: Collection>(cache: &str, name: &str) -> Result<(), MomentoError> {
    validation::cache_name(cache)?;
    validation::name(F::KIND, name)
}

/// Declares the families: `Name = "text"`.
macro_rules! families {
    ($($family:ident = $kind:literal),+) => {
        $(
            #[doc = concat!("The ", $kind, " family.")]
            #[derive(Debug)]
            pub enum $family {}

            impl Collection for $family {
                const KIND: &'static str = $kind;
            }
        )+
    };
}

families!(
    Dictionary = "dictionary",
    List = "list",
    Set = "set",
    SortedSet = "sorted set",
    Leaderboard = "leaderboard"
);

/// Declares a validated request naming one collection and carrying its own arguments:
/// `collection_request! { /// docs Request: Family, name { field: Type, … } check expr; "new's doc" }` is the struct
/// (`cache`, the collection's `name`, the fields) and `new(cache, name, fields…)`, which validates the cache and
/// collection names with the official texts, then evaluates `check` (a `Result` over the arguments), if given.
/// A field written `field: Type as Arg => conversion` takes an `Arg` and stores the conversion's value (it may `?`).
macro_rules! collection_request {
    (@arg $ty:ty) => { $ty };
    (@arg $ty:ty, $arg:ty) => { $arg };
    (@value $field:ident) => { $field };
    (@value $field:ident, $conversion:expr) => { $conversion };
    (
        $(#[$doc:meta])* $request:ident: $family:ident, $name:ident {
            $($field:ident: $ty:ty $(as $arg:ty => $conversion:expr)?),* $(,)?
        }
        $(check $check:expr;)? $new_doc:literal
    ) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $request {
            cache: String,
            $name: String,
            $($field: $ty,)*
        }

        impl $request {
            #[doc = $new_doc]
            pub fn new(
                cache: String,
                $name: String,
                $($field: $crate::core::collection::collection_request!(@arg $ty $(, $arg)?),)*
            ) -> Result<Self, $crate::core::error::MomentoError> {
                $crate::core::collection::validate::<$crate::core::collection::$family>(&cache, &$name)?;
                $($check?;)?
                Ok(Self {
                    cache,
                    $name,
                    $($field: $crate::core::collection::collection_request!(@value $field $(, $conversion)?),)*
                })
            }
        }
    };
}
pub(crate) use collection_request;

/// A validated request naming one collection of family `F` and nothing else (`dictionaryFetch`, `setLength`,
/// `listLength`, `sortedSetLength`, a leaderboard's `delete` and `length`…); `P`, the proto request message, says
/// which RPC.
#[derive(Debug)]
pub struct NamedRequest<F, P> {
    pub(crate) cache: String,
    pub(crate) name: String,
    rpc: PhantomData<(F, P)>,
}

impl<F: Collection, P> NamedRequest<F, P> {
    /// Validates the cache name, then the collection's.
    pub fn new(cache: String, name: String) -> Result<Self, MomentoError> {
        validate::<F>(&cache, &name)?;
        Ok(Self {
            cache,
            name,
            rpc: PhantomData,
        })
    }
}

/// A validated request naming items of one collection of family `F`: fields of a dictionary
/// (`dictionaryGetFields`, `dictionaryRemoveFields`), elements of a set (`setContainsElements`,
/// `setRemoveElements`) or of a sorted set (`sortedSetRemoveElements`); `P`, the proto request message, says which
/// RPC.
#[derive(Debug)]
pub struct ItemsRequest<F, P> {
    pub(crate) cache: String,
    pub(crate) name: Vec<u8>,
    pub(crate) items: Vec<Vec<u8>>,
    rpc: PhantomData<(F, P)>,
}

impl<F: Collection, P> ItemsRequest<F, P> {
    /// Validates the cache name, then the collection's.
    pub fn new(cache: String, name: String, items: Vec<Vec<u8>>) -> Result<Self, MomentoError> {
        validate::<F>(&cache, &name)?;
        Ok(Self {
            cache,
            name: name.into_bytes(),
            items,
            rpc: PhantomData,
        })
    }
}

/// A validated write of items to one collection of family `F`, with the collection TTL: fields of a dictionary
/// (`dictionarySetFields`), elements of a set (`setAddElements`) or of a sorted set (`sortedSetPutElements`); `T` is
/// one item, `P`, the proto request message, says which RPC.
#[derive(Debug)]
pub struct WriteRequest<F, T, P> {
    pub(crate) cache: String,
    pub(crate) name: Vec<u8>,
    pub(crate) items: Vec<T>,
    pub(crate) ttl: CollectionTtl,
    rpc: PhantomData<(F, P)>,
}

impl<F: Collection, T, P> WriteRequest<F, T, P> {
    /// Validates the cache name, then the collection's.
    pub fn new(
        cache: String,
        name: String,
        items: Vec<T>,
        ttl: CollectionTtl,
    ) -> Result<Self, MomentoError> {
        validate::<F>(&cache, &name)?;
        Ok(Self {
            cache,
            name: name.into_bytes(),
            items,
            ttl,
            rpc: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_name_texts() {
        let message = |r: Result<(), MomentoError>| r.unwrap_err().message;
        assert_eq!(
            message(validate::<Dictionary>("", "d")),
            "cache name must not be empty"
        );
        assert_eq!(
            message(validate::<Dictionary>("c", " ")),
            "dictionary name must not be empty"
        );
        assert_eq!(
            message(validate::<Set>("c", "")),
            "set name must not be empty"
        );
        assert_eq!(
            message(validate::<SortedSet>("c", "")),
            "sorted set name must not be empty"
        );
        assert_eq!(
            message(validate::<Leaderboard>("c", " ")),
            "leaderboard name must not be empty"
        );
        assert!(validate::<List>("c", "l").is_ok());
    }
}
