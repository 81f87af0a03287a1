//! Set RPCs of `cache_client.Scs`, one file each (`setSample` and `setPop` rows of [`draw`]): `setFetch`, `setAddElement(s)` (SetUnion),
//! `setRemoveElement(s)` (SetDifference), `setContainsElement(s)`, `setSample`, `setPop` and `setLength`. The
//! singular methods send the plural RPC with one element, as the official SDKs do.

pub mod contains;
pub mod difference;
pub mod draw;
pub mod fetch;
pub mod union;

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
