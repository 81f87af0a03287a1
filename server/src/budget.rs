//! The in-flight memory budget: admission control for the bytes of calls being processed.
//!
//! `--max-memory-mb` budgets the whole process (see [`crate::limits::MemoryBudget`]): stored
//! items get the store budget (LRU eviction, [`crate::store`]) and calls being processed get the
//! in-flight budget enforced here. Without it, 64 clients setting or getting MiB-sized values at
//! once would each hold a request body, its decoded copies and an encoded response at the same
//! time, with nothing bounding the sum.
//!
//! # What a call costs
//! Measured on the code paths of tonic, tonic-web and prost (per call, at the worst moment):
//! - **request** ([`request_cost`]): tonic collects the body into one buffer of the message's
//!   length, prost copies the byte fields out of it (`Vec<u8>`), then the buffer is dropped: two
//!   copies of the message. gRPC-web text bodies are base64 (4/3 of the message), decoded in
//!   chunks, so 1.5 × the body length; binary bodies 2 ×.
//! - **response** ([`response_cost`]): the response message (values copied out of the store),
//!   then tonic's encoded frame (the message is dropped once encoded), which tonic-web text mode
//!   base64-encodes while the frame is alive: 2 × the message in binary, 1 + 4/3 ≈ 2.34 × in
//!   text mode.
//! - plus [`CALL_OVERHEAD_BYTES`] per call (tonic's and tonic-web's initial 8 KiB buffers,
//!   headers, request and response structures).
//!
//! # How
//! [`InFlightLayer`] sits right inside CORS, outside gRPC-web. For every request it:
//! - refuses at once, without reading the body, a `content-length` above the largest body one
//!   message may have (`RESOURCE_EXHAUSTED`, `err: request_size_limit_exceeded`);
//! - creates an [`Admission`] (also put into the request's extensions) holding nothing, and
//!   wraps the body in an [`AdmittedBody`]. A request that sends no body bytes (or is refused by
//!   the auth layer before its body is read) never reserves anything;
//! - when the first body bytes arrive, reserves the whole message's cost (from
//!   `content-length`, else from the gRPC length prefix; a prefix above the largest message
//!   reserves only the overhead, the services refuse it) in a tokio [`Semaphore`] of KiB
//!   permits, which is FIFO-fair: a large call waiting at the head is not overtaken by later
//!   small ones. A call costing more than the whole budget reserves all of it and so runs
//!   alone. Waiting is backpressure: the first frames are held back and the body is not read
//!   further meanwhile, and the client's deadline still runs. A call is admitted for its whole
//!   message at once, never byte by byte: calls holding part of what they need while waiting
//!   for the rest would deadlock each other;
//! - bounds the time the body may take ([`Admissions::body_timeout`]): from the request head to
//!   the admission, then again from the admission to the end of the body. A stalled body fails
//!   its call with `DEADLINE_EXCEEDED` and its reservation goes back.
//!
//! HTTP/2 streams wait like HTTP/1.1 requests. Streams of one connection share its flow-control
//! window, and a waiting stream leaves its unread bytes in it, so the server's windows are
//! sized such that waiting streams can never take the window admitted ones need
//! ([`H2_STREAM_WINDOW`], [`H2_CONNECTION_WINDOW`], [`H2_MAX_CONCURRENT_STREAMS`]): each
//! connection holds at most that many unread bytes, and the budget is never overdrawn.
//!
//! The response: data-plane handlers ([`crate::services::scs`]) know, before copying anything
//! out of the store, how much the items they are about to return weigh
//! ([`crate::store::Store::charged_size`]). They grow the reservation to the response's cost
//! ([`Admission::reserve_response`], which may wait: the request has been read by then; a
//! response that cannot fit in the whole budget is refused with `RESOURCE_EXHAUSTED`) and, once the response message exists, trim it to the exact cost
//! ([`Admission::settle_response`]); the layer then keeps the reservation until the response
//! body has been sent or dropped. Calls whose handler did not claim the reservation release it
//! as soon as the response head is ready (the request has been consumed by then), so long-lived
//! streams (topic subscriptions) hold nothing.
//!
//! # No deadlock
//! A task waits for permits only while it holds none: a request body reserves once, holding
//! nothing, and a handler that needs more than it holds takes the difference only if it is free
//! at once, otherwise it gives back what it holds and then waits for the whole amount. Holders
//! never wait for permits, and their bodies can always arrive (see the HTTP/2 windows above),
//! so they finish and release.
//!
//! Not covered (they belong to the baseline allowance of [`crate::limits::MemoryBudget`]):
//! connection buffers, responses of the control plane, tokens, topics and leaderboards, and
//! messages kept by topic buffers for resuming subscribers.

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use base64::Engine as _;
use bytes::Bytes;
use http::{HeaderMap, Request, Response, Version};
use http_body::{Body, Frame, SizeHint};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::metrics::to_u64;
use crate::BoxFuture;

/// Bytes per semaphore permit.
const UNIT_BYTES: u64 = 1024;

/// Fixed bytes charged per call on top of its bodies (see the module docs).
pub const CALL_OVERHEAD_BYTES: u64 = 16 * 1024;

/// [`CALL_OVERHEAD_BYTES`] plus `len` bytes held `numerator / denominator` times over.
fn call_cost(len: u64, (numerator, denominator): (u64, u64)) -> u64 {
    CALL_OVERHEAD_BYTES.saturating_add(len.saturating_mul(numerator) / denominator)
}

/// Bytes a request with a body of `body_len` bytes holds at its worst moment (module docs).
pub fn request_cost(body_len: u64, text: bool) -> u64 {
    call_cost(body_len, if text { (3, 2) } else { (2, 1) })
}

/// Bytes a response whose message encodes to `message_len` bytes holds at its worst moment
/// (module docs).
pub fn response_cost(message_len: u64, text: bool) -> u64 {
    call_cost(message_len, if text { (7, 3) } else { (2, 1) })
}

/// The cost of the most expensive single call carrying one item of `max_item_bytes` (key +
/// value; 1 KiB more for the other fields and their tags): reading it back over gRPC-web text.
/// The in-flight budget is at least this, so such a call fits alone.
pub fn largest_call_cost(max_item_bytes: usize) -> u64 {
    let message = to_u64(max_item_bytes).saturating_add(1024);
    let framed = message.saturating_add(5);
    let text_body = framed.div_ceil(3).saturating_mul(4);
    request_cost(framed, false)
        .max(request_cost(text_body, true))
        .max(response_cost(message, false))
        .max(response_cost(message, true))
}

/// Whether `headers` announce a gRPC-web text (base64) call.
fn is_text(headers: &HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/grpc-web-text"))
}

/// The `content-length` of `headers`, if present and valid.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Permits held by `permit`, as `u32` (they are never more than the budget's `u32` total).
fn count(permit: Option<&OwnedSemaphorePermit>) -> u32 {
    permit.map_or(0, |p| u32::try_from(p.num_permits()).unwrap_or(u32::MAX))
}

/// Adds `extra` to `slot`.
fn merge(slot: &mut Option<OwnedSemaphorePermit>, extra: OwnedSemaphorePermit) {
    match slot.as_mut() {
        Some(permit) => permit.merge(extra),
        None => *slot = Some(extra),
    }
}

/// The in-flight budget: a semaphore of KiB permits plus counters for the `event=in_flight`
/// line. Shared by every call of a server.
#[derive(Debug)]
pub struct InFlightBudget {
    semaphore: Arc<Semaphore>,
    units: u32,
    peak_units: AtomicU64,
    reservations: AtomicU64,
    waits: AtomicU64,
}

/// A snapshot of an [`InFlightBudget`]'s counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InFlightMetrics {
    /// The budget in bytes.
    pub budget_bytes: u64,
    /// Bytes reserved right now (including permits the semaphore has set aside for the call
    /// waiting at the head of the queue).
    pub reserved_bytes: u64,
    /// Most bytes reserved at once since start (sampled when a reservation is made).
    pub peak_reserved_bytes: u64,
    /// Reservations made (requests admitted plus responses grown beyond their request's).
    pub reservations: u64,
    /// Reservations that had to wait for others to finish (backpressure).
    pub waits: u64,
}

impl fmt::Display for InFlightMetrics {
    /// `budget_bytes=… reserved_bytes=… peak_reserved_bytes=… reservations=… waits=…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "budget_bytes={} reserved_bytes={} peak_reserved_bytes={} reservations={} waits={}",
            self.budget_bytes,
            self.reserved_bytes,
            self.peak_reserved_bytes,
            self.reservations,
            self.waits,
        )
    }
}

impl InFlightBudget {
    /// A budget of `bytes` (rounded up to whole KiB, at least 1 KiB).
    pub fn new(bytes: u64) -> Self {
        let max = u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX);
        let units = u32::try_from(bytes.div_ceil(UNIT_BYTES))
            .unwrap_or(u32::MAX)
            .clamp(1, max);
        Self {
            semaphore: Arc::new(Semaphore::new(units as usize)),
            units,
            peak_units: AtomicU64::new(0),
            reservations: AtomicU64::new(0),
            waits: AtomicU64::new(0),
        }
    }

    /// Permits for `bytes`: rounded up, at least one, at most the whole budget.
    fn units_for(&self, bytes: u64) -> u32 {
        u32::try_from(bytes.div_ceil(UNIT_BYTES))
            .unwrap_or(u32::MAX)
            .clamp(1, self.units)
    }

    fn reserved_units(&self) -> u64 {
        u64::from(self.units).saturating_sub(to_u64(self.semaphore.available_permits()))
    }

    fn note_reserved(&self) {
        self.reservations.fetch_add(1, Ordering::Relaxed);
        self.peak_units
            .fetch_max(self.reserved_units(), Ordering::Relaxed);
    }

    /// `units` permits if free at once.
    fn try_take(&self, units: u32) -> Option<OwnedSemaphorePermit> {
        let permit = Arc::clone(&self.semaphore)
            .try_acquire_many_owned(units)
            .ok()?;
        self.note_reserved();
        Some(permit)
    }

    /// `units` permits: at once if free, else after waiting (FIFO). `None` only if the
    /// semaphore was closed (never: it is not closed anywhere).
    async fn acquire(&self, units: u32) -> Option<OwnedSemaphorePermit> {
        if let Some(permit) = self.try_take(units) {
            return Some(permit);
        }
        self.waits.fetch_add(1, Ordering::Relaxed);
        let permit = Arc::clone(&self.semaphore)
            .acquire_many_owned(units)
            .await
            .ok()?;
        self.note_reserved();
        Some(permit)
    }

    /// A snapshot of the counters.
    pub fn metrics(&self) -> InFlightMetrics {
        InFlightMetrics {
            budget_bytes: u64::from(self.units).saturating_mul(UNIT_BYTES),
            reserved_bytes: self.reserved_units().saturating_mul(UNIT_BYTES),
            peak_reserved_bytes: self
                .peak_units
                .load(Ordering::Relaxed)
                .saturating_mul(UNIT_BYTES),
            reservations: self.reservations.load(Ordering::Relaxed),
            waits: self.waits.load(Ordering::Relaxed),
        }
    }
}

/// What one call holds.
#[derive(Debug, Default)]
struct Held {
    permit: Option<OwnedSemaphorePermit>,
    /// A handler claimed the reservation for the response body.
    for_response: bool,
}

#[derive(Debug)]
struct Reservation {
    budget: Arc<InFlightBudget>,
    text: bool,
    held: Mutex<Held>,
}

impl Reservation {
    fn held(&self) -> MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A response that cannot fit in the in-flight budget even alone (see
/// [`Admission::reserve_response`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseTooLarge {
    /// What the response would cost, in bytes.
    pub cost_bytes: u64,
    /// The whole in-flight budget, in bytes.
    pub budget_bytes: u64,
}

/// One call's share of the in-flight budget, in the request's extensions (see the module
/// docs). Cloning shares it; the permits go back when the last clone is dropped (the response's
/// frames hold one until the server has written them) or the call releases them early.
#[derive(Debug, Clone)]
pub struct Admission(Arc<Reservation>);

impl Admission {
    fn new(budget: Arc<InFlightBudget>, text: bool) -> Self {
        Self(Arc::new(Reservation {
            budget,
            text,
            held: Mutex::new(Held::default()),
        }))
    }

    fn held(&self) -> MutexGuard<'_, Held> {
        self.0.held()
    }

    #[cfg(test)]
    fn held_units(&self) -> u32 {
        count(self.held().permit.as_ref())
    }

    /// Reserves `bytes` for the request, waiting (FIFO) if the budget is short. Called once,
    /// while the call holds nothing (when its first body bytes have arrived).
    async fn admit(&self, bytes: u64) {
        let units = self.0.budget.units_for(bytes);
        let permit = self.0.budget.acquire(units).await;
        self.held().permit = permit;
    }

    /// Grows the reservation to cover a response whose message should encode to about
    /// `message_len` bytes, before the handler builds it. Waits (holding nothing) if the
    /// budget is short; fails at once when the response could not fit even in the whole
    /// budget (the handler answers `RESOURCE_EXHAUSTED`). See the module docs.
    pub async fn reserve_response(&self, message_len: u64) -> Result<(), ResponseTooLarge> {
        let budget = &self.0.budget;
        let cost = response_cost(message_len, self.0.text);
        let budget_bytes = u64::from(budget.units).saturating_mul(UNIT_BYTES);
        if cost > budget_bytes {
            return Err(ResponseTooLarge {
                cost_bytes: cost,
                budget_bytes,
            });
        }
        let want = budget.units_for(cost);
        let held = count(self.held().permit.as_ref());
        if want <= held {
            return Ok(());
        }
        if let Some(extra) = budget.try_take(want.saturating_sub(held)) {
            merge(&mut self.held().permit, extra);
            return Ok(());
        }
        // Give back what is held, then wait for the whole amount: never wait while holding.
        let returned = self.held().permit.take();
        drop(returned);
        let permit = budget.acquire(want).await;
        self.held().permit = permit;
        Ok(())
    }

    /// Trims (or, if free at once, grows) the reservation to the cost of a response message
    /// of `message_len` bytes and keeps it until the response body is done.
    pub fn settle_response(&self, message_len: u64) {
        let budget = &self.0.budget;
        let want = budget.units_for(response_cost(message_len, self.0.text));
        let mut held = self.held();
        held.for_response = true;
        let have = count(held.permit.as_ref());
        if have > want {
            if let Some(permit) = held.permit.as_mut() {
                drop(permit.split(have.saturating_sub(want) as usize));
            }
        } else if have < want {
            if let Some(extra) = budget.try_take(want.saturating_sub(have)) {
                merge(&mut held.permit, extra);
            }
        }
    }

    /// The response head is ready: unless a handler claimed the reservation for the body,
    /// everything is given back.
    fn response_started(&self) {
        let claimed = self.held().for_response;
        if !claimed {
            self.release();
        }
    }

    /// Gives everything back.
    fn release(&self) {
        let returned = self.held().permit.take();
        drop(returned);
    }
}

/// Most streams an HTTP/2 connection may have open at once (each stream is a call). Finite so
/// that one connection cannot open unboundedly many calls; 100 is what Momento's service
/// allows per connection (the official SDKs open more connections beyond it).
pub const H2_MAX_CONCURRENT_STREAMS: u32 = 100;

/// Initial HTTP/2 flow-control window of each stream (the protocol's default, 64 KiB − 1): the
/// most body bytes a stream can have sent that the server has not read yet.
pub const H2_STREAM_WINDOW: u32 = 65_535;

/// Initial HTTP/2 flow-control window of a connection: room for every stream's window and one
/// more. A stream waiting for the budget leaves at most its own window unread, so the streams
/// of a connection that were admitted can always receive their bodies: waiting streams never
/// starve them of the connection's window (which would deadlock the budget).
pub const H2_CONNECTION_WINDOW: u32 = (H2_MAX_CONCURRENT_STREAMS + 1) * H2_STREAM_WINDOW;

/// How long a request body may take to arrive by default: from the request head until the
/// admission (no budget is held meanwhile), then again from the admission to the end of the
/// body. The Browser configuration's deadline of the official SDKs.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(15);

/// What the in-flight layer needs besides the budget.
#[derive(Debug, Clone, Copy)]
pub struct Admissions {
    /// Largest gRPC message a request may carry (the services' decoding limit): a request
    /// declaring a longer body is refused at once, and a length prefix above it reserves
    /// nothing (the services refuse the message).
    pub max_message_bytes: usize,
    /// See [`DEFAULT_BODY_TIMEOUT`].
    pub body_timeout: Duration,
}

/// Tower layer enforcing an [`InFlightBudget`] (see the module docs). Without a budget (no
/// memory cap) it still refuses oversized declared bodies and applies the body timeout.
#[derive(Debug, Clone)]
pub struct InFlightLayer {
    budget: Option<Arc<InFlightBudget>>,
    settings: Admissions,
}

impl InFlightLayer {
    /// A layer enforcing `budget` (`None`: no admission control) with `settings`.
    pub fn new(budget: Option<Arc<InFlightBudget>>, settings: Admissions) -> Self {
        Self { budget, settings }
    }
}

layer_service!(
    /// The service produced by [`InFlightLayer`].
    InFlightLayer => InFlightService { budget: Option<Arc<InFlightBudget>>, settings: Admissions }
);

/// The longest body a request carrying one message of `max_message` bytes may have: the
/// 5-byte frame header plus the message, base64 in text mode.
fn max_body_len(max_message: usize, text: bool) -> u64 {
    let framed = to_u64(max_message).saturating_add(5);
    if text {
        framed.div_ceil(3).saturating_mul(4)
    } else {
        framed
    }
}

/// A trailers-only gRPC answer `RESOURCE_EXHAUSTED` (`err: request_size_limit_exceeded`) to a
/// request declaring a body longer than `max_body` bytes, sent without reading the body; with
/// status `429` for the HTTP API (`raw`).
fn body_too_large<B: Default>(
    headers: &HeaderMap,
    version: Version,
    declared: u64,
    max_body: u64,
    raw: bool,
) -> Response<B> {
    let content_type = headers
        .get(http::header::CONTENT_TYPE)
        .filter(|v| v.as_bytes().starts_with(b"application/grpc"))
        .cloned()
        .unwrap_or(http::HeaderValue::from_static("application/grpc"));
    let mut response = Response::new(B::default());
    let h = response.headers_mut();
    h.insert(http::header::CONTENT_TYPE, content_type);
    h.insert("grpc-status", http::HeaderValue::from_static("8"));
    let message = format!(
        "Request size limit exceeded: the request declares {declared} bytes of body, more than \
         the {max_body} bytes of the largest message this server accepts"
    );
    if let Ok(value) = http::HeaderValue::from_str(&message) {
        h.insert("grpc-message", value);
    }
    h.insert(
        "err",
        http::HeaderValue::from_static("request_size_limit_exceeded"),
    );
    if version < Version::HTTP_2 {
        // The body is not read: the connection cannot carry another request.
        h.insert(
            http::header::CONNECTION,
            http::HeaderValue::from_static("close"),
        );
    }
    if raw {
        // The HTTP API: its limit status, the message in the headers.
        *response.status_mut() = http::StatusCode::TOO_MANY_REQUESTS;
    }
    crate::log_warn!("event=request_too_large declared_bytes={declared} max_body_bytes={max_body}");
    response
}

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for InFlightService<S>
where
    S: tower_service::Service<Request<AdmittedBody<ReqBody>>, Response = Response<ResBody>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ReqBody: Body<Data = Bytes> + Send + 'static,
    ReqBody::Error: Into<BoxError>,
    ResBody: Default + Send + 'static,
{
    forward_service_items!(Response<ReleasingBody<ResBody>>);

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        // The ready service handles this request; the clone waits for the next one.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let (mut parts, body) = request.into_parts();
        let text = is_text(&parts.headers);
        let raw = crate::http_api::is_http_api_path(parts.uri.path());
        let max_body = max_body_len(self.settings.max_message_bytes, text);
        if let Some(declared) = content_length(&parts.headers).filter(|&len| len > max_body) {
            let response = body_too_large(&parts.headers, parts.version, declared, max_body, raw);
            return Box::pin(std::future::ready(Ok(
                response.map(|body| ReleasingBody::new(body, None))
            )));
        }
        let admission = self.budget.clone().map(|budget| {
            let admission = Admission::new(budget, text);
            parts.extensions.insert(admission.clone());
            Gate {
                admission,
                text,
                raw,
                declared: content_length(&parts.headers),
                max_message: to_u64(self.settings.max_message_bytes),
            }
        });
        let released = admission.as_ref().map(|gate| gate.admission.clone());
        let body = AdmittedBody::new(body, admission, self.settings.body_timeout);
        let future = inner.call(Request::from_parts(parts, body));
        Box::pin(async move {
            let response = future.await;
            if let Some(admission) = &released {
                admission.response_started();
            }
            Ok(response?.map(|body| ReleasingBody::new(body, released)))
        })
    }
}

/// The boxed error of an [`AdmittedBody`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Admission of one request body: what to reserve once its first bytes have arrived.
#[derive(Debug)]
struct Gate {
    admission: Admission,
    text: bool,
    /// An HTTP API body (not gRPC): without `content-length` it may be as long as the largest
    /// message ([`crate::http_api`] reads no more).
    raw: bool,
    /// `content-length`, when given.
    declared: Option<u64>,
    /// Largest message the services accept.
    max_message: u64,
}

impl Gate {
    /// The cost to reserve for a body starting with `head`, or `None` while `head` is too
    /// short to tell (no `content-length` and the length prefix not complete yet).
    fn cost(&self, head: &[u8], ended: bool) -> Option<u64> {
        if let Some(len) = self.declared {
            return Some(request_cost(len, self.text));
        }
        if self.raw {
            return Some(request_cost(self.max_message, false));
        }
        let decoded;
        let prefix = if self.text {
            if head.len() < 8 && !ended {
                return None;
            }
            decoded = base64::engine::general_purpose::STANDARD
                .decode(head.get(..8).unwrap_or_default())
                .unwrap_or_default();
            decoded.as_slice()
        } else {
            if head.len() < 5 && !ended {
                return None;
            }
            head
        };
        let len = match prefix.get(1..5) {
            Some(&[a, b, c, d]) => u64::from(u32::from_be_bytes([a, b, c, d])),
            _ => 0,
        };
        if len > self.max_message {
            // The services refuse the message as soon as they read its prefix.
            return Some(CALL_OVERHEAD_BYTES);
        }
        // The body of that one message (in its own encoding) plus the prefix.
        let body = if self.text {
            len.saturating_add(5).div_ceil(3).saturating_mul(4)
        } else {
            len.saturating_add(5)
        };
        Some(request_cost(body, self.text))
    }
}

/// Where an [`AdmittedBody`] is.
enum Stage {
    /// Reading the first bytes (held back until the admission is made).
    Head {
        frames: VecDeque<Frame<Bytes>>,
        head: Vec<u8>,
    },
    /// Waiting for the budget, the first frames held back.
    Waiting {
        frames: VecDeque<Frame<Bytes>>,
        admitted: BoxFuture<()>,
    },
    /// Admitted (or no budget): passing the held-back frames, then the rest, through.
    Flowing { frames: VecDeque<Frame<Bytes>> },
}

/// The request body handed to the inner layers. Nothing is reserved for it until its first
/// bytes arrive; then the whole message's cost is reserved (from `content-length`, else from
/// the gRPC length prefix), waiting holding nothing if the budget is short, while the first
/// frames are held back. The body must arrive within the body timeout (counted from the
/// request head until the admission, and again from the admission): a stalled body fails the
/// call (`DEADLINE_EXCEEDED`) and its reservation goes back.
pub struct AdmittedBody<B> {
    inner: Pin<Box<B>>,
    gate: Option<Gate>,
    stage: Stage,
    ended: bool,
    timeout: Duration,
    deadline: Pin<Box<tokio::time::Sleep>>,
}

impl<B> fmt::Debug for AdmittedBody<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdmittedBody")
            .field("gate", &self.gate)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl<B> AdmittedBody<B> {
    fn new(inner: B, gate: Option<Gate>, timeout: Duration) -> Self {
        let stage = if gate.is_some() {
            Stage::Head {
                frames: VecDeque::new(),
                head: Vec::new(),
            }
        } else {
            Stage::Flowing {
                frames: VecDeque::new(),
            }
        };
        Self {
            inner: Box::pin(inner),
            gate,
            stage,
            ended: false,
            timeout,
            deadline: Box::pin(tokio::time::sleep(timeout)),
        }
    }

    /// Starts waiting for the admission of `cost` bytes with `frames` held back.
    fn wait_for(&mut self, cost: u64, frames: VecDeque<Frame<Bytes>>) {
        let admitted: BoxFuture<()> = match &self.gate {
            Some(gate) => {
                let admission = gate.admission.clone();
                Box::pin(async move { admission.admit(cost).await })
            }
            None => Box::pin(std::future::ready(())),
        };
        self.stage = Stage::Waiting { frames, admitted };
    }
}

/// The error a body that did not arrive in time fails with (tonic answers the call with it).
fn body_timeout_error(timeout: Duration) -> BoxError {
    Box::new(tonic::Status::deadline_exceeded(format!(
        "The request body did not arrive within {} ms",
        timeout.as_millis()
    )))
}

impl<B> Body for AdmittedBody<B>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        loop {
            match &mut this.stage {
                Stage::Flowing { frames } => {
                    if let Some(frame) = frames.pop_front() {
                        return Poll::Ready(Some(Ok(frame)));
                    }
                    if this.ended {
                        return Poll::Ready(None);
                    }
                    return match this.inner.as_mut().poll_frame(cx) {
                        Poll::Ready(Some(result)) => Poll::Ready(Some(result.map_err(Into::into))),
                        Poll::Ready(None) => {
                            this.ended = true;
                            Poll::Ready(None)
                        }
                        Poll::Pending => {
                            if this.deadline.as_mut().poll(cx).is_ready() {
                                return Poll::Ready(Some(Err(body_timeout_error(this.timeout))));
                            }
                            Poll::Pending
                        }
                    };
                }
                Stage::Waiting { frames, admitted } => {
                    if admitted.as_mut().poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    let frames = std::mem::take(frames);
                    // The body timer starts again from the admission.
                    let timeout = this.timeout;
                    this.deadline
                        .as_mut()
                        .reset(tokio::time::Instant::now() + timeout);
                    this.stage = Stage::Flowing { frames };
                }
                Stage::Head { frames, head } => {
                    let polled = this.inner.as_mut().poll_frame(cx);
                    match polled {
                        Poll::Pending => {
                            if this.deadline.as_mut().poll(cx).is_ready() {
                                return Poll::Ready(Some(Err(body_timeout_error(this.timeout))));
                            }
                            return Poll::Pending;
                        }
                        Poll::Ready(Some(Err(error))) => {
                            return Poll::Ready(Some(Err(error.into())))
                        }
                        Poll::Ready(Some(Ok(frame))) => {
                            if let Some(data) = frame.data_ref() {
                                let missing = 8usize.saturating_sub(head.len()).min(data.len());
                                head.extend_from_slice(data.get(..missing).unwrap_or_default());
                            }
                            frames.push_back(frame);
                        }
                        Poll::Ready(None) => this.ended = true,
                    }
                    let Some(gate) = &this.gate else {
                        continue;
                    };
                    // Nothing to reserve for an empty body; else wait once the cost is known.
                    if this.ended && head.is_empty() {
                        let frames = std::mem::take(frames);
                        this.stage = Stage::Flowing { frames };
                    } else if let Some(cost) = gate.cost(head, this.ended) {
                        let frames = std::mem::take(frames);
                        this.wait_for(cost, frames);
                    }
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.stage {
            Stage::Flowing { frames } => {
                frames.is_empty() && (self.ended || self.inner.is_end_stream())
            }
            _ => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The response body handed back to the server. Its data frames carry the call's [`Admission`]
/// (as the owner of their [`Bytes`]), so the reservation lasts until the server has written and
/// dropped the last of them — hyper ends a body while its last frame may still be queued for a
/// slow client — or until the body is dropped unsent.
#[derive(Debug)]
pub struct ReleasingBody<B> {
    inner: Pin<Box<B>>,
    admission: Option<Admission>,
}

impl<B: Default> Default for ReleasingBody<B> {
    fn default() -> Self {
        Self::new(B::default(), None)
    }
}

impl<B> ReleasingBody<B> {
    fn new(inner: B, admission: Option<Admission>) -> Self {
        Self {
            inner: Box::pin(inner),
            admission,
        }
    }
}

/// Frame bytes that keep an [`Admission`] alive.
struct FrameBytes {
    bytes: Bytes,
    _admission: Admission,
}

impl AsRef<[u8]> for FrameBytes {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl<B: Body<Data = Bytes>> Body for ReleasingBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = &mut *self;
        match this.inner.as_mut().poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let Some(admission) = this.admission.as_ref() else {
                    return Poll::Ready(Some(Ok(frame)));
                };
                let frame = frame.map_data(|bytes| {
                    Bytes::from_owner(FrameBytes {
                        bytes,
                        _admission: admission.clone(),
                    })
                });
                Poll::Ready(Some(Ok(frame)))
            }
            done @ (Poll::Ready(None) | Poll::Ready(Some(Err(_)))) => {
                // Frames still queued in the server keep their share.
                this.admission = None;
                done
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use std::collections::VecDeque;
    use std::time::Duration;

    const KIB: u64 = 1024;

    fn budget(kib: u64) -> Arc<InFlightBudget> {
        Arc::new(InFlightBudget::new(kib * KIB))
    }

    /// A budget of `kib` KiB and one call on it (`text`: gRPC-web text).
    fn call(kib: u64, text: bool) -> (Arc<InFlightBudget>, Admission) {
        let budget = budget(kib);
        let call = Admission::new(Arc::clone(&budget), text);
        (budget, call)
    }

    fn reserved_kib(budget: &InFlightBudget) -> u64 {
        budget.metrics().reserved_bytes / KIB
    }

    #[test]
    fn costs() {
        assert_eq!(request_cost(1000, false), CALL_OVERHEAD_BYTES + 2000);
        assert_eq!(request_cost(1000, true), CALL_OVERHEAD_BYTES + 1500);
        assert_eq!(response_cost(3000, false), CALL_OVERHEAD_BYTES + 6000);
        assert_eq!(response_cost(3000, true), CALL_OVERHEAD_BYTES + 7000);
        // Reading a 5 MiB item back over gRPC-web text is the most expensive call.
        let largest = largest_call_cost(5 << 20);
        assert_eq!(largest, response_cost((5 << 20) + 1024, true));
        assert!((11 << 20..12 << 20).contains(&largest), "{largest}");
    }

    /// Spawns `wait`, checks that it is still waiting 20 ms later, runs `release` and awaits
    /// `wait` (`expect` says why it must finish within 5 s).
    async fn waits_until<T: Send + 'static>(
        wait: impl Future<Output = T> + Send + 'static,
        release: impl FnOnce(),
        expect: &str,
    ) -> T {
        let waiting = tokio::spawn(wait);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        release();
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect(expect)
            .unwrap()
    }

    #[tokio::test]
    async fn admissions_queue_and_release() {
        let (budget, a) = call(100, false);
        a.admit(60 * KIB).await;
        assert_eq!(reserved_kib(&budget), 60);
        // A call bigger than the whole budget takes all of it once free, so it waits.
        let b = Admission::new(Arc::clone(&budget), false);
        let b2 = b.clone();
        let admit = async move { b2.admit(1000 * KIB).await };
        let released = "admitted once the first call released";
        waits_until(admit, || a.release(), released).await;
        assert_eq!(reserved_kib(&budget), 100);
        b.release();
        assert_eq!(reserved_kib(&budget), 0);
        let metrics = budget.metrics();
        assert_eq!(metrics.waits, 1);
        assert_eq!(metrics.peak_reserved_bytes, 100 * KIB);
        assert_eq!(metrics.reservations, 2);
    }

    #[tokio::test]
    async fn a_response_waits_holding_nothing() {
        let (budget, holder) = call(100, false);
        holder.admit(70 * KIB).await;
        // A read holding 1 KiB for its request needs 16 KiB + 2 × 20 KiB for its response: not
        // free, so it gives its 1 KiB back and waits for 56 KiB.
        let reader = Admission::new(Arc::clone(&budget), false);
        reader.admit(500).await;
        assert_eq!(reserved_kib(&budget), 71);
        let r2 = reader.clone();
        let reserve = async move { r2.reserve_response(20 * KIB).await.unwrap() };
        let release = || {
            assert_eq!(reader.held_units(), 0, "the waiting read holds nothing");
            holder.release();
        };
        waits_until(reserve, release, "no deadlock").await;
        assert_eq!(reserved_kib(&budget), 56);
        // Settling trims to the actual response and keeps it past the response head.
        reader.settle_response(KIB);
        assert_eq!(reserved_kib(&budget), 18);
        reader.response_started();
        assert_eq!(reserved_kib(&budget), 18);
        reader.release();
        assert_eq!(reserved_kib(&budget), 0);
    }

    #[tokio::test]
    async fn unclaimed_reservations_end_with_the_response_head() {
        let (budget, call) = call(100, true);
        call.admit(10 * KIB).await;
        assert_eq!(reserved_kib(&budget), 10);
        call.response_started();
        assert_eq!(reserved_kib(&budget), 0);
    }

    /// A body of the given frames, or (`None`) one that never sends a byte.
    struct Frames(Option<VecDeque<Frame<Bytes>>>);

    impl Body for Frames {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            match &mut self.0 {
                Some(frames) => Poll::Ready(frames.pop_front().map(Ok)),
                None => Poll::Pending,
            }
        }
    }

    /// The gate of a gRPC body (`text` as `admission`'s) with `content-length` `declared`.
    fn grpc_gate(admission: &Admission, declared: Option<u64>, max_message: u64) -> Option<Gate> {
        Some(Gate {
            raw: false,
            admission: admission.clone(),
            text: admission.0.text,
            declared,
            max_message,
        })
    }

    async fn next<B: Body<Data = Bytes> + Unpin>(body: &mut B) -> Option<Bytes>
    where
        B::Error: fmt::Debug,
    {
        let frame = std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await?;
        Some(frame.unwrap().into_data().unwrap())
    }

    #[tokio::test]
    async fn without_content_length_the_length_prefix_is_read() {
        let mut message = vec![0u8];
        message.extend_from_slice(&40_000u32.to_be_bytes());
        message.extend(std::iter::repeat_n(7u8, 40_000));
        for text in [false, true] {
            let wire = if text {
                base64::engine::general_purpose::STANDARD
                    .encode(&message)
                    .into_bytes()
            } else {
                message.clone()
            };
            // Split so that the prefix spans several frames.
            let frames = [&wire[..3], &wire[3..6], &wire[6..]]
                .into_iter()
                .map(|c| Frame::data(Bytes::copy_from_slice(c)))
                .collect();
            let (budget, admission) = call(1000, text);
            let gate = grpc_gate(&admission, None, 1 << 20);
            let mut body = AdmittedBody::new(Frames(Some(frames)), gate, Duration::from_secs(5));
            assert_eq!(reserved_kib(&budget), 0, "nothing before the first bytes");
            let mut got = Vec::new();
            while let Some(bytes) = next(&mut body).await {
                got.extend_from_slice(&bytes);
            }
            assert_eq!(got, wire, "text {text}");
            // The whole body is that one message.
            let body_len = to_u64(wire.len());
            assert_eq!(
                reserved_kib(&budget),
                request_cost(body_len, text).div_ceil(KIB),
                "text {text}"
            );
            admission.release();
        }
    }

    #[tokio::test]
    async fn a_body_that_never_comes_reserves_nothing_and_times_out() {
        let (budget, admission) = call(100, false);
        let gate = grpc_gate(&admission, Some(1 << 20), 1 << 20);
        let mut body = AdmittedBody::new(Frames(None), gate, Duration::from_millis(50));
        let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        let error = frame.unwrap().unwrap_err();
        let status = error.downcast_ref::<tonic::Status>().unwrap();
        assert_eq!(status.code(), tonic::Code::DeadlineExceeded);
        assert_eq!(reserved_kib(&budget), 0);
    }

    #[tokio::test]
    async fn a_prefix_above_the_message_limit_reserves_the_overhead_only() {
        let (budget, admission) = call(10_000, false);
        let gate = grpc_gate(&admission, None, 1000);
        let mut wire = vec![0u8];
        wire.extend_from_slice(&u32::MAX.to_be_bytes());
        let frames = [Frame::data(Bytes::from(wire))].into();
        let mut body = AdmittedBody::new(Frames(Some(frames)), gate, Duration::from_secs(5));
        assert!(next(&mut body).await.is_some());
        assert_eq!(reserved_kib(&budget), CALL_OVERHEAD_BYTES / KIB);
    }

    #[tokio::test]
    async fn responses_larger_than_the_budget_are_refused() {
        let (budget, call) = call(100, false);
        let refused = call.reserve_response(100 * KIB).await.unwrap_err();
        assert_eq!(refused.budget_bytes, 100 * KIB);
        assert!(refused.cost_bytes > 200 * KIB);
        assert_eq!(reserved_kib(&budget), 0);
    }

    #[tokio::test]
    async fn response_frames_keep_the_reservation_until_dropped() {
        let (budget, call) = call(100, false);
        call.admit(10 * KIB).await;
        call.settle_response(KIB);
        call.response_started();
        let frames = [Frame::data(Bytes::from_static(b"frame"))].into();
        let mut body = ReleasingBody::new(Frames(Some(frames)), Some(call));
        let frame = next(&mut body).await.unwrap();
        assert_eq!(&frame[..], b"frame");
        assert!(next(&mut body).await.is_none());
        drop(body);
        // The server still holds the last frame (e.g. queued for a slow client).
        assert_eq!(reserved_kib(&budget), 18);
        drop(frame);
        assert_eq!(reserved_kib(&budget), 0);
    }
}
