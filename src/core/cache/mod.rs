//! Data-plane RPCs of `cache_client.Scs`, one file each; collection families in their own folders.

pub mod delete;
pub mod dictionaries;
pub mod get;
pub mod get_batch;
pub mod get_with_hash;
pub mod increment;
pub mod item_get_ttl;
pub mod item_get_type;
pub mod keys_exist;
pub mod lists;
pub mod set;
pub mod set_batch;
pub mod set_if;
pub mod set_if_hash;
pub mod sets;
pub mod sorted_sets;
pub mod update_ttl;
