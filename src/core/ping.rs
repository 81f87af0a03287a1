//! `ping`: `/cache_client.Ping/Ping` on the cache endpoint → Success. Has a deadline (the official web SDK's
//! ping has none).

use momento_proto::cache_client::{PingRequest as Proto, PingResponse as ProtoResponse};

use super::error::MomentoError;
use super::rpc::{call, UnaryRpc};

/// A `ping`.
#[derive(Debug, Default)]
pub struct PingRequest;

/// The result of a `ping`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PingResponse {
    /// The service answered.
    Success,
}

call!(PingRequest: Proto => PingResponse);

impl UnaryRpc for PingRequest {
    fn into_proto(self) -> Proto {
        Proto {}
    }

    fn from_proto(_reply: ProtoResponse) -> Result<PingResponse, MomentoError> {
        Ok(PingResponse::Success)
    }
}
