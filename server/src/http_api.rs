//! Momento's HTTP API (for `curl`, `fetch` and edge runtimes), on the same port as gRPC.
//!
//! Requests whose path starts with `/cache/` or `/topics/` are answered here, on any host name
//! (Momento serves them at `api.cache.<endpoint>`, which reaches this port too); everything else
//! goes on to gRPC. As documented by Momento:
//!
//! | request | answer |
//! |---|---|
//! | `GET /cache/{cache}?key=K` (or `key_base64=B`) | `200` with the value (`application/octet-stream`); `404` "Key Not Found" on a miss |
//! | `PUT /cache/{cache}?key=K&ttl_seconds=N`, body = value | `204`; `ttl_seconds` is required |
//! | `DELETE /cache/{cache}?key=K` | `204`, also when the key does not exist |
//! | `POST /topics/{cache}/{topic}`, body = message | `204`; `Content-Type: application/octet-stream` publishes bytes, anything else text (UTF-8) |
//! | `GET /topics/{cache}/{topic}?sequence_number=N&sequence_page=P` | long poll: `200` with JSON `{"items":[…]}` once messages (or a discontinuity) are there, or `{"items":[]}` after the heartbeat interval (`--topic-heartbeat-ms`) without any |
//!
//! Path segments and query values are percent-decoded (`+` is a space in the query);
//! `key_base64` is base64url (padding optional). The token goes in the `Authorization` header
//! (raw, as the SDKs send it) or the `token` query parameter; both at once is `400`, neither is
//! `401` (unless the server runs with `--auth none`).
//!
//! Each request runs through the gRPC services themselves ([`ScsService`], [`PubsubService`]):
//! the same permission checks, limits, TTL rules, in-flight budget and subscription limits, and
//! the same messages. Their status codes become HTTP statuses ([`http_status`]):
//! `INVALID_ARGUMENT`/`FAILED_PRECONDITION`/`OUT_OF_RANGE` `400`, `UNAUTHENTICATED` `401`,
//! `PERMISSION_DENIED` `403`, `NOT_FOUND` `404` (a missing cache: "Cache Not Found: …"),
//! `RESOURCE_EXHAUSTED` `429`, `UNAVAILABLE` `503`, `DEADLINE_EXCEEDED` `504`, others `500`;
//! error bodies are the message as `text/plain`.
//!
//! Long-poll items, oldest first (as Momento's topics HTTP API documents them; binary values as
//! standard base64 under `binary`):
//! `{"item":{"topic_sequence_number":1,"sequence_page":P,"value":{"text":"hi"}}}` and
//! `{"discontinuity":{"last_topic_sequence":L,"new_topic_sequence":N,"new_sequence_page":P}}`.
//! Pass `0`/`0` first (only messages published from then on), then the last
//! `topic_sequence_number` + 1 and its `sequence_page` (buffered messages are replayed, see
//! [`crate::services::pubsub`]). One answer carries at most [`MAX_POLL_ITEMS`] items or about
//! [`MAX_POLL_BYTES`] of values.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use bytes::Bytes;
use http::{header, HeaderValue, Method, Request, Response, StatusCode};
use http_body::Body;
use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, PublishRequest, SubscriptionRequest, TopicValue,
};
use momento_proto::cache_client::{DeleteRequest, ECacheResult, GetRequest, SetRequest};
use tokio_stream::StreamExt as _;
use tonic::metadata::MetadataValue;
use tonic::{Code, Status};

use crate::grpc::cache_client::pubsub::pubsub_server::Pubsub as _;
use crate::grpc::cache_client::scs_server::Scs as _;
use crate::services::pubsub::PubsubService;
use crate::services::scs::ScsService;
use crate::services::CACHE_HEADER;
use crate::token::TokenSigner;

/// Most items one long-poll answer carries.
pub const MAX_POLL_ITEMS: usize = 100;

/// Value bytes after which a long-poll answer is sent without waiting for more items.
pub const MAX_POLL_BYTES: usize = 1024 * 1024;

/// How long a long poll that has something to answer waits for more.
const BATCH_GRACE: Duration = Duration::from_millis(10);

/// Whether `path` belongs to the HTTP API.
pub fn is_http_api_path(path: &str) -> bool {
    path.starts_with("/cache/") || path.starts_with("/topics/")
}

/// What the HTTP API needs: the services it calls and how to authenticate.
#[derive(Debug, Clone)]
pub struct HttpApi {
    /// The data plane.
    pub scs: ScsService,
    /// Topics.
    pub pubsub: PubsubService,
    /// Verifies tokens; `None` with `--auth none`.
    pub signer: Option<TokenSigner>,
    /// Most body bytes read for a PUT (one more than the item size limit: larger values are then
    /// refused by the data plane's own check).
    pub max_value_bytes: usize,
    /// Most body bytes read for a publish (one more than the message size limit).
    pub max_message_bytes: usize,
}

/// Tower layer answering the HTTP API paths (see the module docs) in front of gRPC.
#[derive(Debug, Clone)]
pub struct HttpApiLayer {
    api: Arc<HttpApi>,
}

impl HttpApiLayer {
    /// A layer serving `api`.
    pub fn new(api: HttpApi) -> Self {
        Self { api: Arc::new(api) }
    }
}

layer_service!(
    /// The service produced by [`HttpApiLayer`].
    HttpApiLayer => HttpApiService { api: Arc<HttpApi> }
);

impl<S, B> tower_service::Service<Request<B>> for HttpApiService<S>
where
    S: tower_service::Service<Request<B>, Response = Response<tonic::body::Body>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    B: Body<Data = Bytes> + Send + Unpin + 'static,
{
    forward_service_items!(Response<tonic::body::Body>);

    fn call(&mut self, request: Request<B>) -> Self::Future {
        if !is_http_api_path(request.uri().path()) {
            return Box::pin(self.inner.call(request));
        }
        let api = Arc::clone(&self.api);
        Box::pin(async move {
            let answer = api.handle(request).await.unwrap_or_else(error_response);
            Ok(answer)
        })
    }
}

/// The HTTP status answering a gRPC status code (module docs).
pub fn http_status(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A response with `status` and a body of `content_type`.
fn respond(
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
) -> Response<tonic::body::Body> {
    let mut response = Response::new(tonic::body::Body::new(http_body_util::Full::new(body)));
    *response.status_mut() = status;
    if status != StatusCode::NO_CONTENT {
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    response
}

/// `text/plain` `message` with `status`.
fn text(status: StatusCode, message: impl Into<String>) -> Response<tonic::body::Body> {
    let mut message = message.into();
    message.push('\n');
    respond(status, "text/plain; charset=utf-8", Bytes::from(message))
}

/// `204 No Content`.
fn no_content() -> Response<tonic::body::Body> {
    respond(StatusCode::NO_CONTENT, "", Bytes::new())
}

/// `204 No Content` once `call` (a write: set, delete, publish) has succeeded.
async fn no_content_after<T>(
    call: impl Future<Output = Result<T, Status>>,
) -> Result<Response<tonic::body::Body>, Status> {
    call.await?;
    Ok(no_content())
}

/// The answer to a failed call.
fn error_response(status: Status) -> Response<tonic::body::Body> {
    let message = match status.message().strip_prefix("Cache not found: ") {
        Some(cache) => format!("Cache Not Found: {cache}"),
        None => status.message().to_owned(),
    };
    text(http_status(status.code()), message)
}

/// `400` with `message`.
fn bad_request(message: impl Into<String>) -> Status {
    Status::invalid_argument(message)
}

/// Percent-decodes `s` (and `+` as a space when `plus_is_space`, as in query strings).
fn percent_decode(s: &str, plus_is_space: bool) -> Result<Vec<u8>, Status> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| bad_request(format!("Invalid percent-encoding in {s:?}")))?;
                out.push(hex);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A decoded path segment or query value that must be text.
fn decoded_text(s: &str, plus_is_space: bool, what: &str) -> Result<String, Status> {
    String::from_utf8(percent_decode(s, plus_is_space)?)
        .map_err(|_| bad_request(format!("Invalid {what}: not UTF-8")))
}

/// The query parameters of a request.
struct Query(Vec<(String, Vec<u8>)>);

impl Query {
    fn parse(query: Option<&str>) -> Result<Self, Status> {
        let mut params = Vec::new();
        for pair in query
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            params.push((
                decoded_text(name, true, "query parameter name")?,
                percent_decode(value, true)?,
            ));
        }
        Ok(Self(params))
    }

    fn get(&self, name: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    fn text(&self, name: &str) -> Result<Option<String>, Status> {
        self.get(name)
            .map(|v| {
                String::from_utf8(v.to_vec())
                    .map_err(|_| bad_request(format!("Invalid {name}: not UTF-8")))
            })
            .transpose()
    }

    fn number(&self, name: &str) -> Result<Option<u64>, Status> {
        self.text(name)?
            .map(|v| {
                v.trim()
                    .parse()
                    .map_err(|_| bad_request(format!("Invalid {name}: not a number: {v:?}")))
            })
            .transpose()
    }

    /// The item key: `key` (text) or `key_base64` (base64url), exactly one of them.
    fn key(&self) -> Result<Vec<u8>, Status> {
        match (self.get("key"), self.text("key_base64")?) {
            (Some(key), None) => Ok(key.to_vec()),
            (None, Some(b64)) => {
                let b64 = b64.trim();
                URL_SAFE_NO_PAD
                    .decode(b64.trim_end_matches('='))
                    .or_else(|_| URL_SAFE.decode(b64))
                    .or_else(|_| STANDARD.decode(b64))
                    .map_err(|_| bad_request("Invalid key_base64: not base64url"))
            }
            (Some(_), Some(_)) => Err(bad_request("Give either key or key_base64, not both")),
            (None, None) => Err(bad_request("Missing key: give key or key_base64")),
        }
    }
}

/// Reads `body` into memory, at most `max` bytes (the rest is not read).
async fn read_body<B>(mut body: B, max: usize) -> Result<Vec<u8>, Status>
where
    B: Body<Data = Bytes> + Unpin,
{
    let mut out = Vec::new();
    while out.len() <= max {
        let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        else {
            break;
        };
        let frame =
            frame.map_err(|_| Status::invalid_argument("Request body could not be read"))?;
        if let Ok(data) = frame.into_data() {
            let room = max.saturating_add(1).saturating_sub(out.len());
            out.extend_from_slice(data.get(..room.min(data.len())).unwrap_or_default());
        }
    }
    Ok(out)
}

/// A gRPC request for the services: the message, the cache header, and the caller's claims and
/// in-flight admission taken from the HTTP request.
fn grpc_request<T>(
    message: T,
    cache: &str,
    extensions: &http::Extensions,
) -> Result<tonic::Request<T>, Status> {
    let mut request = tonic::Request::new(message);
    let value = MetadataValue::try_from(cache)
        .map_err(|_| bad_request("Invalid cache name: not a valid header value"))?;
    request.metadata_mut().insert(CACHE_HEADER, value);
    if let Some(claims) = extensions.get::<crate::token::Claims>() {
        request.extensions_mut().insert(claims.clone());
    }
    if let Some(admission) = extensions.get::<crate::budget::Admission>() {
        request.extensions_mut().insert(admission.clone());
    }
    Ok(request)
}

impl HttpApi {
    /// Authenticates `request` (the token in `Authorization` or the `token` query parameter)
    /// and puts the caller's claims into its extensions.
    fn authenticate<B>(&self, request: &mut Request<B>, query: &Query) -> Result<(), Status> {
        let header_token = request
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or_default().trim().to_owned());
        let query_token = query.text("token")?;
        let token = match (header_token, query_token) {
            (Some(_), Some(_)) => {
                return Err(bad_request(
                    "Give the token either in the Authorization header or in the token query \
                     parameter, not both",
                ))
            }
            (Some(t), None) | (None, Some(t)) => t,
            (None, None) => String::new(),
        };
        let Some(signer) = &self.signer else {
            return Ok(());
        };
        let claims = crate::auth::authenticate(signer, &token)
            .map_err(|e| Status::unauthenticated(e.to_string()))?;
        request.extensions_mut().insert(claims);
        Ok(())
    }

    async fn handle<B>(
        &self,
        mut request: Request<B>,
    ) -> Result<Response<tonic::body::Body>, Status>
    where
        B: Body<Data = Bytes> + Unpin,
    {
        let query = Query::parse(request.uri().query())?;
        self.authenticate(&mut request, &query)?;
        let path = request.uri().path().to_owned();
        let segments: Vec<&str> = path.split('/').skip(2).collect();
        let method = request.method().clone();
        let (parts, body) = request.into_parts();
        let extensions = &parts.extensions;
        match (path.starts_with("/cache/"), segments.as_slice()) {
            (true, [cache]) if !cache.is_empty() => {
                let cache = decoded_text(cache, false, "cache name")?;
                match method {
                    Method::GET => self.get(&cache, query.key()?, extensions).await,
                    Method::PUT => {
                        let key = query.key()?;
                        let ttl_seconds = query.number("ttl_seconds")?.ok_or_else(|| {
                            bad_request("Missing ttl_seconds: PUT needs the TTL in seconds")
                        })?;
                        let value = read_body(body, self.max_value_bytes).await?;
                        self.set(&cache, key, value, ttl_seconds, extensions).await
                    }
                    Method::DELETE => {
                        let key = query.key()?;
                        let request =
                            grpc_request(DeleteRequest { cache_key: key }, &cache, extensions)?;
                        no_content_after(self.scs.delete(request)).await
                    }
                    _ => Ok(not_allowed("GET, PUT, DELETE")),
                }
            }
            (false, [cache, topic]) if !cache.is_empty() && !topic.is_empty() => {
                let cache = decoded_text(cache, false, "cache name")?;
                let topic = decoded_text(topic, false, "topic name")?;
                match method {
                    Method::POST => {
                        let binary = parts
                            .headers
                            .get(header::CONTENT_TYPE)
                            .and_then(|v| v.to_str().ok())
                            .is_some_and(|v| v.starts_with("application/octet-stream"));
                        let bytes = read_body(body, self.max_message_bytes).await?;
                        let value = if binary {
                            topic_value::Kind::Binary(bytes)
                        } else {
                            topic_value::Kind::Text(String::from_utf8(bytes).map_err(|_| {
                                bad_request(
                                    "Invalid message: not UTF-8 text (send binary messages with \
                                     Content-Type: application/octet-stream)",
                                )
                            })?)
                        };
                        self.publish(&cache, topic, value, extensions).await
                    }
                    Method::GET => {
                        let resume = query.number("sequence_number")?.unwrap_or(0);
                        let page = query.number("sequence_page")?.unwrap_or(0);
                        self.poll(&cache, topic, resume, page, extensions).await
                    }
                    _ => Ok(not_allowed("GET, POST")),
                }
            }
            _ => Ok(text(
                StatusCode::NOT_FOUND,
                "Not found: the HTTP API serves /cache/{cache} and /topics/{cache}/{topic}",
            )),
        }
    }

    async fn get(
        &self,
        cache: &str,
        key: Vec<u8>,
        extensions: &http::Extensions,
    ) -> Result<Response<tonic::body::Body>, Status> {
        let request = grpc_request(GetRequest { cache_key: key }, cache, extensions)?;
        let answer = self.scs.get(request).await?.into_inner();
        if answer.result == ECacheResult::Hit as i32 {
            Ok(respond(
                StatusCode::OK,
                "application/octet-stream",
                Bytes::from(answer.cache_body),
            ))
        } else {
            Ok(text(StatusCode::NOT_FOUND, "Key Not Found"))
        }
    }

    async fn set(
        &self,
        cache: &str,
        key: Vec<u8>,
        value: Vec<u8>,
        ttl_seconds: u64,
        extensions: &http::Extensions,
    ) -> Result<Response<tonic::body::Body>, Status> {
        let message = SetRequest {
            cache_key: key,
            cache_body: value,
            ttl_milliseconds: ttl_seconds.saturating_mul(1000),
        };
        no_content_after(self.scs.set(grpc_request(message, cache, extensions)?)).await
    }

    async fn publish(
        &self,
        cache: &str,
        topic: String,
        value: topic_value::Kind,
        extensions: &http::Extensions,
    ) -> Result<Response<tonic::body::Body>, Status> {
        let message = PublishRequest {
            cache_name: cache.to_owned(),
            topic,
            value: Some(TopicValue { kind: Some(value) }),
        };
        let request = grpc_request(message, cache, extensions)?;
        no_content_after(self.pubsub.publish(request)).await
    }

    /// The long poll (see the module docs).
    async fn poll(
        &self,
        cache: &str,
        topic: String,
        resume: u64,
        page: u64,
        extensions: &http::Extensions,
    ) -> Result<Response<tonic::body::Body>, Status> {
        let message = SubscriptionRequest {
            cache_name: cache.to_owned(),
            topic,
            resume_at_topic_sequence_number: resume,
            sequence_page: page,
        };
        let mut stream = self
            .pubsub
            .subscribe(grpc_request(message, cache, extensions)?)
            .await?
            .into_inner();
        let mut items = Vec::new();
        let mut bytes = 0usize;
        let mut first_heartbeat = true;
        while items.len() < MAX_POLL_ITEMS && bytes < MAX_POLL_BYTES {
            // Once something is there, only what follows right away joins it.
            let next = if items.is_empty() {
                stream.next().await
            } else {
                match tokio::time::timeout(BATCH_GRACE, stream.next()).await {
                    Ok(next) => next,
                    Err(_) => break,
                }
            };
            let kind = match next {
                None => break,
                Some(Err(status)) if items.is_empty() => return Err(status),
                Some(Err(_)) => break,
                Some(Ok(item)) => item.kind,
            };
            match kind {
                Some(subscription_item::Kind::Item(item)) => {
                    let value = match item.value.and_then(|v| v.kind) {
                        Some(topic_value::Kind::Text(t)) => {
                            bytes = bytes.saturating_add(t.len());
                            serde_json::json!({ "text": t })
                        }
                        Some(topic_value::Kind::Binary(b)) => {
                            bytes = bytes.saturating_add(b.len());
                            serde_json::json!({ "binary": STANDARD.encode(b) })
                        }
                        None => serde_json::json!({}),
                    };
                    items.push(serde_json::json!({ "item": {
                        "topic_sequence_number": item.topic_sequence_number,
                        "sequence_page": item.sequence_page,
                        "value": value,
                    }}));
                }
                Some(subscription_item::Kind::Discontinuity(d)) => {
                    items.push(serde_json::json!({ "discontinuity": {
                        "last_topic_sequence": d.last_topic_sequence,
                        "new_topic_sequence": d.new_topic_sequence,
                        "new_sequence_page": d.new_sequence_page,
                    }}));
                }
                // The first heartbeat opens every stream; a later one means the topic was
                // quiet for the heartbeat interval.
                Some(subscription_item::Kind::Heartbeat(_)) if first_heartbeat => {
                    first_heartbeat = false;
                }
                Some(subscription_item::Kind::Heartbeat(_)) | None => break,
            }
        }
        let body = serde_json::to_vec(&serde_json::json!({ "items": items }))
            .map_err(|e| Status::internal(e.to_string()))?;
        Ok(respond(
            StatusCode::OK,
            "application/json",
            Bytes::from(body),
        ))
    }
}

/// `405` naming the allowed methods.
fn not_allowed(allow: &'static str) -> Response<tonic::body::Body> {
    let mut response = text(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("Method not allowed: use {allow}"),
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn query_and_keys() {
        let q = Query::parse(Some("key=a%20b+c&ttl_seconds=30&token=t")).unwrap();
        assert_eq!(q.key().unwrap(), b"a b c");
        assert_eq!(q.number("ttl_seconds").unwrap(), Some(30));
        assert_eq!(q.text("token").unwrap().as_deref(), Some("t"));
        let q = Query::parse(Some("key_base64=AP8")).unwrap();
        assert_eq!(q.key().unwrap(), vec![0, 255]);
        assert!(Query::parse(Some("key=a&key_base64=YQ"))
            .unwrap()
            .key()
            .is_err());
        assert!(Query::parse(Some("ttl_seconds=x")).unwrap().key().is_err());
        assert!(Query::parse(Some("key=%zz")).is_err());
        assert_eq!(
            http_status(Code::ResourceExhausted),
            StatusCode::TOO_MANY_REQUESTS
        );
        assert!(is_http_api_path("/cache/c"));
        assert!(!is_http_api_path("/cache_client.Scs/Get"));
    }
}
