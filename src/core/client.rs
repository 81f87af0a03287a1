//! The call pipeline shared by every client: build headers, frame the request, send it through a
//! [`Transport`] under one overall deadline, retry eligible failures, and decode the reply.

use std::cell::{Cell, RefCell};

use prost::Message;

use super::config::{Configuration, ReadConcern};
use super::credentials::Credentials;
use super::error::{grpc_code, MomentoError, MomentoErrorCode};
use super::grpc_web::{self, Mode, Trailers};
use super::rpc::{decode_reply, Endpoint, Reply, Rpc, UnaryRpc, Wire};
use super::text::decimal;
use crate::transport::{HttpRequest, HttpResponse, ResponseBody, Transport, TransportError};

/// SDK version sent in the `agent` header.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `message` encoded straight into a binary request frame (what [`Client::run`] sends): one buffer, no copy.
pub fn frame_request(message: &impl Message) -> Vec<u8> {
    grpc_web::encode_request_with(Mode::Binary, message.encoded_len(), &mut |buf| {
        message.encode_raw(buf);
    })
}

/// A validated request, encoded and framed, with the function that turns its reply into the caller's result `O`:
/// what [`Client::run`] takes. Only the encoding ([`Prepared::new`]) and `finish` are generic per RPC; the pipeline
/// is compiled once, so each additional RPC costs the wasm bundle a few hundred bytes rather than a copy of it.
pub struct Prepared<O> {
    rpc: Rpc,
    cache: Option<String>,
    /// The request, encoded and framed ([`frame_request`]).
    message: Vec<u8>,
    finish: fn(Result<Reply, MomentoError>) -> O,
}

impl<O> Prepared<O> {
    /// Encodes `request`; `finish` interprets the reply (typically [`decode_reply`] and a conversion).
    pub fn new<R: UnaryRpc>(request: R, finish: fn(Result<Reply, MomentoError>) -> O) -> Self {
        Self {
            rpc: R::RPC,
            cache: request.cache_name().map(str::to_owned),
            message: frame_request(&request.into_proto()),
            finish,
        }
    }
}

impl<R: UnaryRpc> From<R> for Prepared<Result<R::Response, MomentoError>> {
    /// The typed result of `R` ([`decode_reply`]) as the result.
    fn from(request: R) -> Self {
        Self::new(request, decode_reply::<R>)
    }
}

/// A failed attempt: a gRPC status (real or synthesized from the HTTP layer).
struct Status {
    code: u32,
    message: String,
    metadata: Vec<(String, String)>,
}

impl Status {
    fn new(code: u32, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            metadata: Vec::new(),
        }
    }

    fn from_trailers(t: Trailers) -> Self {
        Self {
            code: t.code,
            message: t.message,
            metadata: t.metadata,
        }
    }

    fn into_error(self) -> MomentoError {
        MomentoError::from_status(self.code, self.message, self.metadata)
    }
}

/// One client's connection settings and transport; cheap to share behind an `Rc`.
pub struct Client<T: Transport> {
    transport: T,
    /// Swappable: a refreshing credential provider replaces it before expiry; calls in flight keep the token
    /// they started with.
    credentials: RefCell<Credentials>,
    config: Configuration,
    /// `agent` identifies the client kind (`cache`, `topic`, `auth`, …).
    client_kind: &'static str,
    runtime_version: String,
    /// The internal channels ([`channel`]) that have sent `agent` and `runtime-version` already (a bit each).
    agent_sent: Cell<u8>,
    jitter_state: Cell<u64>,
}

impl<T: Transport> Client<T> {
    /// A client of kind `client_kind` (used in the `agent` header) running on `runtime_version`.
    pub fn new(
        transport: T,
        credentials: Credentials,
        config: Configuration,
        client_kind: &'static str,
        runtime_version: String,
    ) -> Self {
        let seed = transport.random().to_bits() | 1;
        Self {
            transport,
            credentials: RefCell::new(credentials),
            config,
            client_kind,
            runtime_version,
            agent_sent: Cell::new(0),
            jitter_state: Cell::new(seed),
        }
    }

    /// The configuration this client was built with.
    pub fn config(&self) -> &Configuration {
        &self.config
    }

    /// A copy of the credentials this client currently uses.
    pub fn credentials(&self) -> Credentials {
        self.credentials.borrow().clone()
    }

    /// Replaces the credentials for subsequent calls (token refresh).
    pub fn set_credentials(&self, credentials: Credentials) {
        *self.credentials.borrow_mut() = credentials;
    }

    /// The transport (for platform services such as timers).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Runs a [`Prepared`] call and gives its `finish`'s result: the one call path (the wasm bindings and the host
    /// tests both come through here). The pipeline works on encoded messages: the framed request ([`frame_request`])
    /// in, the encoded reply messages out ([`Reply`]: exactly one for unary RPCs, every item for server-streaming
    /// ones, collected until the stream ends). One overall deadline covers every attempt and backoff. Generic only
    /// in the result type, which is one type per build of the bindings (a JS value): the pipeline is compiled once.
    pub async fn run<O>(&self, prepared: Prepared<O>, signal: Option<&T::Signal>) -> O {
        let Prepared {
            rpc:
                Rpc {
                    path,
                    endpoint,
                    streaming,
                    idempotent,
                },
            cache,
            message,
            finish,
        } = prepared;
        let timeout_ms = self.config.client_timeout_ms;
        let deadline = self.transport.now_ms() + f64::from(timeout_ms);
        let mut request = HttpRequest {
            origin: self.origin(endpoint),
            path,
            headers: String::new(),
            body: message,
            text: self.text(),
            timeout_ms: 0,
            streaming: false,
        };
        let mut attempt: u32 = 1;
        let reply = loop {
            // The first attempt has the whole deadline (so its `grpc-timeout`, and with it the request's headers, is
            // the same on every call, which transports can reuse); later ones what is left of it.
            let remaining = if attempt == 1 {
                f64::from(timeout_ms)
            } else {
                deadline - self.transport.now_ms()
            };
            if remaining < 1.0 {
                break Err(timeout_error(timeout_ms));
            }
            request.timeout_ms = remaining as u32;
            request.headers = self.headers(path, cache.as_deref(), Some(request.timeout_ms));
            let failed = match self.transport.send(&request, signal).await {
                Ok(response) => match read_reply(response, streaming).await {
                    Ok(frames) => break Ok(frames),
                    Err(Attempt::Status(s)) => Ok(s),
                    Err(Attempt::Transport(e)) => transport_status(e, timeout_ms),
                },
                Err(e) => transport_status(e, timeout_ms),
            };
            let status = match failed {
                Ok(status) => status,
                Err(e) => break Err(e),
            };
            let delay =
                self.config
                    .retry
                    .delay_ms(idempotent, status.code, attempt, self.next_random());
            match delay {
                Some(ms) if self.transport.now_ms() + f64::from(ms) < deadline => {
                    self.transport.sleep(ms).await;
                    attempt += 1;
                }
                _ => break Err(status.into_error()),
            }
        };
        finish(reply)
    }

    /// Opens a long-lived server stream (topic subscriptions). `first_message_ms` bounds the wait for the response
    /// and its first message; after that the stream has no deadline. Errors before the stream opens are returned
    /// as errors; no retries here (the caller owns reconnect policy).
    pub async fn open_stream(
        &self,
        rpc: Rpc,
        cache: Option<&str>,
        message: &[u8],
        signal: Option<&T::Signal>,
        first_message_ms: u32,
    ) -> Result<FrameStream<T::Body>, MomentoError> {
        let request = HttpRequest {
            origin: self.origin(rpc.endpoint),
            path: rpc.path,
            headers: self.headers(rpc.path, cache, None),
            body: grpc_web::encode_request(message, Mode::Binary),
            text: self.text(),
            timeout_ms: first_message_ms,
            streaming: true,
        };
        let response = match self.transport.send(&request, signal).await {
            Ok(r) => r,
            Err(e) => return Err(transport_status(e, first_message_ms)?.into_error()),
        };
        let (header_trailers, content_type, is_grpc) = head(&response);
        if let Some(t) = header_trailers.filter(|t| t.code != grpc_code::OK) {
            return Err(Status::from_trailers(t).into_error());
        }
        if !is_grpc || response.status != 200 {
            return Err(Status::new(
                grpc_web::http_status_to_grpc_code(response.status),
                [
                    "HTTP status ",
                    &decimal(response.status.into()),
                    " with content-type ",
                    content_type,
                ]
                .concat(),
            )
            .into_error());
        }
        Ok(FrameStream {
            body: response.body,
            // The transport hands over binary frames (see crate::transport).
            decoder: grpc_web::Decoder::new(Mode::Binary, grpc_web::DEFAULT_MAX_FRAME_LEN),
            first: true,
            ended: false,
        })
    }

    fn origin(&self, endpoint: Endpoint) -> String {
        self.credentials
            .borrow()
            .endpoints
            .origin(endpoint, self.transport.wire())
    }

    /// Whether requests go as gRPC-web text (base64, which the transport encodes and decodes).
    fn text(&self) -> bool {
        self.transport.wire() == Wire::GrpcWeb && self.config.transport_mode == Mode::Text
    }

    /// The request headers of `path` (`name\nvalue\n…`, see [`HttpRequest::headers`]), as the official SDKs send
    /// them: the protocol's (gRPC-web's content type, `accept` and `x-grpc-web` as the web SDK; gRPC's content type
    /// and `te: trailers` as the Node SDK), `grpc-timeout` (none on streams), `authorization` except where the
    /// credential travels in the body (Ping, GenerateDisposableToken), `cache` on data calls, and `agent` plus
    /// `runtime-version` on the first request of each internal channel. Built in one string: no allocation per header.
    fn headers(&self, path: &str, cache: Option<&str>, timeout_ms: Option<u32>) -> String {
        let credentials = self.credentials.borrow();
        let mut h = String::with_capacity(192 + credentials.auth_token.len());
        let mut add = |name: &str, value: &str| {
            for part in [name, value] {
                h.push_str(part);
                h.push('\n');
            }
        };
        match self.transport.wire() {
            Wire::Grpc => {
                add("content-type", grpc_web::GRPC_CONTENT_TYPE);
                add("te", "trailers");
            }
            Wire::GrpcWeb => {
                let ct = self.config.transport_mode.content_type();
                add("content-type", ct);
                add("accept", ct);
                add("x-grpc-web", "1");
            }
        }
        if let Some(ms) = timeout_ms {
            add("grpc-timeout", &(decimal(ms.into()) + "m"));
        }
        if path != PING && path != GENERATE_DISPOSABLE_TOKEN {
            add("authorization", &credentials.auth_token);
        }
        if let Some(cache) = cache {
            add("cache", cache);
            if self.config.read_concern == ReadConcern::Consistent {
                add("read-concern", "consistent");
            }
        }
        let (bit, kind) = channel(path);
        let sent = self.agent_sent.get();
        if sent & bit == 0 {
            self.agent_sent.set(sent | bit);
            let kind = kind.unwrap_or(self.client_kind);
            add("agent", &["js-wasm:", kind, ":", VERSION].concat());
            add("runtime-version", &self.runtime_version);
        }
        h
    }

    /// xorshift64 seeded from the platform's random source: jitter needs spread, not cryptographic quality.
    fn next_random(&self) -> f64 {
        let mut x = self.jitter_state.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.jitter_state.set(x);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `Ping`'s path: its request carries no credential.
const PING: &str = "/cache_client.Ping/Ping";
/// `GenerateDisposableToken`'s path: the credential travels in the request body.
const GENERATE_DISPOSABLE_TOKEN: &str = "/token.Token/GenerateDisposableToken";

/// The internal channel (the official SDKs' internal clients: data, control, ping, publish, subscribe, token,
/// webhook) a request of `path` goes through, as a bit of `Client::agent_sent`, and the `agent` kind it reports when
/// it differs from the public client's (`ping`, `webhook`).
fn channel(path: &str) -> (u8, Option<&'static str>) {
    let p = path.as_bytes();
    if path == PING {
        (1, Some("ping"))
    } else if p.starts_with(b"/cache_client.pubsub.Pubsub/Subscribe") {
        (2, None)
    } else if p.starts_with(b"/cache_client.pubsub.") {
        (4, None)
    } else if p.starts_with(b"/token.") {
        (8, None)
    } else if p.starts_with(b"/webhook.") {
        (16, Some("webhook"))
    } else if p.starts_with(b"/control_client.") || p.starts_with(b"/auth.") {
        (32, None)
    } else {
        (64, None) // data: cache_client.Scs, leaderboard
    }
}

/// A server stream being read: each call to [`FrameStream::next_message`] yields the next message.
pub struct FrameStream<B> {
    body: B,
    decoder: grpc_web::Decoder,
    first: bool,
    ended: bool,
}

impl<B: ResponseBody> FrameStream<B> {
    /// The next message (`Ok(None)` when the stream ended with status OK). A broken connection or a truncated
    /// stream is `SERVER_UNAVAILABLE`; a non-OK status is mapped as for unary calls.
    pub async fn next_message(&mut self) -> Result<Option<Vec<u8>>, MomentoError> {
        loop {
            if self.ended {
                return Ok(None);
            }
            match self.decoder.next_frame() {
                Ok(Some(grpc_web::Frame::Data(message))) => {
                    if self.first {
                        self.first = false;
                        self.body.disarm();
                    }
                    return Ok(Some(message));
                }
                Ok(Some(grpc_web::Frame::Trailers(t))) => {
                    self.ended = true;
                    if t.code == grpc_code::OK {
                        return Ok(None);
                    }
                    return Err(Status::from_trailers(t).into_error());
                }
                Ok(None) => {}
                Err(e) => {
                    self.ended = true;
                    return Err(Status::from_trailers(e.into()).into_error());
                }
            }
            match self.body.chunk().await {
                Ok(Some(chunk)) => {
                    if let Err(e) = self.decoder.push(&chunk) {
                        self.ended = true;
                        return Err(Status::from_trailers(e.into()).into_error());
                    }
                }
                Ok(None) => {
                    self.ended = true;
                    return Err(Status::new(
                        grpc_code::UNAVAILABLE,
                        "the stream ended without a status",
                    )
                    .into_error());
                }
                Err(e) => {
                    self.ended = true;
                    return Err(match transport_status(e, 0) {
                        Ok(status) => status.into_error(),
                        Err(e) => e,
                    });
                }
            }
        }
    }
}

enum Attempt {
    Status(Status),
    Transport(TransportError),
}

/// What the response's head says, read once for unary calls and streams alike: the status its headers carry (a
/// trailers-only response), its `content-type`, and whether that is a gRPC one.
fn head<B>(response: &HttpResponse<B>) -> (Option<Trailers>, &str, bool) {
    let trailers = Trailers::from_headers(
        response
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let content_type = response.header("content-type").unwrap_or_default();
    let is_grpc = Mode::from_response_content_type(content_type).is_some();
    (trailers, content_type, is_grpc)
}

/// Reads a gRPC-web response into its reply messages (one for unary), or the failing status.
async fn read_reply<B: ResponseBody>(
    response: HttpResponse<B>,
    streaming: bool,
) -> Result<Reply, Attempt> {
    let (header_trailers, content_type, is_grpc) = head(&response);
    if response.status != 200 {
        if let (Some(t), true) = (header_trailers, is_grpc) {
            return Err(Attempt::Status(Status::from_trailers(t)));
        }
        return Err(Attempt::Status(Status::new(
            grpc_web::http_status_to_grpc_code(response.status),
            "HTTP status ".to_owned() + &decimal(response.status.into()),
        )));
    }
    if !is_grpc {
        if let Some(t) = header_trailers {
            return Err(Attempt::Status(Status::from_trailers(t)));
        }
        return Err(Attempt::Status(Status::new(
            grpc_code::UNKNOWN,
            "Unknown Content-type received: ".to_owned() + content_type,
        )));
    }
    let body = response.body.bytes().await.map_err(Attempt::Transport)?;
    // The transport hands over binary frames (see crate::transport).
    let mode = Mode::Binary;
    let max = grpc_web::DEFAULT_MAX_FRAME_LEN;
    // Builds without a server-streaming RPC (the lite package) leave the frame-by-frame decoder out.
    #[cfg(feature = "streaming")]
    if streaming {
        return grpc_web::decode_stream(mode, &body, header_trailers, max)
            .map(Reply::Stream)
            .map_err(|t| Attempt::Status(Status::from_trailers(t)));
    }
    #[cfg(not(feature = "streaming"))]
    let _ = (streaming, mode);
    match grpc_web::unary_message(&body, header_trailers, max) {
        Ok(message) => Ok(Reply::Unary { body, message }),
        Err(t) => Err(Attempt::Status(Status::from_trailers(t))),
    }
}

/// Classifies a transport failure: timeouts and cancellation end the call, network errors are retryable.
fn transport_status(e: TransportError, timeout_ms: u32) -> Result<Status, MomentoError> {
    match e {
        TransportError::Timeout => Err(timeout_error(timeout_ms)),
        TransportError::Cancelled => Err(MomentoError::new(
            MomentoErrorCode::Cancelled,
            "the caller's AbortSignal was aborted",
        )),
        TransportError::Network(msg) => Ok(Status::new(
            grpc_code::UNAVAILABLE,
            "Unable to reach the server: ".to_owned() + &msg,
        )),
    }
}

fn timeout_error(timeout_ms: u32) -> MomentoError {
    MomentoError::new(
        MomentoErrorCode::Timeout,
        ["Deadline of ", &decimal(timeout_ms.into()), " ms exceeded"].concat(),
    )
}
