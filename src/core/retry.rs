//! Retries: which calls may be retried (idempotent RPCs on retryable statuses, the official Node SDK's
//! eligibility list) and how long to wait (exponential backoff with full jitter, capped).

use super::error::grpc_code;
use super::text::rsplit_once_ascii;

/// When and how to retry a failed call.
#[derive(Debug, Clone, PartialEq)]
pub enum RetryStrategy {
    /// Never retry.
    None,
    /// Retry eligible failures up to `max_attempts` total attempts, waiting a jittered, exponentially growing delay.
    ExponentialBackoff {
        /// Total attempts including the first (1 = no retry).
        max_attempts: u32,
        /// Base delay before the first retry, in ms.
        initial_delay_ms: u32,
        /// Upper bound of any delay, in ms.
        max_backoff_ms: u32,
    },
}

impl RetryStrategy {
    /// Exponential backoff with the given limits.
    pub fn exponential(max_attempts: u32, initial_delay_ms: u32, max_backoff_ms: u32) -> Self {
        Self::ExponentialBackoff {
            max_attempts,
            initial_delay_ms,
            max_backoff_ms,
        }
    }

    /// A fixed number of attempts with no delay between them (the Node SDK's `FixedCountRetryStrategy`).
    pub fn fixed_count(max_attempts: u32) -> Self {
        Self::exponential(max_attempts, 0, 0)
    }

    /// The delay before attempt `attempt + 1` (attempt counts from 1) after a failure with gRPC `code` on
    /// `rpc`, or `None` when the call must not be retried. `unit_random` is uniform in `[0, 1)`.
    pub fn delay_ms(&self, rpc: &str, code: u32, attempt: u32, unit_random: f64) -> Option<u32> {
        let Self::ExponentialBackoff {
            max_attempts,
            initial_delay_ms,
            max_backoff_ms,
        } = *self
        else {
            return None;
        };
        if attempt >= max_attempts || !is_retryable_status(code) || !is_idempotent(rpc) {
            return None;
        }
        let exp = initial_delay_ms.saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let cap = exp.min(max_backoff_ms);
        // Full jitter: uniform in [cap/2, cap] keeps retries spread yet bounded away from zero.
        let r = unit_random.clamp(0.0, 1.0);
        Some((f64::from(cap) * (0.5 + r / 2.0)) as u32)
    }
}

/// Statuses worth retrying: the request may not have been processed (CANCELLED, INTERNAL, UNAVAILABLE).
pub fn is_retryable_status(code: u32) -> bool {
    matches!(
        code,
        grpc_code::CANCELLED | grpc_code::INTERNAL | grpc_code::UNAVAILABLE
    )
}

/// RPCs safe to repeat (the official Node SDK's `DefaultEligibilityStrategy` list). Increment, SetIf, list
/// push/pop, SetPop, UpdateTtl, publish etc. are deliberately absent: repeating them could apply twice.
const IDEMPOTENT_RPCS: &[&str] = &[
    "Get",
    "GetWithHash",
    "GetBatch",
    "Set",
    "SetBatch",
    "Delete",
    "KeysExist",
    "ItemGetTtl",
    "ItemGetType",
    "DictionaryGet",
    "DictionaryFetch",
    "DictionarySet",
    "DictionaryDelete",
    "DictionaryLength",
    "SetFetch",
    "SetSample",
    "SetUnion",
    "SetDifference",
    "SetContains",
    "SetLength",
    "ListRemove",
    "ListFetch",
    "ListLength",
    "SortedSetPut",
    "SortedSetFetch",
    "SortedSetGetScore",
    "SortedSetRemove",
    "SortedSetGetRank",
    "SortedSetLength",
    "SortedSetLengthByScore",
    "Subscribe",
    "Ping",
    "ListCaches",
];

/// True when the RPC named by the last segment of its gRPC path may be retried.
pub fn is_idempotent(rpc_path: &str) -> bool {
    let method = rsplit_once_ascii(rpc_path, b'/').map_or(rpc_path, |(_, m)| m);
    IDEMPOTENT_RPCS.contains(&method)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_idempotent_calls_on_retryable_statuses() {
        let s = RetryStrategy::exponential(3, 100, 1000);
        assert!(s.delay_ms("/cache_client.Scs/Get", 14, 1, 0.0).is_some());
        assert!(s.delay_ms("/cache_client.Scs/Set", 13, 1, 0.0).is_some());
        assert!(s
            .delay_ms("/cache_client.Scs/Increment", 14, 1, 0.0)
            .is_none());
        assert!(s
            .delay_ms("/cache_client.Scs/ListPushFront", 14, 1, 0.0)
            .is_none());
        assert!(s
            .delay_ms("/cache_client.pubsub.Pubsub/Publish", 14, 1, 0.0)
            .is_none());
        assert!(s.delay_ms("/cache_client.Scs/SetIf", 14, 1, 0.0).is_none());
        assert!(
            s.delay_ms("/cache_client.Scs/Get", 5, 1, 0.0).is_none(),
            "NOT_FOUND is final"
        );
        assert!(
            s.delay_ms("/cache_client.Scs/Get", 4, 1, 0.0).is_none(),
            "deadline is final"
        );
        assert!(
            s.delay_ms("/cache_client.Scs/Get", 14, 3, 0.0).is_none(),
            "attempts exhausted"
        );
        assert!(RetryStrategy::None
            .delay_ms("/cache_client.Scs/Get", 14, 1, 0.0)
            .is_none());
    }

    #[test]
    fn backoff_grows_jitters_and_caps() {
        let s = RetryStrategy::exponential(10, 100, 1000);
        assert_eq!(s.delay_ms("Get", 14, 1, 0.0), Some(50));
        assert_eq!(s.delay_ms("Get", 14, 1, 1.0), Some(100));
        assert_eq!(s.delay_ms("Get", 14, 2, 1.0), Some(200));
        assert_eq!(s.delay_ms("Get", 14, 3, 0.5), Some(300));
        assert_eq!(s.delay_ms("Get", 14, 9, 1.0), Some(1000));
        assert_eq!(
            RetryStrategy::fixed_count(3).delay_ms("Get", 14, 1, 0.7),
            Some(0)
        );
    }
}
