//! Dictionary RPCs of `cache_client.Scs`, one file each: `dictionaryFetch`, `dictionaryGetField(s)`,
//! `dictionarySetField(s)` and `dictionaryIncrement`; `dictionaryRemoveField(s)` and `dictionaryLength` are rows of
//! [`crate::core::cache::remove`] and [`crate::core::cache::length`]. The singular methods send the plural RPC with
//! one field, as the official SDKs do.

pub mod fetch;
pub mod get;
pub mod increment;
pub mod set;

/// A `(field, value)` pair of byte strings.
pub type FieldValue = (Vec<u8>, Vec<u8>);
