//! `ping`: `/cache_client.Ping/Ping` on the cache endpoint → Success. Has a deadline (the official web SDK's
//! ping has none).

use momento_proto::cache_client::PingRequest as Proto;

use super::rpc::success_rpc;

/// A `ping`.
#[derive(Debug, Default)]
pub struct PingRequest;

success_rpc! {
    /// The result of a `ping`.
    PingResponse { "The service answered." } for PingRequest: Proto;
    |self| Proto {}
}
