//! Native transport for host tests: gRPC-web over reqwest (HTTP/1.1), tokio timers. Never compiled into the wasm
//! build. Text mode's base64 is done here, with the core's codec (`grpc_web::text_body` / `TextBody`).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

use super::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};
use crate::core::grpc_web::{self, FrameError, Mode, TextBody};
use crate::core::rpc::Wire;

/// A reqwest-based transport; cancellation is a `watch` channel that flips to `true`.
#[derive(Debug, Clone)]
pub struct NativeTransport {
    http: reqwest::Client,
    start: Instant,
}

impl NativeTransport {
    /// A transport with its own connection pool.
    pub fn new() -> Self {
        Self {
            http: reqwest::Client::new(),
            start: Instant::now(),
        }
    }
}

impl Default for NativeTransport {
    fn default() -> Self {
        Self::new()
    }
}

/// A streaming reqwest body; `text` decodes a gRPC-web text reply.
#[derive(Debug)]
pub struct NativeBody {
    response: reqwest::Response,
    text: Option<TextBody>,
}

impl NativeBody {
    /// The binary frames of a chunk (text replies decoded).
    fn frames(&mut self, chunk: &[u8]) -> Result<Vec<u8>, TransportError> {
        match &mut self.text {
            Some(text) => text.push(chunk).map_err(bad_text),
            None => Ok(chunk.to_vec()),
        }
    }
}

fn bad_text(e: FrameError) -> TransportError {
    TransportError::Network("undecodable grpc-web-text body: ".to_owned() + &e.text())
}

fn classify(e: &reqwest::Error) -> TransportError {
    if e.is_timeout() {
        TransportError::Timeout
    } else {
        TransportError::Network(e.to_string())
    }
}

impl ResponseBody for NativeBody {
    async fn chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        match self.response.chunk().await.map_err(|e| classify(&e))? {
            Some(chunk) => self.frames(&chunk).map(Some),
            None => {
                if let Some(text) = &self.text {
                    text.finish().map_err(bad_text)?;
                }
                Ok(None)
            }
        }
    }

    fn disarm(&mut self) {
        // Streaming requests carry no reqwest timeout (see `send`), so there is nothing to cancel.
    }

    async fn bytes(mut self) -> Result<Vec<u8>, TransportError> {
        let mut body = Vec::new();
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

impl Transport for NativeTransport {
    type Signal = watch::Receiver<bool>;
    type Body = NativeBody;

    fn wire(&self) -> Wire {
        Wire::GrpcWeb
    }

    async fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&Self::Signal>,
    ) -> Result<HttpResponse<NativeBody>, TransportError> {
        let body = if request.text {
            grpc_web::text_body(&request.body)
        } else {
            request.body.clone()
        };
        let url = [request.origin.as_str(), request.path].concat();
        let mut builder = self.http.post(url).body(body);
        // A reqwest timeout covers the whole body, which would cut long-lived streams: here it applies only to
        // unary-sized bodies; streams are bounded by `timeout_ms` until their headers arrive.
        let streaming = request.streaming;
        if request.timeout_ms > 0 && !streaming {
            builder = builder.timeout(Duration::from_millis(u64::from(request.timeout_ms)));
        }
        let mut lines = request.headers.split('\n');
        while let (Some(k), Some(v)) = (lines.next(), lines.next()) {
            builder = builder.header(k, v);
        }
        let timeout = Duration::from_millis(u64::from(request.timeout_ms.max(1)));
        let send = async move {
            if streaming {
                match tokio::time::timeout(timeout, builder.send()).await {
                    Ok(r) => r.map_err(|e| classify(&e)),
                    Err(_) => Err(TransportError::Timeout),
                }
            } else {
                builder.send().await.map_err(|e| classify(&e))
            }
        };
        let response = match signal {
            None => send.await,
            Some(signal) => {
                let mut signal = signal.clone();
                if *signal.borrow() {
                    return Err(TransportError::Cancelled);
                }
                tokio::select! {
                    r = send => r,
                    _ = signal.wait_for(|v| *v) => return Err(TransportError::Cancelled),
                }
            }
        }?;
        let headers = response
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let text = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .and_then(Mode::from_response_content_type)
            == Some(Mode::Text);
        Ok(HttpResponse {
            status: response.status().as_u16(),
            headers,
            body: NativeBody {
                response,
                text: text.then(TextBody::default),
            },
        })
    }

    async fn sleep(&self, ms: u32) {
        tokio::time::sleep(Duration::from_millis(u64::from(ms))).await;
    }

    fn now_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0
    }

    fn is_cancelled(signal: &Self::Signal) -> bool {
        *signal.borrow()
    }

    fn random(&self) -> f64 {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        f64::from(nanos % 1_000_000) / 1_000_000.0
    }
}
