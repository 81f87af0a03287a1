//! wasm transport: the *global* `fetch` (browsers, Node ≥ 18, Workers, Deno — no XHR). The JS half
//! (`fetch.js`, beside this file) runs one request per `Call` under an `AbortController` that fires on the
//! deadline or on the caller's `AbortSignal`, reads the whole body of unary replies, and records which of
//! deadline, signal or network failed — so a call costs one awaited promise here, and errors are classified by
//! flags, never guessed from messages. Dropping an unfinished call aborts its request.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::driver::wait;
use super::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};
use crate::core::text::split_ascii;

#[wasm_bindgen(module = "/src/transport/fetch.js")]
extern "C" {
    /// One request (see fetch.js).
    type Call;

    #[wasm_bindgen(constructor)]
    fn new(
        url: &str,
        headers: Array,
        body: &[u8],
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
        streaming: bool,
    ) -> Call;
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

    /// Resolves after `ms` milliseconds.
    fn sleep(ms: u32) -> Promise;
}

/// Transport over the global `fetch`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchTransport;

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

/// A `fetch` response body: already read for unary calls, read chunk by chunk for streams.
pub struct FetchBody {
    guard: Guard,
    /// The whole body of a unary reply (taken from the call when its response resolved).
    whole: Option<Vec<u8>>,
}

impl ResponseBody for FetchBody {
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

impl Transport for FetchTransport {
    type Signal = AbortSignal;
    type Body = FetchBody;

    /// Sends the request. The response carries `content-type` and, only when the reply is trailers-only
    /// (`grpc-status` among the headers), every header: nothing else is read by the core.
    async fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&AbortSignal>,
    ) -> Result<HttpResponse<FetchBody>, TransportError> {
        let headers = Array::new();
        for (k, v) in &request.headers {
            headers.push(&JsValue::from_str(k));
            headers.push(&JsValue::from_str(v));
        }
        let call = Call::new(
            &request.url,
            headers,
            &request.body,
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
            body: FetchBody { guard, whole },
        })
    }

    async fn sleep(&self, ms: u32) {
        wait(sleep(ms)).await;
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
