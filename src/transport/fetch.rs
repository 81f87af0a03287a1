//! wasm transport: the *global* `fetch` (browsers, Node ≥ 18, Workers, Deno — no XHR) with an
//! `AbortController` per call that fires on the deadline, on the caller's `AbortSignal`, or when the call's
//! future is dropped. Which one fired is recorded in flags, never guessed from error messages.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, ReadableStreamDefaultReader, RequestInit};

use super::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, whatever the global object is (window, worker, Node, workerd).
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(input: &str, init: &RequestInit) -> Promise;
}

/// Transport over the global `fetch`.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchTransport;

/// Aborts its request when dropped; remembers whether the deadline or the caller's signal fired.
struct AbortGuard {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    cancelled: Rc<Cell<bool>>,
    timer: Option<Timeout>,
    listener: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl AbortGuard {
    fn new(timeout_ms: u32, user: Option<&AbortSignal>) -> Result<Self, TransportError> {
        let controller = AbortController::new().map_err(|e| network(&e))?;
        let timed_out = Rc::new(Cell::new(false));
        let cancelled = Rc::new(Cell::new(false));
        let timer = (timeout_ms > 0).then(|| {
            let (c, flag) = (controller.clone(), timed_out.clone());
            Timeout::new(timeout_ms, move || {
                flag.set(true);
                c.abort();
            })
        });
        let listener = match user {
            Some(signal) => {
                if signal.aborted() {
                    return Err(TransportError::Cancelled);
                }
                let (c, flag) = (controller.clone(), cancelled.clone());
                let closure = Closure::<dyn FnMut()>::new(move || {
                    flag.set(true);
                    c.abort();
                });
                signal
                    .add_event_listener_with_callback("abort", closure.as_ref().unchecked_ref())
                    .map_err(|e| network(&e))?;
                Some((signal.clone(), closure))
            }
            None => None,
        };
        Ok(Self {
            controller,
            timed_out,
            cancelled,
            timer,
            listener,
        })
    }

    /// Turns a rejected promise into the reason the request really failed.
    fn classify(&self, error: &JsValue) -> TransportError {
        if self.cancelled.get() {
            TransportError::Cancelled
        } else if self.timed_out.get() {
            TransportError::Timeout
        } else {
            network(error)
        }
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if let Some((signal, closure)) = self.listener.take() {
            let _ = signal
                .remove_event_listener_with_callback("abort", closure.as_ref().unchecked_ref());
        }
        // Cancel-on-drop: a dropped call must not keep a request (or a stream) open.
        self.controller.abort();
    }
}

/// A `fetch` response body; keeps the abort guard alive until the body is consumed.
pub struct FetchBody {
    response: web_sys::Response,
    reader: Option<ReadableStreamDefaultReader>,
    guard: AbortGuard,
}

impl ResponseBody for FetchBody {
    async fn chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        if self.reader.is_none() {
            let Some(stream) = self.response.body() else {
                return Ok(None);
            };
            let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
            self.reader = Some(reader);
        }
        let Some(reader) = self.reader.as_ref() else {
            return Ok(None);
        };
        let result = JsFuture::from(reader.read())
            .await
            .map_err(|e| self.guard.classify(&e))?;
        let done = Reflect::get(&result, &JsValue::from_str("done"))
            .map(|v| v.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(None);
        }
        let value = Reflect::get(&result, &JsValue::from_str("value")).map_err(|e| network(&e))?;
        Ok(Some(value.unchecked_into::<Uint8Array>().to_vec()))
    }

    fn disarm(&mut self) {
        // Dropping the gloo `Timeout` clears it.
        self.guard.timer = None;
    }

    async fn bytes(self) -> Result<Vec<u8>, TransportError> {
        let promise = self.response.array_buffer().map_err(|e| network(&e))?;
        let buffer = JsFuture::from(promise)
            .await
            .map_err(|e| self.guard.classify(&e))?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }
}

impl Transport for FetchTransport {
    type Signal = AbortSignal;
    type Body = FetchBody;

    async fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&AbortSignal>,
    ) -> Result<HttpResponse<FetchBody>, TransportError> {
        let guard = AbortGuard::new(request.timeout_ms, signal)?;
        let headers = Headers::new().map_err(|e| network(&e))?;
        for (k, v) in &request.headers {
            headers.set(k, v).map_err(|e| network(&e))?;
        }
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&Uint8Array::from(request.body.as_slice()));
        init.set_signal(Some(&guard.controller.signal()));
        let response = JsFuture::from(global_fetch(&request.url, &init))
            .await
            .map_err(|e| guard.classify(&e))?;
        let response: web_sys::Response = response.unchecked_into();
        let mut headers = Vec::new();
        if let Ok(Some(iter)) = js_sys::try_iter(&response.headers()) {
            for entry in iter.flatten() {
                let pair: js_sys::Array = entry.unchecked_into();
                if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                    headers.push((k.to_ascii_lowercase(), v));
                }
            }
        }
        Ok(HttpResponse {
            status: response.status(),
            headers,
            body: FetchBody {
                response,
                reader: None,
                guard,
            },
        })
    }

    async fn sleep(&self, ms: u32) {
        gloo_timers::future::TimeoutFuture::new(ms).await;
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

/// A readable description of a JS error, including Node's `cause` (e.g. `connect ECONNREFUSED 127.0.0.1:1`).
fn network(error: &JsValue) -> TransportError {
    let text = |v: &JsValue, key: &str| {
        Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|m| m.as_string())
    };
    let mut message = text(error, "message")
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned());
    if let Ok(cause) = Reflect::get(error, &JsValue::from_str("cause")) {
        if let Some(detail) = text(&cause, "message").or_else(|| text(&cause, "code")) {
            message = format!("{message} ({detail})");
        }
    }
    TransportError::Network(message)
}
