//! Scalar-item RPCs of `cache_client.Scs` (keys with byte values), one file each.

pub mod delete;
pub mod get;
pub mod get_batch;
pub mod get_with_hash;
pub mod increment;
pub mod item_get_ttl;
pub mod item_get_type;
pub mod keys_exist;
pub mod set;
pub mod set_batch;
pub mod set_if;
pub mod set_if_hash;
pub mod update_ttl;
