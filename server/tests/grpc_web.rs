//! gRPC-web (binary and text) and CORS over raw HTTP requests, as browsers and the WASM SDK send
//! them.

use crate::common;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::web::{decode_text, frame, frames, TEXT};
use common::{start, start_with};
use momento_proto::cache_client::{
    DeleteRequest, ECacheResult, GetBatchRequest, GetRequest, GetResponse, SetRequest, SetResponse,
};
use momento_proto::control_client::CreateCacheRequest;
use momento_server::{AuthMode, RunningServer};
use prost::Message;
use reqwest::header::HeaderMap;

const BINARY: &str = "application/grpc-web+proto";
const ORIGIN: &str = "http://localhost:3000";
/// `Get{cache_key: "foo"}` exactly as sdk-web frames it in text mode: path and body.
const WIRE_GET: (&str, &[u8]) = ("/cache_client.Scs/Get", b"AAAAAAUKA2Zvbw==");

fn trailer_map(payload: &[u8]) -> Vec<(String, String)> {
    String::from_utf8(payload.to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (k, v) = line.split_once(':').unwrap();
            (k.trim().to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect()
}

fn trailer<'a>(trailers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    trailers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

struct Web {
    client: reqwest::Client,
    base: String,
    token: String,
}

struct WebResponse {
    status: u16,
    headers: HeaderMap,
    frames: Vec<(u8, Vec<u8>)>,
}

impl WebResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The grpc-status: from the trailer frame, or from the headers (trailers-only).
    fn grpc_status(&self) -> Option<String> {
        self.frames
            .iter()
            .find(|(flag, _)| flag & 0x80 != 0)
            .and_then(|(_, payload)| {
                trailer(&trailer_map(payload), "grpc-status").map(str::to_owned)
            })
            .or_else(|| self.header("grpc-status").map(str::to_owned))
    }

    fn data_frames(&self) -> Vec<&[u8]> {
        self.frames
            .iter()
            .filter(|(flag, _)| *flag == 0)
            .map(|(_, payload)| payload.as_slice())
            .collect()
    }
}

/// A `Set` of `key` to `value` for a minute.
fn set_request(key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) -> SetRequest {
    SetRequest {
        cache_key: key.into(),
        cache_body: value.into(),
        ttl_milliseconds: 60_000,
    }
}

impl Web {
    fn new(server: &RunningServer) -> Self {
        Self {
            client: reqwest::Client::builder().http1_only().build().unwrap(),
            base: server.url(),
            token: server.auth_token().to_owned(),
        }
    }

    fn h2(server: &RunningServer) -> Self {
        Self {
            client: reqwest::Client::builder()
                .http2_prior_knowledge()
                .build()
                .unwrap(),
            ..Self::new(server)
        }
    }

    async fn call(
        &self,
        path: &str,
        content_type: &str,
        message: &impl Message,
        cache: Option<&str>,
        token: Option<&str>,
    ) -> WebResponse {
        let framed = frame(0, &message.encode_to_vec());
        let body = if content_type == TEXT {
            STANDARD.encode(&framed).into_bytes()
        } else {
            framed
        };
        self.post(path, content_type, body, cache, token).await
    }

    /// [`WIRE_GET`] on cache `web`, with the root token.
    async fn wire_get(&self) -> WebResponse {
        let (path, body) = WIRE_GET;
        self.post(path, TEXT, body.to_vec(), Some("web"), Some(&self.token))
            .await
    }

    /// A call to `path` without a cache header, with the root token.
    async fn as_root(&self, path: &str, content_type: &str, message: &impl Message) -> WebResponse {
        let token = Some(self.token.as_str());
        self.call(path, content_type, message, None, token).await
    }

    /// A data-plane call (`cache_client.Scs/<rpc>`) on `cache` with the root token.
    async fn scs(
        &self,
        rpc: &str,
        content_type: &str,
        message: &impl Message,
        cache: &str,
    ) -> WebResponse {
        let path = format!("/cache_client.Scs/{rpc}");
        let token = Some(self.token.as_str());
        self.call(&path, content_type, message, Some(cache), token)
            .await
    }

    async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        cache: Option<&str>,
        token: Option<&str>,
    ) -> WebResponse {
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .header("accept", content_type)
            .header("x-grpc-web", "1")
            .header("origin", ORIGIN)
            .body(body);
        if let Some(cache) = cache {
            request = request.header("cache", cache);
        }
        if let Some(token) = token {
            request = request.header("authorization", token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap();
        let is_text = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with(TEXT));
        let decoded = if is_text {
            decode_text(std::str::from_utf8(&bytes).unwrap())
        } else {
            bytes.to_vec()
        };
        WebResponse {
            status,
            headers,
            frames: frames(&decoded),
        }
    }

    /// `control_client.ScsControl/<method>` in binary mode as root; checks that it succeeds.
    async fn control(&self, method: &str, message: &impl Message) {
        let path = format!("/control_client.ScsControl/{method}");
        let r = self.as_root(&path, BINARY, message).await;
        assert_eq!(r.grpc_status().as_deref(), Some("0"), "{method}");
    }

    async fn create_cache(&self, name: &str) {
        let cache_name = name.to_owned();
        self.control("CreateCache", &CreateCacheRequest { cache_name })
            .await;
    }
}

#[tokio::test]
async fn text_mode_get_matches_the_wire_example() {
    let server = start().await;
    let web = Web::new(&server);
    web.create_cache("web").await;

    let miss = web.wire_get().await;
    assert_eq!(miss.status, 200);
    assert!(miss.header("content-type").unwrap().starts_with(TEXT));
    assert_eq!(miss.frames.len(), 2, "data frame then trailer frame");
    assert_eq!(miss.frames[0].0, 0x00);
    let get = GetResponse::decode(miss.frames[0].1.as_slice()).unwrap();
    assert_eq!(get.result(), ECacheResult::Miss);
    assert_eq!(miss.frames[1].0, 0x80);
    assert_eq!(
        trailer(&trailer_map(&miss.frames[1].1), "grpc-status"),
        Some("0")
    );
    assert_eq!(miss.header("access-control-allow-origin"), Some(ORIGIN));

    // Set over text mode, then the same Get hits.
    let set = web
        .scs("Set", TEXT, &set_request(*b"foo", *b"bar"), "web")
        .await;
    assert_eq!(set.grpc_status().as_deref(), Some("0"));
    let set_response = SetResponse::decode(set.data_frames()[0]).unwrap();
    assert_eq!(set_response.result(), ECacheResult::Ok);

    let hit = web.wire_get().await;
    let get = GetResponse::decode(hit.data_frames()[0]).unwrap();
    assert_eq!(get.result(), ECacheResult::Hit);
    assert_eq!(get.cache_body, b"bar");
}

#[tokio::test]
async fn binary_mode_and_empty_responses_carry_a_data_frame() {
    let server = start().await;
    let web = Web::new(&server);
    web.create_cache("bin").await;

    let set = web
        .scs("Set", BINARY, &set_request(*b"k", *b"v"), "bin")
        .await;
    assert_eq!(set.status, 200);
    assert!(set
        .header("content-type")
        .unwrap()
        .starts_with("application/grpc-web"));
    assert_eq!(set.grpc_status().as_deref(), Some("0"));

    // Delete answers the empty `_DeleteResponse`: still one (zero-length) data frame.
    for content_type in [BINARY, TEXT] {
        let delete = web
            .scs(
                "Delete",
                content_type,
                &DeleteRequest {
                    cache_key: b"k".to_vec(),
                },
                "bin",
            )
            .await;
        assert_eq!(delete.data_frames(), vec![&[] as &[u8]], "{content_type}");
        assert_eq!(delete.frames.last().unwrap().0, 0x80);
        assert_eq!(delete.grpc_status().as_deref(), Some("0"));
    }

    // Ping's empty response too, with the root token and without one (the official web SDK
    // pings with no `authorization` header).
    for token in [Some(web.token.as_str()), None] {
        let ping = momento_proto::cache_client::PingRequest {};
        let ping = web
            .call("/cache_client.Ping/Ping", TEXT, &ping, None, token)
            .await;
        assert_eq!(ping.data_frames().len(), 1);
        assert_eq!(ping.grpc_status().as_deref(), Some("0"));
    }
}

#[tokio::test]
async fn text_mode_server_streaming() {
    let server = start().await;
    for web in [Web::new(&server), Web::h2(&server)] {
        web.create_cache("stream").await;
        for i in 0..3u8 {
            web.scs("Set", TEXT, &set_request(vec![i], vec![b'v', i]), "stream")
                .await;
        }
        let batch = web
            .scs(
                "GetBatch",
                TEXT,
                &GetBatchRequest {
                    items: (0..4u8)
                        .map(|i| GetRequest { cache_key: vec![i] })
                        .collect(),
                },
                "stream",
            )
            .await;
        assert_eq!(batch.status, 200);
        let results: Vec<_> = batch
            .data_frames()
            .into_iter()
            .map(|f| {
                let r = GetResponse::decode(f).unwrap();
                (r.result(), r.cache_body)
            })
            .collect();
        assert_eq!(
            results,
            vec![
                (ECacheResult::Hit, vec![b'v', 0]),
                (ECacheResult::Hit, vec![b'v', 1]),
                (ECacheResult::Hit, vec![b'v', 2]),
                (ECacheResult::Miss, vec![]),
            ]
        );
        assert_eq!(batch.grpc_status().as_deref(), Some("0"));
        // Delete it (over gRPC-web too) so the next transport starts from scratch.
        let cache_name = "stream".to_owned();
        let delete = momento_proto::control_client::DeleteCacheRequest { cache_name };
        web.control("DeleteCache", &delete).await;
    }
}

#[tokio::test]
async fn errors_expose_grpc_status() {
    let server = start().await;
    let web = Web::new(&server);

    // Unknown cache: NOT_FOUND, readable cross-origin.
    let r = web
        .scs(
            "Get",
            TEXT,
            &GetRequest {
                cache_key: b"k".to_vec(),
            },
            "missing",
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.grpc_status().as_deref(), Some("5"));
    assert_eq!(r.header("access-control-allow-origin"), Some(ORIGIN));
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap()
        .to_ascii_lowercase();
    for name in momento_server::cors::EXPOSED_HEADERS {
        assert!(exposed.contains(name), "{exposed}");
    }

    // No token: UNAUTHENTICATED through the gRPC-web translation.
    let r = web
        .call(
            "/cache_client.Scs/Get",
            TEXT,
            &GetRequest {
                cache_key: b"k".to_vec(),
            },
            Some("missing"),
            None,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.grpc_status().as_deref(), Some("16"));
    assert!(r.header("content-type").unwrap().starts_with(TEXT));
}

#[tokio::test]
async fn cors_preflight_lists_headers_and_allows_a_loopback_origin() {
    let server = start().await;
    let client = reqwest::Client::builder().http1_only().build().unwrap();
    let response = client
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/cache_client.Scs/Get", server.url()),
        )
        .header("origin", ORIGIN)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,cache,x-grpc-web,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let h = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .unwrap_or_default()
    };
    assert_eq!(h("access-control-allow-origin"), ORIGIN);
    assert_eq!(h("access-control-allow-credentials"), "true");
    assert!(h("access-control-allow-methods").contains("post"));
    let allowed = h("access-control-allow-headers");
    assert!(!allowed.contains('*'), "{allowed}");
    // Every header the server declares (the SDKs' and momento-local's), none of them `*`.
    for name in momento_server::cors::ALLOWED_HEADERS {
        assert!(allowed.contains(name), "{name} missing from {allowed}");
    }
}

#[tokio::test]
async fn configured_cors_origins_are_enforced() {
    let server = start_with(AuthMode::Token, vec!["http://allowed.test".into()]).await;
    let client = reqwest::Client::builder().http1_only().build().unwrap();
    let preflight = |origin: &'static str| {
        client
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/cache_client.Scs/Get", server.url()),
            )
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let ok = preflight("http://allowed.test").await.unwrap();
    assert_eq!(
        ok.headers()
            .get("access-control-allow-origin")
            .unwrap()
            .to_str()
            .unwrap(),
        "http://allowed.test"
    );
    let denied = preflight("http://evil.test").await.unwrap();
    assert!(denied
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn webhooks_over_grpc_web_text_and_binary() {
    use momento_proto::webhook::{
        webhook_destination, DeleteWebhookRequest, DeleteWebhookResponse, ListWebhookRequest,
        ListWebhooksResponse, PutWebhookRequest, PutWebhookResponse, Webhook, WebhookDestination,
        WebhookId,
    };
    let server = start().await;
    let web = Web::new(&server);
    web.create_cache("hooks").await;
    let id = WebhookId {
        cache_name: "hooks".into(),
        webhook_name: "w".into(),
    };
    let put = web
        .as_root(
            "/webhook.Webhook/PutWebhook",
            TEXT,
            &PutWebhookRequest {
                webhook: Some(Webhook {
                    webhook_id: Some(id.clone()),
                    topic_name: "t".into(),
                    destination: Some(WebhookDestination {
                        kind: Some(webhook_destination::Kind::PostUrl(
                            "https://example.com/hook".into(),
                        )),
                    }),
                }),
            },
        )
        .await;
    assert_eq!(put.grpc_status().as_deref(), Some("0"));
    let secret = PutWebhookResponse::decode(put.data_frames()[0])
        .unwrap()
        .secret_string;
    assert!(!secret.is_empty());

    let list_webhooks = |cache: &str| ListWebhookRequest {
        cache_name: cache.into(),
    };
    const LIST: &str = "/webhook.Webhook/ListWebhooks";
    let list = web.as_root(LIST, BINARY, &list_webhooks("hooks")).await;
    assert_eq!(list.grpc_status().as_deref(), Some("0"));
    let listed = ListWebhooksResponse::decode(list.data_frames()[0]).unwrap();
    assert_eq!(listed.webhook.len(), 1);
    assert_eq!(listed.webhook[0].webhook_id.as_ref(), Some(&id));

    // An empty response still carries a (zero-length) data frame.
    let delete = web
        .as_root(
            "/webhook.Webhook/DeleteWebhook",
            TEXT,
            &DeleteWebhookRequest {
                webhook_id: Some(id),
            },
        )
        .await;
    assert_eq!(delete.grpc_status().as_deref(), Some("0"));
    assert_eq!(delete.data_frames().len(), 1);
    DeleteWebhookResponse::decode(delete.data_frames()[0]).unwrap();

    // Errors come back as gRPC statuses (here: the cache does not exist).
    let missing = web.as_root(LIST, TEXT, &list_webhooks("nope")).await;
    assert_eq!(missing.grpc_status().as_deref(), Some("5"));
    server.shutdown().await.unwrap();
}
