//! dictionary RPCs of `cache_client.Scs`, one file each.
