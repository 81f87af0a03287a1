//! Set RPCs of `cache_client.Scs`, one file each: `setFetch`, `setAddElement(s)` (SetUnion),
//! `setContainsElement(s)`, `setSample` and `setPop` (rows of [`draw`]); `setRemoveElement(s)` (SetDifference) and
//! `setLength` are rows of [`crate::core::cache::remove`] and [`crate::core::cache::length`]. The singular methods
//! send the plural RPC with one element, as the official SDKs do.

pub mod contains;
pub mod draw;
pub mod fetch;
pub mod union;

use crate::core::rpc::hit_or_miss;

hit_or_miss! {
    /// The result of `setFetch`, `setSample` and `setPop` (one type, so the bundle carries one conversion).
    SetElementsResponse: "The set exists." => elements: Vec<Vec<u8>>, "The elements fetched, sampled or popped, in the order the service sent them.", "The set does not exist (or expired)."
}
