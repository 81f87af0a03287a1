//! Momento's HTTP API (`/cache/…`, `/topics/…`) on the gRPC port, over plain HTTP/1.1 requests
//! as curl and fetch send them: values, keys in both forms, token placement, scopes, limits,
//! status codes and reason phrases, topic publish and the long-poll subscribe.

use crate::common;

use std::time::{Duration, Instant};

use common::create_cache;
use momento_server::{AuthMode, Config, RunningServer};
use reqwest::{Method, StatusCode};
use serde_json::Value;

const HEARTBEAT: Duration = Duration::from_millis(300);

async fn start(auth: AuthMode) -> (RunningServer, reqwest::Client) {
    let server = common::run(Config {
        topic_heartbeat_interval: HEARTBEAT,
        ..common::config(auth)
    })
    .await;
    create_cache(common::channel(&server).await, "c", server.auth_token()).await;
    let client = reqwest::Client::builder().http1_only().build().unwrap();
    (server, client)
}

/// Sends `method url` with the token in the Authorization header (if any) and `body`; returns
/// the status, its reason phrase as the client saw it, and the body.
async fn send(
    client: &reqwest::Client,
    method: Method,
    url: &str,
    token: Option<&str>,
    body: Option<(&'static str, Vec<u8>)>,
) -> (StatusCode, Vec<u8>) {
    let mut request = client.request(method, url);
    if let Some(token) = token {
        request = request.header("authorization", token);
    }
    if let Some((content_type, body)) = body {
        request = request.header("content-type", content_type).body(body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.bytes().await.unwrap().to_vec())
}

fn text(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

#[tokio::test]
async fn cache_get_put_delete() {
    let (server, client) = start(AuthMode::Token).await;
    let root = server.auth_token().to_owned();
    let base = server.url();
    let url = |rest: &str| format!("{base}{rest}");

    // PUT then GET, key as text (percent-encoded) and as base64url; the token in the header.
    let (status, _) = send(
        &client,
        Method::PUT,
        &url("/cache/c?key=a%20b&ttl_seconds=60"),
        Some(&root),
        Some(("application/octet-stream", b"\x00value\xff".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    for query in [
        "key=a%20b",
        "key=a+b",
        "key_base64=YSBi",
        "key_base64=YSBi%3D",
    ] {
        let (status, body) = send(
            &client,
            Method::GET,
            &url(&format!("/cache/c?{query}")),
            Some(&root),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert_eq!(body, b"\x00value\xff", "{query}");
    }
    // The token in the query works too; both at once is 400; none is 401.
    let (status, _) = send(
        &client,
        Method::GET,
        &url(&format!("/cache/c?key=a%20b&token={root}")),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = send(
        &client,
        Method::GET,
        &url(&format!("/cache/c?key=a%20b&token={root}")),
        Some(&root),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{}", text(&body));
    let (status, _) = send(&client, Method::GET, &url("/cache/c?key=x"), None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = send(
        &client,
        Method::GET,
        &url("/cache/c?key=x"),
        Some("not-a-token"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Misses and missing caches are 404 ("Not Found" reason phrase, as the suite checks).
    let response = client
        .get(url("/cache/c?key=absent"))
        .header("authorization", &root)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.status().canonical_reason(), Some("Not Found"));
    assert!(text(&response.bytes().await.unwrap()).contains("Key Not Found"));
    for method in [Method::GET, Method::PUT, Method::DELETE] {
        let (status, body) = send(
            &client,
            method.clone(),
            &url("/cache/nope?key=k&ttl_seconds=5"),
            Some(&root),
            Some(("text/plain", b"v".to_vec())),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert!(text(&body).contains("Cache Not Found"), "{}", text(&body));
    }

    // DELETE answers 204, present or not.
    for _ in 0..2 {
        let (status, _) = send(
            &client,
            Method::DELETE,
            &url("/cache/c?key=a%20b"),
            Some(&root),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
    }
    let (status, _) = send(
        &client,
        Method::GET,
        &url("/cache/c?key=a%20b"),
        Some(&root),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Bad requests: no key, no ttl_seconds, TTL 0, TTL above --max-ttl-seconds, both keys.
    for rest in [
        "/cache/c?ttl_seconds=5",
        "/cache/c?key=k",
        "/cache/c?key=k&ttl_seconds=0",
        "/cache/c?key=k&ttl_seconds=999999999",
        "/cache/c?key=k&key_base64=aw&ttl_seconds=5",
    ] {
        let (status, body) = send(
            &client,
            Method::PUT,
            &url(rest),
            Some(&root),
            Some(("text/plain", b"v".to_vec())),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{rest}: {}", text(&body));
    }
    let (status, _) = send(
        &client,
        Method::POST,
        &url("/cache/c?key=k"),
        Some(&root),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);

    // The item size limit: 429, as Momento's limit errors; nothing stored.
    let big = vec![b'x'; 5 * 1024 * 1024 + 1];
    let (status, body) = send(
        &client,
        Method::PUT,
        &url("/cache/c?key=big&ttl_seconds=60"),
        Some(&root),
        Some(("application/octet-stream", big)),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{}", text(&body));
    let (status, _) = send(
        &client,
        Method::GET,
        &url("/cache/c?key=big"),
        Some(&root),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Scopes: a read-only token may GET but not PUT (403); a key-prefix token only its keys.
    let read_only = mint(&server, &["--cache", "c", "--role", "readonly"]);
    let (status, _) = send(
        &client,
        Method::GET,
        &url("/cache/c?key=k"),
        Some(&read_only),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = send(
        &client,
        Method::PUT,
        &url("/cache/c?key=k&ttl_seconds=5"),
        Some(&read_only),
        Some(("text/plain", b"v".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let prefixed = mint(&server, &["--cache", "c", "--key-prefix", "mine-"]);
    for (key, expected) in [
        ("mine-1", StatusCode::NO_CONTENT),
        ("other", StatusCode::FORBIDDEN),
    ] {
        let (status, _) = send(
            &client,
            Method::PUT,
            &url(&format!("/cache/c?key={key}&ttl_seconds=5")),
            Some(&prefixed),
            Some(("text/plain", b"v".to_vec())),
        )
        .await;
        assert_eq!(status, expected, "{key}");
    }
    server.shutdown().await.unwrap();
}

/// A token of `server` scoped by these `momento-server key` scope flags.
fn mint(server: &RunningServer, flags: &[&str]) -> String {
    let args = ["key", "--secret-file", "unused"]
        .iter()
        .chain(flags)
        .map(|a| (*a).to_owned());
    let momento_server::config::Command::Key(options) =
        momento_server::config::parse_args(args, None, None).unwrap()
    else {
        panic!("expected key options")
    };
    let p = options
        .permissions
        .map(|p| momento_server::permissions::encode_claim(&p));
    server
        .signer()
        .sign(&momento_server::token::Claims::new("scoped", None, p, None))
        .unwrap()
}

#[tokio::test]
async fn topics_publish_and_long_poll() {
    let (server, client) = start(AuthMode::Token).await;
    let root = server.auth_token().to_owned();
    let base = server.url();
    let poll = |query: String| {
        let client = client.clone();
        let url = format!("{base}/topics/c/t?{query}");
        let root = root.clone();
        async move {
            let (status, body) = send(&client, Method::GET, &url, Some(&root), None).await;
            assert_eq!(status, StatusCode::OK, "{}", text(&body));
            serde_json::from_slice::<Value>(&body).unwrap()["items"]
                .as_array()
                .unwrap()
                .clone()
        }
    };

    // A poll from 0 waits for the next message; publishing answers it.
    let waiting = tokio::spawn(poll("sequence_number=0&sequence_page=0".into()));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t"),
        Some(&root),
        Some(("text/plain", b"hello".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let items = waiting.await.unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    let first = &items[0]["item"];
    assert_eq!(first["topic_sequence_number"], 1);
    assert_eq!(first["value"]["text"], "hello");
    let page = first["sequence_page"].as_u64().unwrap();
    assert!(page > 0);

    // Two more (one binary, published with the token in the query); resuming at 2 replays both.
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t?token={root}"),
        None,
        Some(("application/octet-stream", vec![0, 1, 2])),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t"),
        Some(&root),
        Some(("application/x-www-form-urlencoded", b"third".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let items = poll(format!("sequence_number=2&sequence_page={page}")).await;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0]["item"]["topic_sequence_number"], 2);
    assert_eq!(items[0]["item"]["value"]["binary"], "AAEC");
    assert_eq!(items[1]["item"]["value"]["text"], "third");

    // An unknown page: a discontinuity first, then the buffer.
    let items = poll("sequence_number=5&sequence_page=1".into()).await;
    assert_eq!(
        items[0]["discontinuity"]["new_sequence_page"].as_u64(),
        Some(page)
    );
    assert_eq!(items.len(), 4, "{items:?}");

    // Nothing new: an empty list after the heartbeat interval.
    let started = Instant::now();
    let items = poll(format!("sequence_number=4&sequence_page={page}")).await;
    assert!(items.is_empty(), "{items:?}");
    assert!(started.elapsed() >= HEARTBEAT, "{:?}", started.elapsed());

    // Errors: a missing cache 404, a subscribe-only token may not publish (403), non-UTF-8
    // text 400, a message over 100 KiB 429.
    let (status, _) = send(
        &client,
        Method::GET,
        &format!("{base}/topics/nope/t"),
        Some(&root),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let subscriber = mint(
        &server,
        &[
            "--cache",
            "c",
            "--topic",
            "t",
            "--topic-role",
            "subscribeonly",
        ],
    );
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t"),
        Some(&subscriber),
        Some(("text/plain", b"x".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t"),
        Some(&root),
        Some(("text/plain", vec![0xff, 0xfe])),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = send(
        &client,
        Method::POST,
        &format!("{base}/topics/c/t"),
        Some(&root),
        Some(("application/octet-stream", vec![7; 100 * 1024 + 1])),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn auth_none_and_cors() {
    let (server, client) = start(AuthMode::None).await;
    let base = server.url();
    let (status, _) = send(
        &client,
        Method::PUT,
        &format!("{base}/cache/c?key=k&ttl_seconds=5"),
        None,
        Some(("text/plain", b"v".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // A browser page on a loopback origin may call it (preflight for PUT with Authorization).
    let preflight = client
        .request(
            Method::OPTIONS,
            format!("{base}/cache/c?key=k&ttl_seconds=5"),
        )
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "PUT")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    let methods = preflight.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        methods.contains("PUT") && methods.contains("DELETE"),
        "{methods}"
    );
    let get = client
        .get(format!("{base}/cache/c?key=k"))
        .header("origin", "http://localhost:3000")
        .send()
        .await
        .unwrap();
    assert_eq!(
        get.headers()["access-control-allow-origin"],
        "http://localhost:3000"
    );
    assert_eq!(get.bytes().await.unwrap().as_ref(), b"v");
    server.shutdown().await.unwrap();
}

/// Raw HTTP/1.1 exchanges: a chunked PUT (what Node's `https.request` + `write` sends, as the
/// official suite does) and a declared body above the largest message, refused with 429 before
/// it is read.
#[tokio::test]
async fn chunked_and_oversized_bodies() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let (server, client) = start(AuthMode::Token).await;
    let exchange = |head: String| {
        let addr = server.local_addr();
        async move {
            let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
            tcp.write_all(head.as_bytes()).await.unwrap();
            let mut answer = vec![0u8; 1024];
            let n = tcp.read(&mut answer).await.unwrap();
            String::from_utf8_lossy(&answer[..n]).into_owned()
        }
    };
    let token = server.auth_token();
    let answer = exchange(format!(
        "PUT /cache/c?key=chunked&ttl_seconds=60 HTTP/1.1\r\nhost: api.cache.localhost\r\n\
         authorization: {token}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n\
         5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    ))
    .await;
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    let (status, body) = send(
        &client,
        Method::GET,
        &format!("{}/cache/c?key=chunked", server.url()),
        Some(token),
        None,
    )
    .await;
    assert_eq!(
        (status, body.as_slice()),
        (StatusCode::OK, &b"hello world"[..])
    );
    let answer = exchange(format!(
        "PUT /cache/c?key=huge&ttl_seconds=60 HTTP/1.1\r\nhost: localhost\r\nauthorization: \
         {token}\r\ncontent-length: 1000000000\r\n\r\n"
    ))
    .await;
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");
    server.shutdown().await.unwrap();
}
