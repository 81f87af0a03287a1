//! `increment`: `/cache_client.Scs/Increment` → the new value (a missing key starts at 0; the value is stored
//! as a base-10 string). Never retried: repeating it would add twice.

use momento_proto::cache_client::IncrementRequest as Proto;

use crate::core::error::MomentoError;
use crate::core::rpc::{success_with, unary};
use crate::core::validation;

/// A validated `increment` request.
#[derive(Debug)]
pub struct IncrementRequest {
    cache: String,
    key: Vec<u8>,
    amount: i64,
    ttl_ms: u64,
}

impl IncrementRequest {
    /// Validates arguments; `amount` must be an integer; `ttl_seconds` `None` = the client default.
    pub fn new(
        cache: String,
        key: Vec<u8>,
        amount: f64,
        ttl_seconds: Option<f64>,
        default_ttl_ms: u64,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::key(&key)?;
        let amount = validation::increment_amount(amount)?;
        let ttl_ms = validation::ttl_seconds_or(ttl_seconds, default_ttl_ms)?;
        Ok(Self {
            cache,
            key,
            amount,
            ttl_ms,
        })
    }
}

success_with! {
    /// The result of an `increment`.
    IncrementResponse: "The value after incrementing." => value: i64, "The new value."
}

unary! {
    IncrementRequest: Proto => IncrementResponse, cache;
    |self| Proto { cache_key: self.key, amount: self.amount, ttl_milliseconds: self.ttl_ms };
    |reply| Ok(IncrementResponse::Success { value: reply.value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn validates_amount() {
        assert!(IncrementRequest::new("c".into(), b"k".to_vec(), 1.5, None, 1).is_err());
        assert!(IncrementRequest::new("c".into(), b"k".to_vec(), f64::NAN, None, 1).is_err());
        let p = IncrementRequest::new("c".into(), b"k".to_vec(), -3.0, Some(2.0), 1)
            .unwrap()
            .into_proto();
        assert_eq!((p.amount, p.ttl_milliseconds), (-3, 2000));
    }
}
