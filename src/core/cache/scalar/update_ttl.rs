//! `updateTtl` / `increaseTtl` / `decreaseTtl`: `/cache_client.Scs/UpdateTtl` with a TTL in **milliseconds**
//! (as in the official SDKs) → Set, NotSet (the increase/decrease condition failed) or Miss. Not retried.

use momento_proto::cache_client::{
    update_ttl_request::UpdateTtl, update_ttl_response, UpdateTtlRequest as Proto,
};

use crate::core::error::MomentoError;
use crate::core::rpc::unary;
use crate::core::validation;

/// How the TTL changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TtlChange {
    /// Set the TTL to this (`updateTtl`).
    Overwrite,
    /// Only if this is longer than the current TTL (`increaseTtl`).
    Increase,
    /// Only if this is shorter than the current TTL (`decreaseTtl`).
    Decrease,
}

/// A validated TTL update.
#[derive(Debug)]
pub struct UpdateTtlRequest {
    cache: String,
    key: Vec<u8>,
    ttl_ms: u64,
    change: TtlChange,
}

impl UpdateTtlRequest {
    /// Validates arguments (`ttl_ms` must be ≥ 1).
    pub fn new(
        cache: String,
        key: Vec<u8>,
        ttl_ms: f64,
        change: TtlChange,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::key(&key)?;
        let ttl_ms = validation::ttl_ms(ttl_ms)?;
        Ok(Self {
            cache,
            key,
            ttl_ms,
            change,
        })
    }
}

/// The result of a TTL update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateTtlResponse {
    /// The TTL was changed.
    Set,
    /// The increase/decrease condition did not hold.
    NotSet,
    /// The key does not exist.
    Miss,
}

unary! {
    UpdateTtlRequest: Proto => UpdateTtlResponse, cache;
    |self| {
        let update = match self.change {
            TtlChange::Overwrite => UpdateTtl::OverwriteToMilliseconds(self.ttl_ms),
            TtlChange::Increase => UpdateTtl::IncreaseToMilliseconds(self.ttl_ms),
            TtlChange::Decrease => UpdateTtl::DecreaseToMilliseconds(self.ttl_ms),
        };
        Proto {
            cache_key: self.key,
            update_ttl: Some(update),
        }
    };
    |reply| match reply.result {
        Some(update_ttl_response::Result::Set(_)) => Ok(UpdateTtlResponse::Set),
        Some(update_ttl_response::Result::NotSet(_)) => Ok(UpdateTtlResponse::NotSet),
        Some(update_ttl_response::Result::Missing(_)) => Ok(UpdateTtlResponse::Miss),
        None => Err(MomentoError::unknown_service(
            "UpdateTtl response without a result",
        )),
    }
}
