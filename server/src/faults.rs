//! Fault injection by request metadata, as momento-local reads it (`--enable-test-admin` only).
//!
//! The official SDKs' test middlewares (`MomentoLocalMiddleware` in the Node SDK's tests,
//! `ExperimentalMomentoLocalTestConfigMiddleware`, Go's `MomentoLocalMetadataMiddleware`) put
//! these headers on every request of a test:
//!
//! | header | meaning |
//! |---|---|
//! | `request-id` | the test's id: the counts below are kept per id (requests without one share one count) |
//! | `return-error` | the error to answer: a gRPC code in kebab case ([`code_named`]: `unavailable`, `not-found`, `deadline-exceeded`, `resource-exhausted`, `internal`, `invalid-argument`, …) |
//! | `error-rpcs` | space-separated RPC names ([`momento_proto::rpc::RpcDef::local_name`]: `get`, `set`, `set-if`, `topic-publish`, `topic-subscribe`, …) that answer `return-error` |
//! | `error-count` | answer the error this many times per id, then serve normally (absent: always) |
//! | `delay-rpcs` | RPC names whose answer is delayed |
//! | `delay-ms` | by this many milliseconds (before the error, if both apply) |
//! | `delay-count` | delay this many times per id (absent: always) |
//! | `stream-error-rpcs` | streaming RPC names (`topic-subscribe`) whose stream ends with `stream-error` |
//! | `stream-error` | the error ending the stream (same names as `return-error`) |
//! | `stream-error-message-limit` | after this many messages (heartbeats included; absent: 0) |
//!
//! A delay runs before the call reaches its service and counts against the client's deadline
//! like a slow server. Unknown names and values are ignored; RPCs without a name (control plane,
//! auth, leaderboards, webhooks, ping) are never faulted. Faults apply after authentication, so
//! only holders of a valid token (anyone with `--auth none`) get them.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::{Buf as _, Bytes};
use http::{HeaderMap, Request, Response};
use http_body::{Body, Frame, SizeHint};
use momento_proto::rpc::Rpc;
use tonic::Code;

/// The momento-local name of the RPC at `path` ([`momento_proto::rpc::RpcDef::local_name`]).
pub fn rpc_name(path: &str) -> Option<&'static str> {
    Rpc::from_path(path).and_then(Rpc::local_name)
}

/// The gRPC code a `return-error`/`stream-error` value names: the code's name in kebab case
/// (`unavailable`, `not-found`, `deadline-exceeded`, …; `ok` is not an error).
pub fn code_named(name: &str) -> Option<Code> {
    Some(
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "cancelled" => Code::Cancelled,
            "unknown" => Code::Unknown,
            "invalid-argument" => Code::InvalidArgument,
            "deadline-exceeded" => Code::DeadlineExceeded,
            "not-found" => Code::NotFound,
            "already-exists" => Code::AlreadyExists,
            "permission-denied" => Code::PermissionDenied,
            "resource-exhausted" => Code::ResourceExhausted,
            "failed-precondition" => Code::FailedPrecondition,
            "aborted" => Code::Aborted,
            "out-of-range" => Code::OutOfRange,
            "unimplemented" => Code::Unimplemented,
            "internal" => Code::Internal,
            "unavailable" => Code::Unavailable,
            "data-loss" => Code::DataLoss,
            "unauthenticated" => Code::Unauthenticated,
            _ => return None,
        },
    )
}

/// Most request ids whose counts are kept (the oldest are forgotten beyond it).
const MAX_TRACKED_IDS: usize = 10_000;

/// Per request id: how many errors and delays were injected so far.
#[derive(Debug, Default)]
pub struct FaultCounts {
    used: Mutex<HashMap<(String, bool), u64>>,
}

impl FaultCounts {
    /// Whether the next fault of this kind (`delay` or error) for `id` is within `limit`
    /// (`None` = unlimited); counts it if so.
    fn take(&self, id: &str, delay: bool, limit: Option<u64>) -> bool {
        let Some(limit) = limit else {
            return true;
        };
        let mut used = self.used.lock().unwrap_or_else(PoisonError::into_inner);
        if used.len() >= MAX_TRACKED_IDS {
            used.clear();
        }
        let count = used.entry((id.to_owned(), delay)).or_default();
        if *count < limit {
            *count += 1;
            true
        } else {
            false
        }
    }
}

/// A header's value as text.
fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// A header's value as a number.
fn number(headers: &HeaderMap, name: &str) -> Option<u64> {
    header(headers, name).and_then(|v| v.parse().ok())
}

/// Whether the space-separated list in header `name` names `rpc`.
fn lists(headers: &HeaderMap, name: &str, rpc: &str) -> bool {
    header(headers, name).is_some_and(|v| v.split_whitespace().any(|n| n == rpc))
}

/// What to do to one call.
#[derive(Debug, Default, PartialEq, Eq)]
struct Plan {
    delay: Option<Duration>,
    error: Option<Code>,
    /// End the response stream with this code after this many messages.
    stream_error: Option<(Code, u64)>,
}

impl Plan {
    fn of(headers: &HeaderMap, rpc: &str, counts: &FaultCounts) -> Self {
        let id = header(headers, "request-id").unwrap_or_default();
        let mut plan = Self::default();
        let delay_ms = number(headers, "delay-ms").unwrap_or(0);
        if delay_ms > 0
            && lists(headers, "delay-rpcs", rpc)
            && counts.take(id, true, number(headers, "delay-count"))
        {
            plan.delay = Some(Duration::from_millis(delay_ms));
        }
        if let Some(code) = header(headers, "return-error").and_then(code_named) {
            if lists(headers, "error-rpcs", rpc)
                && counts.take(id, false, number(headers, "error-count"))
            {
                plan.error = Some(code);
            }
        }
        if let Some(code) = header(headers, "stream-error").and_then(code_named) {
            if lists(headers, "stream-error-rpcs", rpc) {
                let limit = number(headers, "stream-error-message-limit").unwrap_or(0);
                plan.stream_error = Some((code, limit));
            }
        }
        plan
    }
}

/// The `grpc-timeout` a request carries (gRPC over HTTP/2: up to 8 digits and a unit, `H`, `M`,
/// `S`, `m`, `u` or `n`), if valid.
fn grpc_timeout(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

fn injected(code: Code, rpc: &str) -> tonic::Status {
    tonic::Status::new(
        code,
        format!("momento-server test admin: {rpc} fault injected by request metadata"),
    )
}

/// When a request reached the server, stamped by [`ArrivalLayer`].
#[derive(Debug, Clone, Copy)]
struct Arrived(tokio::time::Instant);

/// The outermost layer, with the test admin on: stamps each request's arrival before tonic starts
/// its `grpc-timeout` timer (tonic calls the layers, then starts the timer), so that a delay
/// outliving the client's deadline answers at a deadline no later than tonic's (see
/// [`FaultService`]), however late the fault layer itself first runs (admission waits for body
/// bytes; a loaded runtime polls late).
#[derive(Debug, Clone, Copy)]
pub struct ArrivalLayer {
    enabled: bool,
}

impl ArrivalLayer {
    /// Stamps arrivals when `enabled` (`--enable-test-admin`).
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }
}

impl<S> tower_layer::Layer<S> for ArrivalLayer {
    type Service = ArrivalService<S>;

    fn layer(&self, inner: S) -> ArrivalService<S> {
        ArrivalService {
            inner,
            enabled: self.enabled,
        }
    }
}

/// The service produced by [`ArrivalLayer`].
#[derive(Debug, Clone)]
pub struct ArrivalService<S> {
    inner: S,
    enabled: bool,
}

impl<S, B> tower_service::Service<Request<B>> for ArrivalService<S>
where
    S: tower_service::Service<Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> S::Future {
        if self.enabled {
            let now = tokio::time::Instant::now();
            request.extensions_mut().insert(Arrived(now));
        }
        self.inner.call(request)
    }
}

/// Tower layer injecting the faults the request metadata asks for (see the module docs); a
/// pass-through unless enabled.
#[derive(Debug, Clone, Default)]
pub struct FaultLayer {
    counts: Option<Arc<FaultCounts>>,
}

impl FaultLayer {
    /// Injects faults when `enabled` (`--enable-test-admin`).
    pub fn new(enabled: bool) -> Self {
        Self {
            counts: enabled.then(Arc::default),
        }
    }
}

layer_service!(
    /// The service produced by [`FaultLayer`].
    FaultLayer => FaultService { counts: Option<Arc<FaultCounts>> }
);

impl<S, ReqBody> tower_service::Service<Request<ReqBody>> for FaultService<S>
where
    S: tower_service::Service<Request<ReqBody>, Response = Response<tonic::body::Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ReqBody: Send + 'static,
{
    forward_service_items!(Response<tonic::body::Body>);

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let plan = match (&self.counts, rpc_name(request.uri().path())) {
            (Some(counts), Some(rpc)) => Some((Plan::of(request.headers(), rpc, counts), rpc)),
            _ => None,
        };
        let Some((plan, rpc)) = plan.filter(|(plan, _)| *plan != Plan::default()) else {
            return Box::pin(self.inner.call(request));
        };
        crate::log_debug!("event=fault rpc={rpc} plan=\"{plan:?}\"");
        // The ready service handles this request; the clone waits for the next one.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        // The client's deadline, from the request's arrival (now, when no arrival was stamped).
        let deadline = grpc_timeout(request.headers()).map(|timeout| {
            let arrived = request.extensions().get::<Arrived>();
            (
                arrived.map_or_else(tokio::time::Instant::now, |a| a.0) + timeout,
                timeout,
            )
        });
        Box::pin(async move {
            if let Some(delay) = plan.delay {
                match deadline.filter(|(_, timeout)| *timeout <= delay) {
                    // The client's deadline passes during the delay: answer DEADLINE_EXCEEDED at
                    // it, as the service does. Left to tonic, its grpc-timeout handling answers
                    // CANCELLED at that instant, racing the client's own timer (a loaded machine
                    // then turned the official SDKs' TIMEOUT_ERROR into CANCELLED_ERROR). Due no
                    // later than tonic's timer (the arrival is stamped before tonic starts it)
                    // and polled inside tonic's timeout future, this answer wins. Only here: the
                    // injected delay is the one wait the server makes on purpose, and a second
                    // timer on every call (a general layer) would double tonic's per-call timer
                    // on the hot path for handlers that answer in microseconds.
                    Some((due, _)) => {
                        tokio::time::sleep_until(due).await;
                        return Ok(tonic::Status::deadline_exceeded(format!(
                            "momento-server test admin: the {rpc} deadline passed during an \
                             injected delay"
                        ))
                        .into_http());
                    }
                    None => tokio::time::sleep(delay).await,
                }
            }
            if let Some(code) = plan.error {
                return Ok(injected(code, rpc).into_http());
            }
            let response = inner.call(request).await?;
            Ok(match plan.stream_error {
                None => response,
                Some((code, limit)) => response.map(|body| {
                    tonic::body::Body::new(StreamErrorBody {
                        inner: Some(body),
                        left: limit,
                        frame: FrameCursor::default(),
                        status: Some(injected(code, rpc)),
                    })
                }),
            })
        })
    }
}

/// Where a gRPC response body is in its current message.
#[derive(Debug, Default)]
struct FrameCursor {
    /// Bytes of the 5-byte prefix seen so far.
    prefix: Vec<u8>,
    /// Payload bytes of the current message still to come.
    payload: usize,
}

impl FrameCursor {
    /// Consumes up to the end of the current message; returns the bytes consumed and whether a
    /// message ended there.
    fn advance(&mut self, data: &[u8]) -> (usize, bool) {
        let mut used = 0;
        if self.prefix.len() < 5 {
            let take = (5 - self.prefix.len()).min(data.len());
            self.prefix
                .extend_from_slice(data.get(..take).unwrap_or_default());
            used += take;
            if self.prefix.len() < 5 {
                return (used, false);
            }
            let len = self.prefix.get(1..5).unwrap_or_default();
            self.payload = len.iter().fold(0usize, |n, b| (n << 8) | usize::from(*b));
        }
        let take = self.payload.min(data.len() - used);
        self.payload -= take;
        used += take;
        if self.payload == 0 {
            self.prefix.clear();
            return (used, true);
        }
        (used, false)
    }
}

/// A response body passed through until `left` gRPC messages have gone out, then ended with the
/// injected status as trailers (`stream-error`).
struct StreamErrorBody {
    inner: Option<tonic::body::Body>,
    left: u64,
    frame: FrameCursor,
    status: Option<tonic::Status>,
}

impl StreamErrorBody {
    fn trailers(&mut self) -> Option<Result<Frame<Bytes>, tonic::Status>> {
        // Dropping the inner body ends the stream behind it (the subscription lets go).
        self.inner = None;
        let status = self.status.take()?;
        let mut trailers = HeaderMap::new();
        if status.add_header(&mut trailers).is_err() {
            return Some(Err(status));
        }
        Some(Ok(Frame::trailers(trailers)))
    }
}

impl Body for StreamErrorBody {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        if this.left == 0 {
            return Poll::Ready(this.trailers());
        }
        let Some(inner) = this.inner.as_mut() else {
            return Poll::Ready(None);
        };
        match Pin::new(inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                Ok(mut data) => {
                    // Pass whole messages until the limit; cut the chunk at the last one.
                    let mut passed = 0;
                    while data.remaining() > passed && this.left > 0 {
                        let (used, ended) =
                            this.frame.advance(data.get(passed..).unwrap_or_default());
                        passed += used;
                        if ended {
                            this.left -= 1;
                        }
                    }
                    Poll::Ready(Some(Ok(Frame::data(data.split_to(passed)))))
                }
                // The stream ended on its own first: keep its trailers.
                Err(frame) => Poll::Ready(Some(Ok(frame))),
            },
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_none() && self.status.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeouts() {
        for (value, expected) in [
            ("200m", Some(Duration::from_millis(200))),
            ("3S", Some(Duration::from_secs(3))),
            ("1H", Some(Duration::from_secs(3600))),
            ("2M", Some(Duration::from_secs(120))),
            ("5u", Some(Duration::from_micros(5))),
            ("7n", Some(Duration::from_nanos(7))),
            ("99999999m", Some(Duration::from_millis(99_999_999))),
            ("123456789m", None),
            ("m", None),
            ("", None),
            ("10x", None),
            ("-1S", None),
            ("1.5S", None),
        ] {
            assert_eq!(
                grpc_timeout(&headers(&[("grpc-timeout", value)])),
                expected,
                "{value:?}"
            );
        }
        assert_eq!(grpc_timeout(&HeaderMap::new()), None);
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn names() {
        assert_eq!(rpc_name("/cache_client.Scs/SetIfNotExists"), Some("set-if"));
        assert_eq!(
            rpc_name("/cache_client.pubsub.Pubsub/Subscribe"),
            Some("topic-subscribe")
        );
        assert_eq!(rpc_name("/control_client.ScsControl/CreateCache"), None);
        assert_eq!(rpc_name(""), None);
        assert_eq!(code_named("unavailable"), Some(Code::Unavailable));
        assert_eq!(
            code_named("DEADLINE_EXCEEDED"),
            Some(Code::DeadlineExceeded)
        );
        assert_eq!(code_named("ok"), None);
    }

    #[test]
    fn plans_and_counts() {
        let counts = FaultCounts::default();
        let h = headers(&[
            ("request-id", "t1"),
            ("return-error", "unavailable"),
            ("error-rpcs", "get set"),
            ("error-count", "2"),
            ("delay-rpcs", "get"),
            ("delay-ms", "10"),
        ]);
        let first = Plan::of(&h, "get", &counts);
        assert_eq!(first.error, Some(Code::Unavailable));
        assert_eq!(first.delay, Some(Duration::from_millis(10)));
        assert_eq!(Plan::of(&h, "set", &counts).delay, None);
        // The error count is per request id, across the listed RPCs: spent now.
        assert_eq!(Plan::of(&h, "get", &counts).error, None);
        assert_eq!(Plan::of(&h, "delete", &counts), Plan::default());
        let stream = headers(&[
            ("stream-error-rpcs", "topic-subscribe"),
            ("stream-error", "not-found"),
            ("stream-error-message-limit", "3"),
        ]);
        assert_eq!(
            Plan::of(&stream, "topic-subscribe", &counts).stream_error,
            Some((Code::NotFound, 3))
        );
    }

    #[test]
    fn frame_cursor_counts_messages_across_chunks() {
        let mut cursor = FrameCursor::default();
        // Two messages of 2 and 0 bytes, split awkwardly.
        let bytes = [0u8, 0, 0, 0, 2, b'a', b'b', 0, 0, 0, 0, 0];
        assert_eq!(cursor.advance(&bytes[..3]), (3, false));
        assert_eq!(cursor.advance(&bytes[3..6]), (3, false));
        assert_eq!(cursor.advance(&bytes[6..]), (1, true));
        assert_eq!(cursor.advance(&bytes[7..]), (5, true));
    }
}
