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
//! [`InFlightLayer`] is the outermost layer. For every request it creates an [`Admission`]
//! (also put into the request's extensions) and reserves the request's cost in a tokio
//! [`Semaphore`] of KiB permits, which is FIFO-fair: a large call waiting at the head is not
//! overtaken by later small ones, which queue behind it. A call costing more than the whole
//! budget reserves all of it and so runs alone.
//! - **HTTP/1.1 with `content-length`** (gRPC-web from browsers, `fetch` and the SDKs): the
//!   cost is reserved *before* the request reaches the inner layers, so before any body byte is
//!   read; a call that does not fit waits. Waiting is backpressure: the connection is not read
//!   meanwhile, and the client's deadline (`grpc-timeout`, applied by tonic outside this layer)
//!   still runs.
//! - **HTTP/2, or no `content-length`** (native gRPC): the cost comes from `content-length` or,
//!   without one, from the length prefix of the first gRPC message as the body streams through.
//!   These requests never wait: streams of one HTTP/2 connection share its flow-control window,
//!   so a stream whose body is not read while it waits can starve the stream it waits for. They
//!   take what is free at once and queue the rest behind the calls already waiting (a background
//!   acquisition, dropped when the call ends), so later calls wait until the overdraft is
//!   covered: the budget can be exceeded by HTTP/2 request bodies in flight, never for long.
//!
//! The response: data-plane handlers ([`crate::services::scs`]) know, before copying anything
//! out of the store, how much the items they are about to return weigh
//! ([`crate::store::Store::charged_size`]). They grow the reservation to the response's cost
//! ([`Admission::reserve_response`], which may wait on any protocol: the request has been read
//! by then) and, once the response message exists, trim it to the exact cost
//! ([`Admission::settle_response`]); the layer then keeps the reservation until the response
//! body has been sent or dropped. Calls whose handler did not claim the reservation release it
//! as soon as the response head is ready (the request has been consumed by then), so long-lived
//! streams (topic subscriptions) hold nothing.
//!
//! # No deadlock
//! A task waits for permits only while it holds none: the layer reserves before anything else,
//! and a handler that needs more than it holds takes the difference only if it is free at once,
//! otherwise it gives back what it holds and then waits for the whole amount. Holders never wait
//! for permits (an overdraft's background acquisition does not hold its call back), so they
//! finish and release.
//!
//! Not covered (they belong to the baseline allowance of [`crate::limits::MemoryBudget`]):
//! connection buffers, responses of the control plane, tokens, topics and leaderboards, and
//! messages kept by topic buffers for resuming subscribers.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::task::{Context, Poll};

use base64::Engine as _;
use bytes::Bytes;
use http::{HeaderMap, Request, Response, Version};
use http_body::{Body, Frame, SizeHint};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::AbortHandle;

use crate::metrics::to_u64;

/// Bytes per semaphore permit.
const UNIT_BYTES: u64 = 1024;

/// Fixed bytes charged per call on top of its bodies (see the module docs).
pub const CALL_OVERHEAD_BYTES: u64 = 16 * 1024;

/// Bytes a request with a body of `body_len` bytes holds at its worst moment (module docs).
pub fn request_cost(body_len: u64, text: bool) -> u64 {
    let copies = if text {
        body_len.saturating_mul(3) / 2
    } else {
        body_len.saturating_mul(2)
    };
    CALL_OVERHEAD_BYTES.saturating_add(copies)
}

/// Bytes a response whose message encodes to `message_len` bytes holds at its worst moment
/// (module docs).
pub fn response_cost(message_len: u64, text: bool) -> u64 {
    let copies = if text {
        message_len.saturating_mul(7) / 3
    } else {
        message_len.saturating_mul(2)
    };
    CALL_OVERHEAD_BYTES.saturating_add(copies)
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
    overdrafts: AtomicU64,
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
    /// Requests admitted without waiting although the budget was short (HTTP/2 and bodies
    /// without `content-length`, see the module docs).
    pub overdrafts: u64,
}

impl fmt::Display for InFlightMetrics {
    /// `budget_bytes=… reserved_bytes=… peak_reserved_bytes=… reservations=… waits=…
    /// overdrafts=…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "budget_bytes={} reserved_bytes={} peak_reserved_bytes={} reservations={} waits={} \
             overdrafts={}",
            self.budget_bytes,
            self.reserved_bytes,
            self.peak_reserved_bytes,
            self.reservations,
            self.waits,
            self.overdrafts
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
            overdrafts: AtomicU64::new(0),
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
            overdrafts: self.overdrafts.load(Ordering::Relaxed),
        }
    }
}

/// What one call holds.
#[derive(Debug, Default)]
struct Held {
    permit: Option<OwnedSemaphorePermit>,
    /// The background acquisition covering an overdraft (see [`Admission::admit_now`]).
    pending: Option<AbortHandle>,
    /// A handler claimed the reservation for the response body.
    for_response: bool,
    /// Everything was given back: late permits from `pending` are dropped.
    released: bool,
}

impl Held {
    /// Stops a pending background acquisition (its partial permits go back to the budget).
    fn stop_pending(&mut self) {
        if let Some(pending) = self.pending.take() {
            pending.abort();
        }
    }
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

impl Drop for Reservation {
    /// The last holder is gone: the permits go back with `held`, and a pending background
    /// acquisition stops.
    fn drop(&mut self) {
        self.held().stop_pending();
    }
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

    /// Reserves `bytes` for the request, waiting if the budget is short (the layer, holding
    /// nothing, before the call; HTTP/1.1 with `content-length`).
    async fn admit(&self, bytes: u64) {
        let units = self.0.budget.units_for(bytes);
        let permit = self.0.budget.acquire(units).await;
        self.held().permit = permit;
    }

    /// Reserves `bytes` for the request without waiting (HTTP/2, or a body without
    /// `content-length`, see the module docs): takes what is free now and queues a background
    /// acquisition for the rest, which later calls wait behind.
    fn admit_now(&self, bytes: u64) {
        let budget = &self.0.budget;
        let units = budget.units_for(bytes);
        if let Some(permit) = budget.try_take(units) {
            self.held().permit = Some(permit);
            return;
        }
        budget.overdrafts.fetch_add(1, Ordering::Relaxed);
        let free = u32::try_from(budget.semaphore.available_permits())
            .unwrap_or(u32::MAX)
            .min(units);
        let now = if free > 0 {
            budget.try_take(free)
        } else {
            None
        };
        let missing = units.saturating_sub(count(now.as_ref()));
        let mut held = self.held();
        held.permit = now;
        if missing > 0 {
            let reservation: Weak<Reservation> = Arc::downgrade(&self.0);
            let budget = Arc::clone(budget);
            let task = tokio::spawn(async move {
                let Some(extra) = budget.acquire(missing).await else {
                    return;
                };
                if let Some(reservation) = reservation.upgrade() {
                    let mut held = reservation.held();
                    if !held.released {
                        held.pending = None;
                        merge(&mut held.permit, extra);
                    }
                }
            });
            held.pending = Some(task.abort_handle());
        }
    }

    /// Grows the reservation to cover a response whose message should encode to about
    /// `message_len` bytes, before the handler builds it. Waits (holding nothing) if the
    /// budget is short; see the module docs.
    pub async fn reserve_response(&self, message_len: u64) {
        let budget = &self.0.budget;
        let want = budget.units_for(response_cost(message_len, self.0.text));
        let held = {
            let mut held = self.held();
            // The request has been read: an overdraft's pending acquisition is moot.
            held.stop_pending();
            count(held.permit.as_ref())
        };
        if want <= held {
            return;
        }
        if let Some(extra) = budget.try_take(want.saturating_sub(held)) {
            merge(&mut self.held().permit, extra);
            return;
        }
        // Give back what is held, then wait for the whole amount: never wait while holding.
        let returned = self.held().permit.take();
        drop(returned);
        let permit = budget.acquire(want).await;
        self.held().permit = permit;
    }

    /// Trims (or, if free at once, grows) the reservation to the cost of a response message
    /// of `message_len` bytes and keeps it until the response body is done.
    pub fn settle_response(&self, message_len: u64) {
        let budget = &self.0.budget;
        let want = budget.units_for(response_cost(message_len, self.0.text));
        let mut held = self.held();
        held.stop_pending();
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
        let returned = {
            let mut held = self.held();
            held.released = true;
            held.stop_pending();
            held.permit.take()
        };
        drop(returned);
    }
}

/// Tower layer enforcing an [`InFlightBudget`] (outermost; see the module docs). Without a
/// budget (no memory cap) it only wraps the bodies.
#[derive(Debug, Clone)]
pub struct InFlightLayer {
    budget: Option<Arc<InFlightBudget>>,
}

impl InFlightLayer {
    /// A layer enforcing `budget` (`None`: no admission control).
    pub fn new(budget: Option<Arc<InFlightBudget>>) -> Self {
        Self { budget }
    }
}

impl<S> tower_layer::Layer<S> for InFlightLayer {
    type Service = InFlightService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        InFlightService {
            inner,
            budget: self.budget.clone(),
        }
    }
}

/// The service produced by [`InFlightLayer`].
#[derive(Debug, Clone)]
pub struct InFlightService<S> {
    inner: S,
    budget: Option<Arc<InFlightBudget>>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for InFlightService<S>
where
    S: tower_service::Service<Request<AdmittedBody<ReqBody>>, Response = Response<ResBody>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    ReqBody: Body<Data = Bytes> + Send + 'static,
{
    type Response = Response<ReleasingBody<ResBody>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        // The ready service handles this request; the clone waits for the next one.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let Some(budget) = self.budget.clone() else {
            let future = inner.call(request.map(|body| AdmittedBody::new(body, None)));
            return Box::pin(async move {
                Ok(future.await?.map(|body| ReleasingBody::new(body, None)))
            });
        };
        let (mut parts, body) = request.into_parts();
        let text = is_text(&parts.headers);
        let admission = Admission::new(budget, text);
        parts.extensions.insert(admission.clone());
        let length = content_length(&parts.headers);
        let may_wait = parts.version < Version::HTTP_2;
        Box::pin(async move {
            let body = match length {
                Some(len) if may_wait => {
                    admission.admit(request_cost(len, text)).await;
                    AdmittedBody::new(body, None)
                }
                Some(len) => {
                    admission.admit_now(request_cost(len, text));
                    AdmittedBody::new(body, None)
                }
                None => AdmittedBody::new(body, Some(Peek::new(admission.clone(), text))),
            };
            let response = inner.call(Request::from_parts(parts, body)).await;
            admission.response_started();
            Ok(response?.map(|body| ReleasingBody::new(body, Some(admission))))
        })
    }
}

/// Reading the first gRPC message's length prefix of a request without `content-length`, as
/// its body streams through.
#[derive(Debug)]
struct Peek {
    admission: Admission,
    text: bool,
    /// The first body bytes (base64 in text mode), up to the prefix.
    head: Vec<u8>,
}

/// Bytes of the body needed to read the 5-byte prefix (flag, u32 length): 8 base64 characters
/// decode to 6 bytes.
const fn prefix_len(text: bool) -> usize {
    if text {
        8
    } else {
        5
    }
}

impl Peek {
    fn new(admission: Admission, text: bool) -> Self {
        Self {
            admission,
            text,
            head: Vec::new(),
        }
    }

    /// The cost of the request whose body starts with `head` (the overhead alone if it cannot
    /// be read: the inner layers reject such a body anyway).
    fn cost(&self) -> u64 {
        let decoded;
        let prefix = if self.text {
            decoded = base64::engine::general_purpose::STANDARD
                .decode(self.head.get(..8).unwrap_or_default())
                .unwrap_or_default();
            decoded.as_slice()
        } else {
            self.head.as_slice()
        };
        let len = match prefix.get(1..5) {
            Some(&[a, b, c, d]) => u64::from(u32::from_be_bytes([a, b, c, d])),
            _ => 0,
        };
        // The body of that one message (in its own encoding) plus the prefix.
        let body = if self.text {
            len.saturating_add(5).div_ceil(3).saturating_mul(4)
        } else {
            len.saturating_add(5)
        };
        request_cost(body, self.text)
    }

    /// Notes a frame going through; true once the admission is made.
    fn saw(&mut self, frame: Option<&Frame<Bytes>>) -> bool {
        let need = prefix_len(self.text);
        if let Some(data) = frame.and_then(Frame::data_ref) {
            let missing = need.saturating_sub(self.head.len()).min(data.len());
            self.head
                .extend_from_slice(data.get(..missing).unwrap_or_default());
            if self.head.len() < need {
                return false;
            }
        }
        // The prefix is complete, or the body ended or sent trailers before it was.
        self.admission.admit_now(self.cost());
        true
    }
}

/// The request body handed to the inner layers: the original one, whose first gRPC length
/// prefix is read on the way through when the request has no `content-length`.
#[derive(Debug)]
pub struct AdmittedBody<B> {
    inner: Pin<Box<B>>,
    peek: Option<Peek>,
}

impl<B> AdmittedBody<B> {
    fn new(inner: B, peek: Option<Peek>) -> Self {
        Self {
            inner: Box::pin(inner),
            peek,
        }
    }
}

impl<B: Body<Data = Bytes>> Body for AdmittedBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = &mut *self;
        let polled = this.inner.as_mut().poll_frame(cx);
        if let Some(peek) = this.peek.as_mut() {
            let done = match &polled {
                Poll::Pending => false,
                Poll::Ready(Some(Ok(frame))) => peek.saw(Some(frame)),
                Poll::Ready(None) => peek.saw(None),
                // The inner layers fail the call; nothing is reserved.
                Poll::Ready(Some(Err(_))) => true,
            };
            if done {
                this.peek = None;
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
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

    #[tokio::test]
    async fn admissions_queue_and_release() {
        let budget = budget(100);
        let a = Admission::new(Arc::clone(&budget), false);
        a.admit(60 * KIB).await;
        assert_eq!(reserved_kib(&budget), 60);
        // A call bigger than the whole budget takes all of it once free, so it waits.
        let b = Admission::new(Arc::clone(&budget), false);
        let b2 = b.clone();
        let waiting = tokio::spawn(async move { b2.admit(1000 * KIB).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        a.release();
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("admitted once the first call released")
            .unwrap();
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
        let budget = budget(100);
        let holder = Admission::new(Arc::clone(&budget), false);
        holder.admit(70 * KIB).await;
        // A read holding 1 KiB for its request needs 16 KiB + 2 × 20 KiB for its response: not
        // free, so it gives its 1 KiB back and waits for 56 KiB.
        let reader = Admission::new(Arc::clone(&budget), false);
        reader.admit(500).await;
        assert_eq!(reserved_kib(&budget), 71);
        let r2 = reader.clone();
        let waiting = tokio::spawn(async move { r2.reserve_response(20 * KIB).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        assert_eq!(reader.held_units(), 0, "the waiting read holds nothing");
        holder.release();
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("no deadlock")
            .unwrap();
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
        let budget = budget(100);
        let call = Admission::new(Arc::clone(&budget), true);
        call.admit(10 * KIB).await;
        assert_eq!(reserved_kib(&budget), 10);
        call.response_started();
        assert_eq!(reserved_kib(&budget), 0);
    }

    #[tokio::test]
    async fn an_overdraft_never_waits_and_queues_the_rest() {
        let budget = budget(100);
        let a = Admission::new(Arc::clone(&budget), false);
        a.admit(80 * KIB).await;
        // An HTTP/2 request of 50 KiB: 20 now, 30 queued in the background, no waiting.
        let b = Admission::new(Arc::clone(&budget), false);
        b.admit_now(50 * KIB);
        assert_eq!(b.held_units(), 20);
        assert_eq!(budget.metrics().overdrafts, 1);
        // A later call waits behind the queued rest.
        let c = Admission::new(Arc::clone(&budget), false);
        let c2 = c.clone();
        let waiting = tokio::spawn(async move { c2.admit(10 * KIB).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished());
        a.release();
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("admitted once the overdraft is covered")
            .unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(b.held_units(), 50, "the background acquisition completed");
        assert_eq!(reserved_kib(&budget), 60);
        b.release();
        c.release();
        assert_eq!(reserved_kib(&budget), 0);
    }

    #[tokio::test]
    async fn releasing_stops_a_pending_overdraft() {
        let budget = budget(100);
        let a = Admission::new(Arc::clone(&budget), false);
        a.admit(100 * KIB).await;
        let b = Admission::new(Arc::clone(&budget), false);
        b.admit_now(50 * KIB);
        assert_eq!(b.held_units(), 0);
        drop(b);
        tokio::time::sleep(Duration::from_millis(20)).await;
        a.release();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(
            reserved_kib(&budget),
            0,
            "nothing stays with the finished call"
        );
    }

    /// A body of the given frames.
    struct Frames(VecDeque<Frame<Bytes>>);

    impl Body for Frames {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            Poll::Ready(self.0.pop_front().map(Ok))
        }
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
            let budget = budget(1000);
            let admission = Admission::new(Arc::clone(&budget), text);
            let mut body =
                AdmittedBody::new(Frames(frames), Some(Peek::new(admission.clone(), text)));
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
    async fn response_frames_keep_the_reservation_until_dropped() {
        let budget = budget(100);
        let call = Admission::new(Arc::clone(&budget), false);
        call.admit(10 * KIB).await;
        call.settle_response(KIB);
        call.response_started();
        let frames = [Frame::data(Bytes::from_static(b"frame"))].into();
        let mut body = ReleasingBody::new(Frames(frames), Some(call));
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
