//! `set`: `/cache_client.Scs/Set` with a TTL in milliseconds → Success.

use momento_proto::cache_client::{ECacheResult, SetRequest as Proto};

use crate::core::cache::unexpected_result;
use crate::core::error::MomentoError;
use crate::core::rpc::unary;
use crate::core::validation;

/// A validated `set` request (conditional sets carry one too, with their condition).
#[derive(Debug)]
pub struct SetRequest {
    pub(super) cache: String,
    pub(super) key: Vec<u8>,
    pub(super) value: Vec<u8>,
    pub(super) ttl_ms: u64,
}

impl SetRequest {
    /// Validates arguments in the official order (cache name, key, TTL); `ttl_seconds` of `None` means the client's
    /// default TTL (`default_ttl_ms`).
    pub fn new(
        cache: String,
        key: Vec<u8>,
        value: Vec<u8>,
        ttl_seconds: Option<f64>,
        default_ttl_ms: u64,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::key(&key)?;
        let ttl_ms = validation::ttl_seconds_or(ttl_seconds, default_ttl_ms)?;
        Ok(Self {
            cache,
            key,
            value,
            ttl_ms,
        })
    }
}

/// A validated conditional set: a `set` stored only when `condition` holds (`C`: [`super::set_if::Condition`] or
/// [`super::set_if_hash::HashCondition`]).
#[derive(Debug)]
pub struct ConditionalSet<C> {
    pub(super) set: SetRequest,
    pub(super) condition: C,
}

impl<C> ConditionalSet<C> {
    /// Validates arguments as [`SetRequest::new`] does; `ttl_seconds` `None` = the client default.
    pub fn new(
        cache: String,
        key: Vec<u8>,
        value: Vec<u8>,
        condition: C,
        ttl_seconds: Option<f64>,
        default_ttl_ms: u64,
    ) -> Result<Self, MomentoError> {
        let set = SetRequest::new(cache, key, value, ttl_seconds, default_ttl_ms)?;
        Ok(Self { set, condition })
    }
}

/// The result of a `set`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetResponse {
    /// The value was stored.
    Success,
}

unary! {
    SetRequest: Proto => SetResponse, cache;
    |self| Proto { cache_key: self.key, cache_body: self.value, ttl_milliseconds: self.ttl_ms };
    |reply| match ECacheResult::try_from(reply.result) {
        Ok(ECacheResult::Ok) => Ok(SetResponse::Success),
        _ => Err(unexpected_result("Set", reply.result, Some(&reply.message))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::SetResponse as ProtoResponse;

    #[test]
    fn default_and_explicit_ttl() {
        let r = SetRequest::new("c".into(), b"k".to_vec(), b"v".to_vec(), None, 60_000).unwrap();
        assert_eq!(r.into_proto().ttl_milliseconds, 60_000);
        let r =
            SetRequest::new("c".into(), b"k".to_vec(), b"v".to_vec(), Some(2.0), 60_000).unwrap();
        assert_eq!(r.into_proto().ttl_milliseconds, 2_000);
    }

    #[test]
    fn ttl_zero_is_rejected_not_replaced() {
        let e = SetRequest::new("c".into(), b"k".to_vec(), b"v".to_vec(), Some(0.0), 60_000)
            .unwrap_err();
        assert_eq!(
            e.code,
            crate::core::error::MomentoErrorCode::InvalidArgument
        );
    }

    #[test]
    fn requires_ok_result() {
        let ok = ProtoResponse {
            result: ECacheResult::Ok as i32,
            message: String::new(),
        };
        assert_eq!(SetRequest::from_proto(ok).unwrap(), SetResponse::Success);
        assert!(SetRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
