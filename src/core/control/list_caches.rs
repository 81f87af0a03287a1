//! `listCaches`: `/control_client.ScsControl/ListCaches`, following `next_token` pages until the end.

use momento_proto::control_client::ListCachesRequest as Proto;

use crate::core::rpc::unary;

/// A `listCaches` request for one page (`next_token` empty = first page).
#[derive(Debug, Default)]
pub struct ListCachesRequest {
    /// Continuation token from the previous page.
    pub next_token: String,
}

/// A cache and its limits (`CacheInfo` in the JS SDK).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CacheInfo {
    /// The cache name.
    pub name: String,
    /// Max operations per second.
    pub max_traffic_rate: u32,
    /// Max throughput in KiB/s.
    pub max_throughput_kbps: u32,
    /// Max item size in KiB.
    pub max_item_size_kb: u32,
    /// Max TTL in seconds.
    pub max_ttl_seconds: u64,
    /// Max topic publishes per second.
    pub max_publish_rate: u32,
    /// Max concurrent topic subscriptions.
    pub max_subscription_count: u32,
    /// Max topic message size in KiB.
    pub max_publish_message_size_kb: u32,
}

/// One page of caches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListCachesResponse {
    /// The caches on this page.
    pub caches: Vec<CacheInfo>,
    /// Token of the next page (empty at the end).
    pub next_token: String,
}

unary! {
    ListCachesRequest: Proto => ListCachesResponse;
    |self| Proto { next_token: self.next_token };
    |reply| {
        let caches = reply
            .cache
            .into_iter()
            .map(|c| {
                let cl = c.cache_limits.unwrap_or_default();
                let tl = c.topic_limits.unwrap_or_default();
                CacheInfo {
                    name: c.cache_name,
                    max_traffic_rate: cl.max_traffic_rate,
                    max_throughput_kbps: cl.max_throughput_kbps,
                    max_item_size_kb: cl.max_item_size_kb,
                    max_ttl_seconds: cl.max_ttl_seconds,
                    max_publish_rate: tl.max_publish_rate,
                    max_subscription_count: tl.max_subscription_count,
                    max_publish_message_size_kb: tl.max_publish_message_size_kb,
                }
            })
            .collect();
        Ok(ListCachesResponse {
            caches,
            next_token: reply.next_token,
        })
    }
}
