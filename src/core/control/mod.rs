//! Control-plane RPCs of `control_client.ScsControl`, one file each.

pub mod create_cache;
pub mod delete_cache;
pub mod flush_cache;
pub mod list_caches;
