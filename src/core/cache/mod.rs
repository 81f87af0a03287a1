//! Data-plane RPCs of `cache_client.Scs`, one file each, in one folder per data type: scalar items (keys with
//! byte values), dictionaries, lists, sets and sorted sets.

pub mod dictionary;
pub mod list;
pub mod scalar;
pub mod set;
pub mod sorted_set;
