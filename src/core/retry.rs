//! Retries: which calls may be retried (idempotent RPCs on retryable statuses, the official Node SDK's
//! eligibility list) and how long to wait (exponential backoff with full jitter, capped).

use super::error::grpc_code;

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

    /// The delay before attempt `attempt + 1` (attempt counts from 1) after a failure with gRPC `code` of an RPC
    /// that is `idempotent` or not (the RPC table's flag: the official Node SDK's `DefaultEligibilityStrategy` list),
    /// or `None` when the call must not be retried. `unit_random` is uniform in `[0, 1)`.
    pub fn delay_ms(
        &self,
        idempotent: bool,
        code: u32,
        attempt: u32,
        unit_random: f64,
    ) -> Option<u32> {
        let Self::ExponentialBackoff {
            max_attempts,
            initial_delay_ms,
            max_backoff_ms,
        } = *self
        else {
            return None;
        };
        if attempt >= max_attempts || !is_retryable_status(code) || !idempotent {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_idempotent_calls_on_retryable_statuses() {
        use momento_proto::rpc::Rpc;
        let s = RetryStrategy::exponential(3, 100, 1000);
        let retried = |rpc: Rpc, code| s.delay_ms(rpc.idempotent(), code, 1, 0.0).is_some();
        assert!(retried(Rpc::Get, 14) && retried(Rpc::Set, 13) && retried(Rpc::Ping, 1));
        // Repeating these could apply them twice.
        for rpc in [
            Rpc::Increment,
            Rpc::ListPushFront,
            Rpc::Publish,
            Rpc::SetIf,
            Rpc::PutWebhook,
        ] {
            assert!(!retried(rpc, 14), "{rpc:?}");
        }
        assert!(!retried(Rpc::Get, 5), "NOT_FOUND is final");
        assert!(!retried(Rpc::Get, 4), "deadline is final");
        assert!(s.delay_ms(true, 14, 3, 0.0).is_none(), "attempts exhausted");
        assert!(RetryStrategy::None.delay_ms(true, 14, 1, 0.0).is_none());
    }

    #[test]
    fn backoff_grows_jitters_and_caps() {
        let s = RetryStrategy::exponential(10, 100, 1000);
        assert_eq!(s.delay_ms(true, 14, 1, 0.0), Some(50));
        assert_eq!(s.delay_ms(true, 14, 1, 1.0), Some(100));
        assert_eq!(s.delay_ms(true, 14, 2, 1.0), Some(200));
        assert_eq!(s.delay_ms(true, 14, 3, 0.5), Some(300));
        assert_eq!(s.delay_ms(true, 14, 9, 1.0), Some(1000));
        assert_eq!(
            RetryStrategy::fixed_count(3).delay_ms(true, 14, 1, 0.7),
            Some(0)
        );
    }
}
