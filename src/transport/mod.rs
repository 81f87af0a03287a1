//! The HTTP layer behind one trait: on wasm a JS transport object (js/fetch.js: gRPC-web over `fetch`; js/http2.js:
//! gRPC over `node:http2`), a native client for host tests.
//!
//! A transport sends one POST and hands back status, headers and a body that can be read whole or chunk by
//! chunk (for server streams), always as binary gRPC-web frames: gRPC-web text mode's base64 and gRPC's HTTP/2
//! trailers (handed over as a trailer frame at the end of the body) are the transport's business. Deadlines and
//! cancellation belong to the transport because only it can abort an in-flight request; it reports which one fired
//! so the core can classify the failure without parsing messages.

#[cfg(target_arch = "wasm32")]
pub mod driver;
#[cfg(target_arch = "wasm32")]
pub mod js;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;

use std::future::Future;

use crate::core::rpc::Wire;

/// One HTTP POST.
#[derive(Debug, Clone)]
pub struct HttpRequest {
    /// `scheme://host[:port]` of the endpoint.
    pub origin: String,
    /// `/<package>.<Service>/<Method>`.
    pub path: &'static str,
    /// Request headers as `name\nvalue\n…` (lower-case names; values never contain a newline): one string, so
    /// building them allocates once and the JS transports get them in one copy.
    pub headers: String,
    /// Request body: one binary frame.
    pub body: Vec<u8>,
    /// gRPC-web text mode: the transport sends the body as base64 and decodes a `application/grpc-web-text` reply.
    pub text: bool,
    /// Abort the request (including reading its body) after this many milliseconds; `0` = no timeout.
    /// Streams use it as the deadline of their first message and then [`ResponseBody::disarm`] it.
    pub timeout_ms: u32,
    /// A long-lived server stream: `timeout_ms` bounds only the wait for the response headers and first
    /// message, never the whole body.
    pub streaming: bool,
}

/// Response status line and headers; the body is read separately.
#[derive(Debug)]
pub struct HttpResponse<B> {
    /// HTTP status code.
    pub status: u16,
    /// Response headers, names lower-cased. The core reads `content-type`, and every header only when the reply is
    /// trailers-only (`grpc-status` among them); a transport may leave the others out (the JS transports do, to
    /// avoid copying them across the JS boundary on every call).
    pub headers: Vec<(String, String)>,
    /// The body reader.
    pub body: B,
}

impl<B> HttpResponse<B> {
    /// The first header called `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request produced no response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// The request's `timeout_ms` elapsed.
    Timeout,
    /// The caller's cancellation signal fired.
    Cancelled,
    /// Connection refused, reset, DNS, CORS, or any other network failure.
    Network(String),
}

/// A response body that can be consumed whole or as a stream of chunks (binary frames, see the module comment).
#[allow(async_fn_in_trait)] // single-threaded wasm futures are !Send by nature
pub trait ResponseBody {
    /// The next chunk, or `None` at the end of the body.
    async fn chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError>;
    /// The whole remaining body.
    async fn bytes(self) -> Result<Vec<u8>, TransportError>;
    /// Cancels the request's timeout (a long-lived stream that has delivered its first message).
    fn disarm(&mut self);
}

/// The platform the client runs on: HTTP, timers and a clock.
pub trait Transport {
    /// The protocol this transport speaks (it decides endpoints and request headers).
    fn wire(&self) -> Wire;
    /// A caller-owned cancellation signal (a JS `AbortSignal` on wasm).
    type Signal;
    /// The body reader of a response.
    type Body: ResponseBody;
    /// Sends one request; resolves when headers arrive.
    fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&Self::Signal>,
    ) -> impl Future<Output = Result<HttpResponse<Self::Body>, TransportError>>;
    /// Waits `ms` milliseconds.
    fn sleep(&self, ms: u32) -> impl Future<Output = ()>;
    /// Milliseconds since an arbitrary fixed point (monotonic where the platform allows).
    fn now_ms(&self) -> f64;
    /// A uniform random number in `[0, 1)` (retry jitter).
    fn random(&self) -> f64;
    /// Whether the caller's signal has fired.
    fn is_cancelled(signal: &Self::Signal) -> bool;
}
