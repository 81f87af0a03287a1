//! wasm transport: a JS transport object handed in by the facade — js/fetch.js (gRPC-web over the global or a given
//! `fetch`: browsers, workers, Deno) or js/http2.js (gRPC over `node:http2`, Node only, so it never enters a browser
//! bundle). Both run one request per `Call` under one deadline timer and the caller's `AbortSignal`, read the whole
//! body of unary replies, hand it over as binary gRPC-web frames (text mode's base64 and gRPC's HTTP/2 trailers are
//! theirs to translate), and record which of deadline, signal or network failed — so a call costs one awaited promise
//! here, and errors are classified by flags, never guessed from messages. Dropping an unfinished call cancels it.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::driver::wait;
use super::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};
use crate::core::rpc::Wire;
use crate::core::text::split_ascii;

#[wasm_bindgen]
extern "C" {
    /// A transport object (js/fetch.js `FetchTransport`, js/http2.js `Http2Transport`).
    #[wasm_bindgen(typescript_type = "Transport")]
    pub type JsTransport;

    /// `true` for gRPC over HTTP/2, `false` for gRPC-web.
    #[wasm_bindgen(method, getter)]
    fn grpc(this: &JsTransport) -> bool;
    /// Starts one request (see js/fetch.js `FetchTransport.call`): `headers` is `name\nvalue\n…`; `body` is copied
    /// before this returns.
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    fn call(
        this: &JsTransport,
        origin: &str,
        path: &str,
        headers: &str,
        body: &[u8],
        text: bool,
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
        streaming: bool,
    ) -> Call;
    /// Resolves after `ms` milliseconds.
    #[wasm_bindgen(method)]
    fn sleep(this: &JsTransport, ms: u32) -> Promise;

    /// One request.
    type Call;

    #[wasm_bindgen(method)]
    fn response(this: &Call) -> Promise;
    #[wasm_bindgen(method)]
    fn read(this: &Call) -> Promise;
    #[wasm_bindgen(method, js_name = takeBody)]
    fn take_body(this: &Call) -> Vec<u8>;
    #[wasm_bindgen(method)]
    fn disarm(this: &Call);
    #[wasm_bindgen(method)]
    fn cancel(this: &Call);
    #[wasm_bindgen(method, getter)]
    fn failure(this: &Call) -> u32;
    #[wasm_bindgen(method, getter)]
    fn message(this: &Call) -> String;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Call) -> u16;
    #[wasm_bindgen(method, getter, js_name = contentType)]
    fn content_type(this: &Call) -> String;
    #[wasm_bindgen(method, getter)]
    fn headers(this: &Call) -> String;
}

/// The transport of every wasm client: a JS transport object and the protocol it speaks.
pub struct WasmTransport {
    js: JsTransport,
    wire: Wire,
}

impl WasmTransport {
    /// Wraps a JS transport object.
    pub fn new(js: JsTransport) -> Self {
        let wire = if js.grpc() { Wire::Grpc } else { Wire::GrpcWeb };
        Self { js, wire }
    }
}

/// A request in flight; aborts it when dropped before it finished.
struct Guard {
    call: Call,
    finished: bool,
}

impl Guard {
    /// Awaits a `Call` promise (`true` = data); `Ok(false)` is the end of a stream.
    async fn settle(&mut self, promise: Promise) -> Result<bool, TransportError> {
        if wait(promise).await.is_truthy() {
            return Ok(true);
        }
        self.finished = true;
        match self.call.failure() {
            0 => Ok(false),
            1 => Err(TransportError::Timeout),
            2 => Err(TransportError::Cancelled),
            _ => Err(TransportError::Network(self.call.message())),
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.finished {
            self.call.cancel();
        }
    }
}

/// A response body: already read for unary calls, read chunk by chunk for streams.
pub struct JsBody {
    guard: Guard,
    /// The whole body of a unary reply (taken from the call when its response resolved).
    whole: Option<Vec<u8>>,
}

impl ResponseBody for JsBody {
    async fn chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        if let Some(body) = self.whole.take() {
            return Ok(Some(body));
        }
        if self.guard.finished {
            return Ok(None);
        }
        let promise = self.guard.call.read();
        Ok(if self.guard.settle(promise).await? {
            Some(self.guard.call.take_body())
        } else {
            None
        })
    }

    fn disarm(&mut self) {
        self.guard.call.disarm();
    }

    async fn bytes(mut self) -> Result<Vec<u8>, TransportError> {
        let mut body = self.whole.take().unwrap_or_default();
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

impl Transport for WasmTransport {
    type Signal = AbortSignal;
    type Body = JsBody;

    fn wire(&self) -> Wire {
        self.wire
    }

    /// Sends the request. The response carries `content-type` and, only when the reply is trailers-only
    /// (`grpc-status` among the headers), every header: nothing else is read by the core.
    async fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&AbortSignal>,
    ) -> Result<HttpResponse<JsBody>, TransportError> {
        // One string rather than a string per name and value: one copy into JS per call, and a transport can
        // recognise headers it has seen before (they mostly repeat) and reuse what it made of them.
        let call = self.js.call(
            &request.origin,
            request.path,
            &request.headers,
            &request.body,
            request.text,
            request.timeout_ms,
            signal,
            request.streaming,
        );
        let mut guard = Guard {
            call,
            finished: false,
        };
        let promise = guard.call.response();
        guard.settle(promise).await?;
        let all = guard.call.headers();
        let mut headers = Vec::new();
        if all.is_empty() {
            headers.push(("content-type".to_owned(), guard.call.content_type()));
        }
        let mut lines = split_ascii(&all, b'\n');
        while let (Some(k), Some(v)) = (lines.next(), lines.next()) {
            headers.push((k.to_owned(), v.to_owned()));
        }
        let whole = (!request.streaming).then(|| {
            guard.finished = true;
            guard.call.take_body()
        });
        Ok(HttpResponse {
            status: guard.call.status(),
            headers,
            body: JsBody { guard, whole },
        })
    }

    async fn sleep(&self, ms: u32) {
        wait(self.js.sleep(ms)).await;
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    fn is_cancelled(signal: &AbortSignal) -> bool {
        signal.aborted()
    }
}
