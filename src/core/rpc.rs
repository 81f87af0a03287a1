//! What every unary RPC file provides: a validated request that turns into a proto message, and a typed
//! response built from the proto reply.

use prost::Message;

use super::error::MomentoError;

/// Which endpoint serves an RPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `cache.<base>`: data plane, pubsub, leaderboard, ping.
    Cache,
    /// `control.<base>`: control plane and `auth.Auth`.
    Control,
    /// `token.<base>`: `token.Token`.
    Token,
}

/// A gRPC method: its path and the endpoint that serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rpc {
    /// `/<package>.<Service>/<Method>`.
    pub path: &'static str,
    /// Which endpoint to send it to.
    pub endpoint: Endpoint,
}

/// A unary call: validated request → proto → typed response.
pub trait UnaryRpc {
    /// The proto request message.
    type Proto: Message;
    /// The proto reply message.
    type ProtoResponse: Message + Default;
    /// The typed result on success (an enum of the RPC's variants).
    type Response;
    /// The gRPC method.
    const RPC: Rpc;
    /// The cache name sent in the `cache` header, for data-plane calls.
    fn cache_name(&self) -> Option<&str>;
    /// The proto message to send (consumes the request so values are moved, not copied).
    fn into_proto(self) -> Self::Proto;
    /// Interprets the reply.
    fn from_proto(reply: Self::ProtoResponse) -> Result<Self::Response, MomentoError>;
    /// Turns some service errors into success variants (e.g. ALREADY_EXISTS → `CreateCache.AlreadyExists`).
    fn recover(error: MomentoError) -> Result<Self::Response, MomentoError> {
        Err(error)
    }
}

/// Decodes the outcome of [`crate::core::client::Client::call`] for RPC `R`: proto decode, `from_proto`, or
/// `recover` on error. The one generic step per RPC; everything before it is shared code.
pub fn decode_reply<R: UnaryRpc>(
    reply: Result<Vec<u8>, MomentoError>,
) -> Result<R::Response, MomentoError> {
    match reply {
        Ok(bytes) => {
            let proto = R::ProtoResponse::decode(bytes.as_slice()).map_err(|e| {
                MomentoError::unknown_service(format!(
                    "unable to decode {} response: {e}",
                    R::RPC.path
                ))
            })?;
            R::from_proto(proto)
        }
        Err(e) => R::recover(e),
    }
}
