//! `itemGetTtl`: `/cache_client.Scs/ItemGetTtl` → Hit with the remaining TTL in milliseconds, or Miss.

use momento_proto::cache_client::{item_get_ttl_response, ItemGetTtlRequest as Proto};

use super::KeyRequest;
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// A validated `itemGetTtl` request.
pub type ItemGetTtlRequest = KeyRequest<Proto>;

hit_or_miss! {
    /// The result of `itemGetTtl`.
    ItemGetTtlResponse: "The key exists." => remaining_ttl_ms: u64, "Milliseconds until it expires.", "The key does not exist."
}

unary! {
    ItemGetTtlRequest: Proto => ItemGetTtlResponse, cache;
    |self| Proto { cache_key: self.key };
    |reply| found_or_missing!(reply.result, item_get_ttl_response::Result, "ItemGetTtl",
        |f| Ok(ItemGetTtlResponse::Hit {
            remaining_ttl_ms: f.remaining_ttl_millis,
        }),
        Ok(ItemGetTtlResponse::Miss)
    )
}
