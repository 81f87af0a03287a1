//! What every unary RPC file provides: a validated request that turns into a proto message, and a typed
//! response built from the proto reply.

use momento_proto::rpc::RpcRequest;
use prost::Message;

use super::error::MomentoError;

/// Which endpoint serves an RPC (the protocol's RPC table says, per service).
pub use momento_proto::rpc::Endpoint;

/// How requests travel; the transport decides (see `crate::transport::Transport::wire`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// gRPC-web (browsers and workers, over `fetch`): the `web.`-prefixed hosts of derived endpoints, text or binary
    /// framing, the status in a trailer frame (or trailers-only headers).
    GrpcWeb,
    /// gRPC over HTTP/2 (Node, `node:http2`): the plain `cache.`/`control.`/`token.` hosts the official Node SDK
    /// uses, binary framing, `te: trailers`, the status in HTTP/2 trailers.
    Grpc,
}

/// A gRPC method: its path, the endpoint that serves it, and whether it answers with a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rpc {
    /// `/<package>.<Service>/<Method>`.
    pub path: &'static str,
    /// Which endpoint to send it to.
    pub endpoint: Endpoint,
    /// Server-streaming (GetBatch, SetBatch): the reply is every streamed message.
    pub streaming: bool,
    /// Safe to repeat ([`momento_proto::rpc::RpcDef::idempotent`]): only these are retried.
    pub idempotent: bool,
}

impl Rpc {
    /// What the client needs of an RPC of the protocol's table ([`momento_proto::rpc`]), read at compile time (so
    /// only the paths of the RPCs a build sends reach the wasm, not the table).
    pub const fn of(rpc: momento_proto::rpc::Rpc) -> Self {
        Self {
            path: rpc.path(),
            endpoint: rpc.service().endpoint(),
            streaming: rpc.streaming(),
            idempotent: rpc.idempotent(),
        }
    }
}

/// The proto reply message of request type `R` (one stream item for streaming RPCs), from the RPC table.
pub type ProtoReply<R> = <<R as Call>::Proto as RpcRequest>::Response;

/// What the pipeline needs to know of a request type besides its conversions ([`UnaryRpc`]): its proto message
/// (and through the RPC table its RPC and reply), its typed result, and the cache it names. Written with [`call!`].
pub trait Call {
    /// The proto request message; the RPC table ties it to its RPC and reply message ([`ProtoReply`]).
    type Proto: RpcRequest;
    /// The typed result on success (an enum of the RPC's variants).
    type Response;
    /// The gRPC method: the table's row of [`Call::Proto`].
    const RPC: Rpc = Rpc::of(<Self::Proto as RpcRequest>::RPC);
    /// The cache name sent in the `cache` header, for data-plane calls.
    fn cache_name(&self) -> Option<&str>;
}

/// `call!(Request: Proto => Response, cache)` implements [`Call`] for a data-plane request whose `cache` field (or
/// the field path given, e.g. `set.cache`) names the cache it goes to; without `, cache`, for a request that names
/// none (control plane, auth, webhooks, ping). Generic requests start with their parameters:
/// `call!(impl<E: End> Request<E>: E::Message => Response, cache)`.
macro_rules! call {
    (@cache $self:ident $($field:ident).+) => {
        Some(&$self.$($field).+)
    };
    (@cache $self:ident) => {
        None
    };
    (impl<$($p:ident: $bound:path),*> $request:ty: $proto:ty => $response:ty $(, $($cache:ident).+)?) => {
        impl<$($p: $bound),*> $crate::core::rpc::Call for $request {
            type Proto = $proto;
            type Response = $response;

            fn cache_name(&self) -> Option<&str> {
                $crate::core::rpc::call!(@cache self $($($cache).+)?)
            }
        }
    };
    ($($request:tt)*) => {
        $crate::core::rpc::call!(impl<> $($request)*);
    };
}
pub(crate) use call;

/// The usual reply of a read: `found_or_missing!(reply.field, Oneof, "Rpc", |found| hit, miss)` is `hit` for
/// `Some(Oneof::Found(found))`, `miss` for `Some(Oneof::Missing(_))`, and for no result at all the `UNKNOWN`
/// error "`Rpc` response without a result".
macro_rules! found_or_missing {
    ($value:expr, $($oneof:ident)::+, $rpc:literal, |$found:ident| $hit:expr, $miss:expr) => {
        match $value {
            Some($($oneof)::+::Found($found)) => $hit,
            Some($($oneof)::+::Missing(_)) => $miss,
            None => Err($crate::core::error::MomentoError::unknown_service(concat!(
                $rpc,
                " response without a result"
            ))),
        }
    };
}
pub(crate) use found_or_missing;

/// Declares the usual response of a read: `hit_or_miss! { /// docs Response: "Hit means" => field: Type "field
/// doc", "Miss means" }` is an enum with `Hit { field }` and `Miss`.
macro_rules! hit_or_miss {
    ($(#[$doc:meta])* $response:ident: $hit:literal => $field:ident: $ty:ty, $field_doc:literal, $miss:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $response {
            #[doc = $hit]
            Hit {
                #[doc = $field_doc]
                $field: $ty,
            },
            #[doc = $miss]
            Miss,
        }
    };
}
pub(crate) use hit_or_miss;

/// Declares a response whose only variant carries one field: `success_with! { /// docs Response: "Success means"
/// => field: Type, "field doc" }` is an enum with `Success { field }`.
macro_rules! success_with {
    ($(#[$doc:meta])* $response:ident: $success:literal => $field:ident: $ty:ty, $field_doc:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $response {
            #[doc = $success]
            Success {
                #[doc = $field_doc]
                $field: $ty,
            },
        }
    };
}
pub(crate) use success_with;

/// [`call!`] and the [`UnaryRpc`] impl in one: `unary! { Request: Proto => Response, cache; |self| proto message;
/// |reply| result }` (`, cache` optional as in [`call!`]; `reply` is the [`ProtoReply`]).
macro_rules! unary {
    ($request:ty: $proto:ty => $response:ty $(, $($cache:ident).+)?; |$this:ident| $into:expr; |$reply:ident| $from:expr) => {
        $crate::core::rpc::call!($request: $proto => $response $(, $($cache).+)?);

        impl $crate::core::rpc::UnaryRpc for $request {
            fn into_proto($this) -> $proto {
                $into
            }

            fn from_proto(
                $reply: $crate::core::rpc::ProtoReply<Self>,
            ) -> Result<$response, $crate::core::error::MomentoError> {
                $from
            }
        }
    };
}
pub(crate) use unary;

/// An RPC whose only result is Success (the reply carries nothing the caller needs): `success_rpc! { /// result
/// docs Response { "what Success means" } for Request: Proto, cache; |self| proto message }` declares the
/// response and, through [`unary!`], its [`Call`] and [`UnaryRpc`] impls.
macro_rules! success_rpc {
    ($(#[$doc:meta])* $response:ident { $success:literal } for $request:ty: $proto:ty $(, $($cache:ident).+)?; |$this:ident| $into:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $response {
            #[doc = $success]
            Success,
        }

        $crate::core::rpc::unary! {
            $request: $proto => $response $(, $($cache).+)?;
            |$this| $into;
            |_reply| Ok($response::Success)
        }
    };
}
pub(crate) use success_rpc;

/// A call's conversions: validated request → proto → typed response. (Named for the common case; server-streaming
/// RPCs whose items are collected implement [`UnaryRpc::from_stream`] instead of relying on the single-reply
/// default.)
pub trait UnaryRpc: Call {
    /// The proto message to send (consumes the request so values are moved, not copied).
    fn into_proto(self) -> Self::Proto;
    /// Interprets the reply.
    fn from_proto(reply: ProtoReply<Self>) -> Result<Self::Response, MomentoError>;
    /// Interprets every item of a streamed reply (streaming RPCs override this).
    fn from_stream(items: Vec<ProtoReply<Self>>) -> Result<Self::Response, MomentoError> {
        match items.into_iter().next() {
            Some(reply) => Self::from_proto(reply),
            None => Err(MomentoError::unknown_service("empty response")),
        }
    }
    /// Turns some service errors into success variants (e.g. ALREADY_EXISTS → `CreateCache.AlreadyExists`).
    fn recover(error: MomentoError) -> Result<Self::Response, MomentoError> {
        Err(error)
    }
}

/// Test support: asserts that request type `R` maps `reply` to `expected` (the one assertion every RPC's
/// result-mapping test repeats).
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_reply<R: UnaryRpc>(reply: ProtoReply<R>, expected: R::Response)
where
    R::Response: PartialEq + std::fmt::Debug,
{
    assert_eq!(R::from_proto(reply).unwrap(), expected);
}

/// The encoded reply messages of a call: for a unary RPC the response body and where its message is in it (the
/// message is decoded in place, not copied out first: it may be 5 MB), for a server stream every item.
#[derive(Debug)]
pub enum Reply {
    /// One message, `body[message]`.
    Unary {
        /// The response body (binary frames).
        body: Vec<u8>,
        /// Where the message is.
        message: std::ops::Range<usize>,
    },
    /// Every streamed message, in order (builds with server-streaming RPCs only).
    #[cfg(feature = "streaming")]
    Stream(Vec<Vec<u8>>),
}

impl Reply {
    /// How many messages.
    pub fn len(&self) -> usize {
        match self {
            Reply::Unary { .. } => 1,
            #[cfg(feature = "streaming")]
            Reply::Stream(items) => items.len(),
        }
    }

    /// Whether there is no message (an empty stream).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Message `i`.
    pub fn get(&self, i: usize) -> &[u8] {
        match self {
            Reply::Unary { body, message } if i == 0 => {
                body.get(message.clone()).unwrap_or_default()
            }
            Reply::Unary { .. } => &[],
            #[cfg(feature = "streaming")]
            Reply::Stream(items) => items.get(i).map_or(&[], Vec::as_slice),
        }
    }
}

/// Decodes the outcome of [`crate::core::client::Client::run`] for RPC `R`: proto decode, `from_proto`, or
/// `recover` on error. The one generic step per RPC; everything before it is shared code.
pub fn decode_reply<R: UnaryRpc>(
    reply: Result<Reply, MomentoError>,
) -> Result<R::Response, MomentoError> {
    let reply = match reply {
        Ok(reply) => reply,
        Err(e) => return R::recover(e),
    };
    let mut items = Vec::with_capacity(reply.len());
    for i in 0..reply.len() {
        items.push(
            ProtoReply::<R>::decode(reply.get(i)).map_err(|e| decode_error(R::RPC.path, &e))?,
        );
    }
    if R::RPC.streaming {
        R::from_stream(items)
    } else {
        match items.into_iter().next() {
            Some(reply) => R::from_proto(reply),
            None => Err(MomentoError::unknown_service("empty response")),
        }
    }
}

/// The error for an undecodable reply (shared, so each RPC's decoder stays small). prost's own description is left
/// out: formatting it would link `core::fmt` into the lite wasm (see [`super::text`]).
#[cold]
#[inline(never)]
fn decode_error(path: &str, _e: &prost::DecodeError) -> MomentoError {
    MomentoError::unknown_service(
        ["unable to decode ", path, " response: malformed protobuf"].concat(),
    )
}
