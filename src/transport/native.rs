//! Native transport for host tests: reqwest over HTTP/1.1, tokio timers. Never compiled into the wasm build.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

use super::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};

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

/// A streaming reqwest body.
#[derive(Debug)]
pub struct NativeBody(reqwest::Response);

fn classify(e: &reqwest::Error) -> TransportError {
    if e.is_timeout() {
        TransportError::Timeout
    } else {
        TransportError::Network(e.to_string())
    }
}

impl ResponseBody for NativeBody {
    async fn chunk(&mut self) -> Result<Option<Vec<u8>>, TransportError> {
        self.0
            .chunk()
            .await
            .map(|c| c.map(|b| b.to_vec()))
            .map_err(|e| classify(&e))
    }

    fn disarm(&mut self) {
        // Streaming requests carry no reqwest timeout (see `send`), so there is nothing to cancel.
    }

    async fn bytes(self) -> Result<Vec<u8>, TransportError> {
        self.0
            .bytes()
            .await
            .map(|b| b.to_vec())
            .map_err(|e| classify(&e))
    }
}

impl Transport for NativeTransport {
    type Signal = watch::Receiver<bool>;
    type Body = NativeBody;

    async fn send(
        &self,
        request: &HttpRequest,
        signal: Option<&Self::Signal>,
    ) -> Result<HttpResponse<NativeBody>, TransportError> {
        let mut builder = self.http.post(&request.url).body(request.body.clone());
        // A reqwest timeout covers the whole body, which would cut long-lived streams: here it applies only to
        // unary-sized bodies; streams are bounded by `timeout_ms` until their headers arrive.
        let streaming = request.streaming;
        if request.timeout_ms > 0 && !streaming {
            builder = builder.timeout(Duration::from_millis(u64::from(request.timeout_ms)));
        }
        for (k, v) in &request.headers {
            builder = builder.header(*k, v);
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
        Ok(HttpResponse {
            status: response.status().as_u16(),
            headers,
            body: NativeBody(response),
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
