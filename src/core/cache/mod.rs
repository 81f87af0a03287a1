//! Data-plane RPCs of `cache_client.Scs`, one file each.

pub mod delete;
pub mod get;
pub mod set;
