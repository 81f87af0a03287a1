//! Webhook deliveries: every message published to a topic that has webhooks is POSTed to each
//! webhook's URL, the way Momento's service does it (docs.momentohq.com, topics/webhooks):
//!
//! - body: a JSON object `{"cache", "topic", "event_timestamp", "publish_timestamp",
//!   "topic_sequence_number", "token_id", "text"}` — timestamps in milliseconds since the Unix
//!   epoch (`publish_timestamp` when the message was published, `event_timestamp` when this
//!   delivery was made), `token_id` the publisher's token id (what subscribers get as
//!   `publisher_id`), `text` the published text. Momento documents text messages only; for a
//!   **binary** message this server sends `"text": ""` and the bytes as standard base64 (padded)
//!   in an extra `"binary"` field;
//! - headers: `Content-Type: application/json`, `momento-signature: <hex of HMAC-SHA3-256 over
//!   the raw body, keyed with the UTF-8 bytes of the webhook's secret>` (what the Node SDK's
//!   former `WebhookUtils.validateWebhookRequest` checks) and Momento's
//!   `User-Agent: Momento/1.0 (Webhooks; +https://docs.momentohq.com/topics/webhooks)`;
//! - the endpoint has [`DELIVERY_TIMEOUT`] (5 s, Momento's documented limit) to answer; any
//!   2xx status is a success. Failed or timed-out deliveries are logged and dropped (no retry).
//!
//! # Safety limits (this server's choices)
//! - **Where**: [`DeliveryMode`] (`--webhook-delivery`): `loopback` (the default) POSTs only
//!   when the URL's host resolves to loopback addresses only (so a webhook cannot make the
//!   server reach into the network), `any` to any address, `off` never. The address checked is
//!   the one connected to (no second DNS lookup).
//! - **How**: plain HTTP/1.1 (`Connection: close`) only: `https://` URLs are accepted by
//!   PutWebhook (Momento requires public HTTPS endpoints) but not delivered — there is no TLS
//!   client in this server; each such message is logged.
//! - **How much**: one worker delivers in publish order, one request at a time. At most
//!   [`QUEUE_LEN`] deliveries and [`QUEUE_BYTES`] bytes of bodies wait in the queue; beyond
//!   that a delivery is dropped and counted ([`DeliveryMetrics::dropped`]). The worker stops
//!   with the server.

use std::net::SocketAddr;
use std::str::FromStr as _;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha3::Sha3_256;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, watch};

/// The header carrying the body's signature.
pub const SIGNATURE_HEADER: &str = "momento-signature";

/// Momento's webhook `User-Agent`.
pub const USER_AGENT: &str = "Momento/1.0 (Webhooks; +https://docs.momentohq.com/topics/webhooks)";

/// How long an endpoint has to answer (connect, send, read the status line).
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(5);

/// Most deliveries waiting in the queue.
pub const QUEUE_LEN: usize = 1024;

/// Most body bytes waiting in the queue.
pub const QUEUE_BYTES: usize = 16 * 1024 * 1024;

/// Largest part of a response read while looking for its status line.
const MAX_STATUS_READ: usize = 8 * 1024;

/// Where deliveries may go (`--webhook-delivery`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeliveryMode {
    /// Never deliver (webhooks are still stored and listed).
    Off,
    /// Deliver only to hosts resolving to loopback addresses (the default).
    #[default]
    Loopback,
    /// Deliver to any host.
    Any,
}

/// `hex(HMAC-SHA3-256(key = secret, body))`, the `momento-signature` of `body`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC takes keys of any length: the error branch is unreachable.
    let Ok(mut mac) = <Hmac<Sha3_256> as Mac>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(body);
    crate::secret::hex(&mac.finalize().into_bytes())
}

/// Milliseconds since the Unix epoch.
pub fn unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The JSON body of a delivery (field order as in Momento's documentation).
#[derive(Debug, Serialize)]
struct Payload<'a> {
    cache: &'a str,
    topic: &'a str,
    event_timestamp: u64,
    publish_timestamp: u64,
    topic_sequence_number: u64,
    token_id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    binary: Option<String>,
}

/// A published message, as the deliveries describe it.
#[derive(Debug, Clone, Copy)]
pub struct Published<'a> {
    /// The cache.
    pub cache: &'a str,
    /// The topic.
    pub topic: &'a str,
    /// Its sequence number in the topic.
    pub sequence_number: u64,
    /// The publisher's token id (`""` without one).
    pub token_id: &'a str,
    /// When it was published (ms since the Unix epoch).
    pub publish_timestamp: u64,
    /// The value: text, or bytes.
    pub value: PublishedValue<'a>,
}

/// A published value.
#[derive(Debug, Clone, Copy)]
pub enum PublishedValue<'a> {
    /// A text message.
    Text(&'a str),
    /// A binary message.
    Binary(&'a [u8]),
}

/// The JSON body delivering `message`, made at `event_timestamp` (ms).
pub fn payload(message: &Published<'_>, event_timestamp: u64) -> Vec<u8> {
    let (text, binary) = match message.value {
        PublishedValue::Text(text) => (text, None),
        PublishedValue::Binary(bytes) => ("", Some(STANDARD.encode(bytes))),
    };
    let payload = Payload {
        cache: message.cache,
        topic: message.topic,
        event_timestamp,
        publish_timestamp: message.publish_timestamp,
        topic_sequence_number: message.sequence_number,
        token_id: message.token_id,
        text,
        binary,
    };
    // Serializing strings and integers cannot fail.
    serde_json::to_vec(&payload).unwrap_or_default()
}

/// A webhook destination URL, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostUrl {
    /// `https` (not delivered by this server) rather than `http`.
    pub https: bool,
    /// The host to resolve (IPv6 literals without their brackets).
    pub host: String,
    /// The port (80 / 443 by default).
    pub port: u16,
    /// The `Host` header value (`host[:port]` as written in the URL).
    pub authority: String,
    /// The request target: path and query (`/` when empty).
    pub path: String,
}

/// Longest accepted destination URL, in bytes.
pub const MAX_URL_LEN: usize = 2048;

/// Parses and checks a destination: an absolute `http://` or `https://` URL with a host, at most
/// [`MAX_URL_LEN`] bytes, without user info. The error is a sentence for `INVALID_ARGUMENT`.
pub fn parse_post_url(url: &str) -> Result<PostUrl, String> {
    if url.trim().is_empty() {
        return Err("Webhook destination post_url must not be empty".to_owned());
    }
    if url.len() > MAX_URL_LEN {
        return Err(format!(
            "Webhook destination post_url must be at most {MAX_URL_LEN} bytes"
        ));
    }
    let invalid = || format!("Webhook destination post_url is not a valid http(s) URL: {url:?}");
    let uri = http::Uri::from_str(url).map_err(|_| invalid())?;
    let https = match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("http") => false,
        Some("https") => true,
        _ => {
            return Err(format!(
                "Webhook destination post_url must be an http:// or https:// URL: {url:?}"
            ))
        }
    };
    let authority = uri.authority().ok_or_else(invalid)?;
    if authority.as_str().contains('@') {
        return Err(format!(
            "Webhook destination post_url must not contain user info: {url:?}"
        ));
    }
    let host = authority.host();
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if host.is_empty() {
        return Err(invalid());
    }
    Ok(PostUrl {
        https,
        host: host.to_owned(),
        port: authority.port_u16().unwrap_or(if https { 443 } else { 80 }),
        authority: authority.as_str().to_owned(),
        path: uri.path_and_query().map_or("/", |p| p.as_str()).to_owned(),
    })
}

/// One POST to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// The webhook's cache (for the logs).
    pub cache: String,
    /// The webhook's name (for the logs).
    pub webhook: String,
    /// The destination.
    pub url: String,
    /// The JSON body.
    pub body: Vec<u8>,
    /// Its `momento-signature`.
    pub signature: String,
}

/// Delivery counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryMetrics {
    /// Answered with a 2xx status.
    pub delivered: u64,
    /// Not delivered: refused address, https, connection error, timeout or a non-2xx status.
    pub failed: u64,
    /// Dropped because the queue was full.
    pub dropped: u64,
}

#[derive(Debug, Default)]
struct Counters {
    delivered: AtomicU64,
    failed: AtomicU64,
    dropped: AtomicU64,
    queued_bytes: AtomicUsize,
}

/// The delivery queue and its worker (started by the first delivery, so building a server
/// outside a tokio runtime works).
#[derive(Debug)]
pub struct Delivery {
    mode: DeliveryMode,
    tx: OnceLock<mpsc::Sender<Job>>,
    counters: Arc<Counters>,
    shutdown: watch::Receiver<bool>,
}

impl Delivery {
    /// Deliveries in `mode`, stopping when `shutdown` turns `true` (or its sender is dropped).
    pub fn new(mode: DeliveryMode, shutdown: watch::Receiver<bool>) -> Self {
        Self {
            mode,
            tx: OnceLock::new(),
            counters: Arc::default(),
            shutdown,
        }
    }

    /// The mode in effect.
    pub fn mode(&self) -> DeliveryMode {
        self.mode
    }

    /// The counters so far.
    pub fn metrics(&self) -> DeliveryMetrics {
        DeliveryMetrics {
            delivered: self.counters.delivered.load(Ordering::Relaxed),
            failed: self.counters.failed.load(Ordering::Relaxed),
            dropped: self.counters.dropped.load(Ordering::Relaxed),
        }
    }

    /// Queues `job` (dropping it when the queue is full, or when called outside a tokio runtime before the
    /// worker has started).
    pub fn enqueue(&self, job: Job) {
        if self.mode == DeliveryMode::Off {
            return;
        }
        let size = job.body.len();
        let reserved = self
            .counters
            .queued_bytes
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |queued| {
                let total = queued.checked_add(size)?;
                (total <= QUEUE_BYTES).then_some(total)
            })
            .is_ok();
        if !reserved {
            self.drop_job(&job, "queue_bytes_full");
            return;
        }
        let tx = match self.tx.get() {
            Some(tx) => tx,
            None => {
                let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                    self.counters.queued_bytes.fetch_sub(size, Ordering::AcqRel);
                    self.drop_job(&job, "no_runtime");
                    return;
                };
                self.tx.get_or_init(|| {
                    let (tx, rx) = mpsc::channel(QUEUE_LEN);
                    runtime.spawn(worker(
                        rx,
                        self.mode,
                        Arc::clone(&self.counters),
                        self.shutdown.clone(),
                    ));
                    tx
                })
            }
        };
        if let Err(error) = tx.try_send(job) {
            let job = match error {
                mpsc::error::TrySendError::Full(job) | mpsc::error::TrySendError::Closed(job) => {
                    job
                }
            };
            self.counters.queued_bytes.fetch_sub(size, Ordering::AcqRel);
            self.drop_job(&job, "queue_full");
        }
    }

    fn drop_job(&self, job: &Job, reason: &str) {
        self.counters.dropped.fetch_add(1, Ordering::Relaxed);
        crate::log_warn!(
            "event=webhook_dropped cache={:?} webhook={:?} reason={reason}",
            job.cache,
            job.webhook
        );
    }
}

async fn worker(
    mut rx: mpsc::Receiver<Job>,
    mode: DeliveryMode,
    counters: Arc<Counters>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let job = tokio::select! {
            biased;
            _ = shutdown.wait_for(|stop| *stop) => return,
            job = rx.recv() => match job {
                Some(job) => job,
                None => return,
            },
        };
        counters
            .queued_bytes
            .fetch_sub(job.body.len(), Ordering::AcqRel);
        let outcome = match tokio::time::timeout(DELIVERY_TIMEOUT, post(&job, mode)).await {
            Ok(Ok(status)) if (200..300).contains(&status) => Ok(status),
            Ok(Ok(status)) => Err(format!("status {status}")),
            Ok(Err(reason)) => Err(reason),
            Err(_) => Err(format!("no answer within {} s", DELIVERY_TIMEOUT.as_secs())),
        };
        match outcome {
            Ok(status) => {
                counters.delivered.fetch_add(1, Ordering::Relaxed);
                crate::log_debug!(
                    "event=webhook_delivered cache={:?} webhook={:?} status={status}",
                    job.cache,
                    job.webhook
                );
            }
            Err(reason) => {
                counters.failed.fetch_add(1, Ordering::Relaxed);
                crate::log_warn!(
                    "event=webhook_failed cache={:?} webhook={:?} reason={reason:?}",
                    job.cache,
                    job.webhook
                );
            }
        }
    }
}

/// The address to connect to for `url` under `mode`.
async fn resolve(url: &PostUrl, mode: DeliveryMode) -> Result<SocketAddr, String> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((url.host.as_str(), url.port))
        .await
        .map_err(|e| format!("cannot resolve {}: {e}", url.host))?
        .collect();
    let first = addrs
        .first()
        .copied()
        .ok_or_else(|| format!("{} resolves to no address", url.host))?;
    match mode {
        DeliveryMode::Off => Err("deliveries are off".to_owned()),
        DeliveryMode::Any => Ok(first),
        DeliveryMode::Loopback if addrs.iter().all(|a| a.ip().is_loopback()) => Ok(first),
        DeliveryMode::Loopback => Err(format!(
            "{} is not a loopback host (--webhook-delivery loopback; use `any` to allow it)",
            url.host
        )),
    }
}

/// POSTs `job` and answers the response's status code.
async fn post(job: &Job, mode: DeliveryMode) -> Result<u16, String> {
    let url = parse_post_url(&job.url)?;
    if url.https {
        return Err("https:// destinations are not delivered (no TLS client)".to_owned());
    }
    let addr = resolve(&url, mode).await?;
    let mut stream = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect {addr}: {e}"))?;
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {USER_AGENT}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n{SIGNATURE_HEADER}: {}\r\n\
         Connection: close\r\n\r\n",
        url.path,
        url.authority,
        job.body.len(),
        job.signature,
    );
    let io = |e: std::io::Error| format!("{addr}: {e}");
    stream.write_all(head.as_bytes()).await.map_err(io)?;
    stream.write_all(&job.body).await.map_err(io)?;
    stream.flush().await.map_err(io)?;
    let mut response = Vec::new();
    let mut chunk = [0u8; 1024];
    while !response.windows(2).any(|w| w == b"\r\n") {
        if response.len() >= MAX_STATUS_READ {
            return Err("no HTTP status line in the response".to_owned());
        }
        let n = stream.read(&mut chunk).await.map_err(io)?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    parse_status(&response).ok_or_else(|| "no HTTP status line in the response".to_owned())
}

/// The status code of an `HTTP/1.x NNN ...` status line.
fn parse_status(response: &[u8]) -> Option<u16> {
    let line = response.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split(' ');
    if !parts.next()?.starts_with("HTTP/1.") {
        return None;
    }
    parts.next()?.trim().parse().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_momentos_published_example() {
        // The known-answer pair of the Node SDK's former WebhookUtils unit test.
        assert_eq!(
            sign(
                "1234567890",
                br#"{"text":"some text", "another_field": "another field" }"#
            ),
            "b43f72787eb66410ff110295b036ef828e5686af21b414ce092f02c05deea3da"
        );
    }

    #[test]
    fn payload_fields() {
        let mut message = Published {
            cache: "c",
            topic: "t",
            sequence_number: 7,
            token_id: "tok",
            publish_timestamp: 1000,
            value: PublishedValue::Text("hi \"there\""),
        };
        assert_eq!(
            String::from_utf8(payload(&message, 1005)).unwrap(),
            r#"{"cache":"c","topic":"t","event_timestamp":1005,"publish_timestamp":1000,"topic_sequence_number":7,"token_id":"tok","text":"hi \"there\""}"#
        );
        message.value = PublishedValue::Binary(&[0, 255]);
        let body: serde_json::Value = serde_json::from_slice(&payload(&message, 1)).unwrap();
        assert_eq!(body["text"], "");
        assert_eq!(body["binary"], "AP8=");
    }

    #[test]
    fn urls() {
        let u = parse_post_url("http://127.0.0.1:8099/hook?x=1").unwrap();
        assert_eq!(
            u,
            PostUrl {
                https: false,
                host: "127.0.0.1".into(),
                port: 8099,
                authority: "127.0.0.1:8099".into(),
                path: "/hook?x=1".into(),
            }
        );
        let u = parse_post_url("HTTPS://example.com").unwrap();
        assert!(u.https);
        assert_eq!((u.port, u.path.as_str()), (443, "/"));
        let u = parse_post_url("http://[::1]/h").unwrap();
        assert_eq!((u.host.as_str(), u.port), ("::1", 80));
        for bad in [
            "",
            "  ",
            "someurl.com",
            "/path",
            "ftp://example.com/",
            "http://user:pw@example.com/",
            "http://exa mple.com/",
            "http:///nohost",
        ] {
            assert!(parse_post_url(bad).is_err(), "{bad:?}");
        }
        let long = format!("http://example.com/{}", "a".repeat(MAX_URL_LEN));
        assert!(parse_post_url(&long).is_err());
    }

    #[test]
    fn status_lines() {
        assert_eq!(parse_status(b"HTTP/1.1 204 No Content\r\n"), Some(204));
        assert_eq!(parse_status(b"HTTP/1.0 500\r\n"), Some(500));
        assert_eq!(parse_status(b"SSH-2.0\r\n"), None);
        assert_eq!(parse_status(b""), None);
    }

    fn job(size: usize) -> Job {
        Job {
            cache: "c".into(),
            webhook: "w".into(),
            url: "http://127.0.0.1:9/".into(),
            body: vec![b'x'; size],
            signature: String::new(),
        }
    }

    #[test]
    fn outside_a_runtime_and_over_the_byte_budget_jobs_are_dropped() {
        let (_tx, rx) = watch::channel(false);
        let delivery = Delivery::new(DeliveryMode::Loopback, rx.clone());
        delivery.enqueue(job(QUEUE_BYTES + 1));
        delivery.enqueue(job(1));
        assert_eq!(delivery.metrics().dropped, 2);
        assert_eq!(delivery.counters.queued_bytes.load(Ordering::Acquire), 0);
        let off = Delivery::new(DeliveryMode::Off, rx);
        off.enqueue(job(1));
        assert_eq!(off.metrics(), DeliveryMetrics::default());
    }

    #[tokio::test]
    async fn loopback_mode_refuses_other_hosts() {
        let url = parse_post_url("http://192.0.2.1:9/").unwrap();
        assert!(resolve(&url, DeliveryMode::Loopback)
            .await
            .unwrap_err()
            .contains("not a loopback host"));
        assert!(resolve(&url, DeliveryMode::Any).await.is_ok());
        let url = parse_post_url("http://127.0.0.1:9/").unwrap();
        assert!(resolve(&url, DeliveryMode::Loopback).await.is_ok());
    }
}
