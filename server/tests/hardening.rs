//! Regression tests of issue 15 (momento-server probed as an attacker would): admission of
//! request bodies, bounded responses, topic limits, CORS, scoped increments, secret files,
//! malformed input and collection element overhead. Every test here failed before the fix.

use crate::common;

use common::channel;

use std::time::{Duration, Instant};

use common::{request, Clients};
use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, PublishRequest, SubscriptionRequest, TopicValue,
};
use momento_proto::cache_client::{
    DictionaryFieldValuePair, DictionaryGetRequest, DictionarySetRequest, GetBatchRequest,
    GetRequest, IncrementRequest, ListConcatenateBackRequest, SetRequest,
};
use momento_proto::permission_messages::permissions_type::{
    cache_permissions, All, CachePermissions,
};
use momento_proto::permission_messages::{
    permissions, permissions_type, CacheRole, ExplicitPermissions, Permissions, PermissionsType,
};
use momento_server::grpc::cache_client::pubsub::pubsub_client::PubsubClient;
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::token::Claims;
use momento_server::{AuthMode, Config, Limits, RunningServer, SecretSource};
use prost::Message as _;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tonic::transport::Channel;
use tonic::Code;

const MIB: usize = 1024 * 1024;
const CACHE: &str = "hardening";

/// The head of a native gRPC call to `cache_client.Scs/<rpc>` on [`CACHE`] with the root token.
fn h2_head(server: &RunningServer, rpc: &str) -> http::request::Builder {
    http::Request::builder()
        .method("POST")
        .uri(format!("{}/cache_client.Scs/{rpc}", server.url()))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .header("cache", CACHE)
        .header("authorization", server.auth_token())
}

/// A token-authenticated server on an ephemeral port with a memory cap of `cap_mib` MiB.
async fn start_capped(cap_mib: u64) -> RunningServer {
    let server = common::run(Config {
        limits: Limits {
            max_memory_bytes: cap_mib * MIB as u64,
            ..Limits::default()
        },
        ..common::config(AuthMode::Token)
    })
    .await;
    common::create_cache(channel(&server).await, CACHE, server.auth_token()).await;
    server
}

async fn scs(server: &RunningServer) -> ScsClient<Channel> {
    ScsClient::new(channel(server).await)
        .max_encoding_message_size(64 * MIB)
        .max_decoding_message_size(1024 * MIB)
}

async fn set(server: &RunningServer, key: &[u8], value: Vec<u8>) {
    scs(server)
        .await
        .set(request(
            SetRequest {
                cache_key: key.to_vec(),
                cache_body: value,
                ttl_milliseconds: 600_000,
            },
            Some(CACHE),
            Some(server.auth_token()),
        ))
        .await
        .unwrap();
}

/// One gRPC frame around `message`.
fn frame(message: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8];
    out.extend_from_slice(&(message.len() as u32).to_be_bytes());
    out.extend_from_slice(message);
    out
}

/// POSTs `body` to `Get` with `content_type` on a connection of its own (HTTP/2 prior knowledge
/// for native gRPC, else HTTP/1.1); the `grpc-status` the call ends with.
async fn post_get(server: &RunningServer, content_type: &str, body: Vec<u8>) -> String {
    let client = if content_type == "application/grpc" {
        reqwest::Client::builder().http2_prior_knowledge()
    } else {
        reqwest::Client::builder().http1_only()
    };
    let response = client
        .build()
        .unwrap()
        .post(format!("{}/cache_client.Scs/Get", server.url()))
        .header("content-type", content_type)
        .header("te", "trailers")
        .header("x-grpc-web", "1")
        .header("cache", CACHE)
        .header("authorization", server.auth_token())
        .body(body)
        .send()
        .await
        .unwrap();
    let headers = response.headers().clone();
    let body = response.bytes().await.unwrap();
    if let Some(status) = headers.get("grpc-status") {
        return status.to_str().unwrap().to_owned();
    }
    let text = String::from_utf8_lossy(&body);
    let at = text.find("grpc-status:").expect("a trailer frame");
    text[at + 12..]
        .split("\r\n")
        .next()
        .unwrap()
        .trim()
        .to_owned()
}

/// A small gRPC-web Get over HTTP/1.1 (its own connection); the `grpc-status` it ends with.
async fn web_get(server: &RunningServer) -> String {
    let body = frame(
        &GetRequest {
            cache_key: b"absent".to_vec(),
        }
        .encode_to_vec(),
    );
    post_get(server, "application/grpc-web+proto", body).await
}

/// The head of a raw HTTP/1.1 gRPC-web Set declaring `content_length` bytes of body.
fn declared_set_head(server: &RunningServer, content_length: u64) -> String {
    format!(
        "POST /cache_client.Scs/Set HTTP/1.1\r\nhost: {}\r\ncontent-type: \
         application/grpc-web+proto\r\nx-grpc-web: 1\r\ncache: {CACHE}\r\nauthorization: \
         {}\r\ncontent-length: {content_length}\r\n\r\n",
        server.endpoint(),
        server.auth_token()
    )
}

/// Defect 1, HTTP/1.1: a request declaring a body of 1e9 bytes and sending none used to reserve
/// the whole in-flight budget before any byte arrived, so every other call waited. It is now
/// refused at once, and other calls go on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_declared_body_without_bytes_blocks_nothing_over_http1() {
    let server = start_capped(64).await;
    let mut stalled = tokio::net::TcpStream::connect(server.local_addr())
        .await
        .unwrap();
    stalled
        .write_all(declared_set_head(&server, 1_000_000_000).as_bytes())
        .await
        .unwrap();
    // A second one declaring less than the maximum message size, also without a byte of body.
    let mut idle = tokio::net::TcpStream::connect(server.local_addr())
        .await
        .unwrap();
    idle.write_all(declared_set_head(&server, 8 * MIB as u64).as_bytes())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let status = tokio::time::timeout(Duration::from_secs(5), web_get(&server))
        .await
        .expect("a small call is not blocked by requests that send no body");
    assert_eq!(status, "0");
    // The oversized declaration got its answer without sending a byte of body.
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stalled.read(&mut answer))
        .await
        .expect("an answer to the oversized declaration")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]).to_lowercase();
    assert!(answer.contains("grpc-status: 8"), "{answer}");
    // Nothing stays reserved: the small call's share goes back once the server has dropped its
    // last frame, which may be just after the client read it (so this waits, within
    // `common::WAIT`); the two bodiless requests, still open, hold nothing.
    common::until(
        || server.in_flight_metrics().unwrap(),
        |m| m.reserved_bytes == 0,
    )
    .await;
}

/// Defect 1, HTTP/2: the same over h2 (one stream declaring 1e9 bytes, another 8 MiB, neither
/// sending data) on the connection the next call uses.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_declared_body_without_bytes_blocks_nothing_over_h2() {
    let server = start_capped(64).await;
    let tcp = tokio::net::TcpStream::connect(server.local_addr())
        .await
        .unwrap();
    let (client, connection) = h2::client::handshake(tcp).await.unwrap();
    tokio::spawn(connection);
    let mut client = client.ready().await.unwrap();
    let mut streams = Vec::new();
    for declared in [1_000_000_000u64, 8 * MIB as u64] {
        let head = h2_head(&server, "Set")
            .header("content-length", declared)
            .body(())
            .unwrap();
        let (response, send) = client.send_request(head, false).unwrap();
        streams.push((response, send));
        client = client.ready().await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A normal call on the same h2 connection.
    let head = h2_head(&server, "Get").body(()).unwrap();
    let (response, mut send) = client.send_request(head, false).unwrap();
    send.send_data(
        frame(
            &GetRequest {
                cache_key: b"absent".to_vec(),
            }
            .encode_to_vec(),
        )
        .into(),
        true,
    )
    .unwrap();
    let status = tokio::time::timeout(Duration::from_secs(5), async {
        let response = response.await.unwrap();
        let (head, mut body) = response.into_parts();
        if let Some(status) = head.headers.get("grpc-status") {
            return status.to_str().unwrap().to_owned();
        }
        while let Some(data) = body.data().await {
            let data = data.unwrap();
            let _ = body.flow_control().release_capacity(data.len());
        }
        let trailers = body.trailers().await.unwrap().unwrap();
        trailers["grpc-status"].to_str().unwrap().to_owned()
    })
    .await
    .expect("a call on the same h2 connection is not blocked");
    assert_eq!(status, "0");
    // The oversized declaration was answered at once.
    let (huge, _send) = streams.remove(0);
    let huge = tokio::time::timeout(Duration::from_secs(5), huge)
        .await
        .expect("an answer to the oversized declaration")
        .unwrap();
    assert_eq!(huge.headers()["grpc-status"], "8");
}

/// Defect 2: GetBatch naming one large key many times, and DictionaryGet naming one large
/// field many times, answered responses of hundreds of MiB at a 64 MiB cap. The repeats are now
/// counted, and one response is capped with RESOURCE_EXHAUSTED (LIMIT_EXCEEDED).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_keys_and_fields_cannot_inflate_a_response() {
    let server = start_capped(64).await;
    set(&server, b"big", vec![7u8; 2 * MIB]).await;
    let mut client = scs(&server).await;
    let batch = GetBatchRequest {
        items: (0..40)
            .map(|_| GetRequest {
                cache_key: b"big".to_vec(),
            })
            .collect(),
    };
    let started = Instant::now();
    let error = client
        .get_batch(request(batch, Some(CACHE), Some(server.auth_token())))
        .await
        .map(|_| ())
        .expect_err("an 80 MiB GetBatch response is refused");
    assert_eq!(error.code(), Code::ResourceExhausted, "{error:?}");
    assert!(error.message().contains("esponse"), "{}", error.message());
    assert!(started.elapsed() < Duration::from_secs(5));

    client
        .dictionary_set(request(
            DictionarySetRequest {
                dictionary_name: b"dict".to_vec(),
                items: vec![DictionaryFieldValuePair {
                    field: b"f".to_vec(),
                    value: vec![1u8; 2 * MIB],
                }],
                ttl_milliseconds: 600_000,
                refresh_ttl: false,
            },
            Some(CACHE),
            Some(server.auth_token()),
        ))
        .await
        .unwrap();
    // The one 2 MiB field named `repeats` times.
    let get_field = |repeats: usize| {
        request(
            DictionaryGetRequest {
                dictionary_name: b"dict".to_vec(),
                fields: vec![b"f".to_vec(); repeats],
            },
            Some(CACHE),
            Some(server.auth_token()),
        )
    };
    let error = client
        .dictionary_get(get_field(40))
        .await
        .expect_err("an 80 MiB DictionaryGet response is refused");
    assert_eq!(error.code(), Code::ResourceExhausted, "{error:?}");
    // A response that fits still works.
    let ok = client.dictionary_get(get_field(2)).await.unwrap();
    assert_eq!(ok.into_inner().encoded_len() / MIB, 4);
    let metrics = server.in_flight_metrics().unwrap();
    assert!(
        metrics.peak_reserved_bytes <= metrics.budget_bytes,
        "{metrics:?}"
    );
}

fn publish(cache: &str, topic: &str, bytes: usize) -> PublishRequest {
    PublishRequest {
        cache_name: cache.to_owned(),
        topic: topic.to_owned(),
        value: Some(TopicValue {
            kind: Some(topic_value::Kind::Binary(vec![3u8; bytes])),
        }),
    }
}

/// Defect 3: topic messages had no size limit (Momento's is the `max_publish_message_size_kb`
/// ListCaches reports, 100 KiB), and topic buffers and subscriptions were not counted in the
/// memory cap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_messages_buffers_and_subscriptions_are_bounded() {
    let server = start_capped(64).await;
    let token = server.auth_token().to_owned();
    let mut topics = PubsubClient::new(channel(&server).await)
        .max_encoding_message_size(64 * MIB)
        .max_decoding_message_size(64 * MIB);
    let error = topics
        .publish(request(
            publish(CACHE, "t", 100 * 1024 + 1),
            None,
            Some(&token),
        ))
        .await
        .expect_err("a message above 100 KiB is refused");
    assert_eq!(error.code(), Code::ResourceExhausted, "{error:?}");
    topics
        .publish(request(publish(CACHE, "t", 100 * 1024), None, Some(&token)))
        .await
        .unwrap();
    // 200 messages of 100 KiB (20 MiB) into one topic's buffer: more than a 64 MiB cap leaves
    // for topics, so a subscriber resuming from the first one is told that some were dropped.
    for _ in 0..200 {
        topics
            .publish(request(publish(CACHE, "t", 100 * 1024), None, Some(&token)))
            .await
            .unwrap();
    }
    let page = server.topics().sequence_page(CACHE, "t").unwrap();
    let mut stream = topics
        .subscribe(request(
            SubscriptionRequest {
                cache_name: CACHE.to_owned(),
                topic: "t".to_owned(),
                resume_at_topic_sequence_number: 1,
                sequence_page: page,
            },
            None,
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    let mut kinds = Vec::new();
    for _ in 0..2 {
        let item = tokio::time::timeout(Duration::from_secs(5), stream.message())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        kinds.push(item.kind.unwrap());
    }
    assert!(
        matches!(kinds[1], subscription_item::Kind::Discontinuity(_)),
        "the oldest messages were dropped to stay within the cap: {:?}",
        kinds[1]
    );
    drop(stream);

    // Subscriptions are counted too: the cap runs out long before --max-subscriptions.
    let mut open = Vec::new();
    let mut refused = None;
    for i in 0..400 {
        let result = topics
            .subscribe(request(
                SubscriptionRequest {
                    cache_name: CACHE.to_owned(),
                    topic: format!("s{i}"),
                    resume_at_topic_sequence_number: 0,
                    sequence_page: 0,
                },
                None,
                Some(&token),
            ))
            .await;
        match result {
            Ok(stream) => open.push(stream),
            Err(status) => {
                refused = Some(status);
                break;
            }
        }
    }
    let refused = refused.expect("subscriptions run out of memory budget");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    assert_eq!(
        refused.metadata().get("err").unwrap(),
        "topic_subscriptions_limit_exceeded"
    );
}

/// Defect 5: CORS mirrored any origin, `null` included, with credentials.
#[tokio::test]
async fn cors_allows_loopback_and_listed_origins_only() {
    let server = common::start_with(AuthMode::None, vec!["https://app.example".to_owned()]).await;
    let preflight = |origin: &'static str| {
        let url = format!("{}/cache_client.Scs/Get", server.url());
        async move {
            let response = reqwest::Client::new()
                .request(reqwest::Method::OPTIONS, url)
                .header("origin", origin)
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type,x-grpc-web")
                .send()
                .await
                .unwrap();
            response
                .headers()
                .get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap().to_owned())
        }
    };
    for allowed in [
        "http://localhost:5173",
        "http://127.0.0.1:8081",
        "https://localhost",
        "http://[::1]:3000",
        "https://app.example",
    ] {
        assert_eq!(
            preflight(allowed).await.as_deref(),
            Some(allowed),
            "{allowed}"
        );
    }
    for refused in [
        "null",
        "https://evil.example",
        "http://localhost.evil.example",
        "http://127.0.0.1.evil.example:80",
        "https://app.example.evil",
    ] {
        assert_eq!(preflight(refused).await, None, "{refused}");
    }
    // Without --cors-origin: loopback origins only.
    let default = common::start_with(AuthMode::None, Vec::new()).await;
    for (origin, allowed) in [
        ("http://localhost:3000", true),
        ("https://evil.example", false),
        ("null", false),
    ] {
        let response = reqwest::Client::new()
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/cache_client.Scs/Get", default.url()),
            )
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .send()
            .await
            .unwrap();
        assert_eq!(
            response
                .headers()
                .contains_key("access-control-allow-origin"),
            allowed,
            "{origin}"
        );
    }
}

/// Defect 6: a WriteOnly token read a counter through Increment(amount = 0). Increment is a
/// read-modify-write that answers the stored value: it needs read access too.
#[tokio::test]
async fn write_only_tokens_cannot_read_through_increment() {
    let server = start_capped(0).await;
    set(&server, b"counter", b"41".to_vec()).await;
    let permissions = Permissions {
        kind: Some(permissions::Kind::Explicit(ExplicitPermissions {
            permissions: vec![PermissionsType {
                kind: Some(permissions_type::Kind::CachePermissions(CachePermissions {
                    role: CacheRole::CacheWriteOnly as i32,
                    cache: Some(cache_permissions::Cache::AllCaches(All {})),
                    cache_item: Some(cache_permissions::CacheItem::AllItems(All {})),
                })),
            }],
        })),
    };
    let claims = Claims::new(
        "writer",
        None,
        Some(momento_server::permissions::encode_claim(&permissions)),
        None,
    );
    let token = server.signer().sign(&claims).unwrap();
    let mut client = scs(&server).await;
    let error = client
        .increment(request(
            IncrementRequest {
                cache_key: b"counter".to_vec(),
                amount: 0,
                ttl_milliseconds: 600_000,
            },
            Some(CACHE),
            Some(&token),
        ))
        .await
        .expect_err("a WriteOnly token may not read the counter");
    assert_eq!(error.code(), Code::PermissionDenied, "{error:?}");
    // Plain writes still work.
    client
        .set(request(
            SetRequest {
                cache_key: b"other".to_vec(),
                cache_body: b"v".to_vec(),
                ttl_milliseconds: 600_000,
            },
            Some(CACHE),
            Some(&token),
        ))
        .await
        .unwrap();
}

/// Defect 7: a pre-existing world-writable secret file containing `password` was trusted.
#[cfg(unix)]
#[tokio::test]
async fn weak_or_writable_secret_files_are_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = std::env::temp_dir().join(format!("momento-server-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let start = |path: std::path::PathBuf| {
        momento_server::run(Config {
            port: 0,
            secret: SecretSource::File(path),
            ..Config::default()
        })
    };
    // (file, contents, mode, what the refusal names)
    let refused = [
        (
            "writable",
            "0123456789abcdef0123456789abcdef-long-enough\n",
            0o666,
            "chmod",
        ),
        ("short", "password\n", 0o600, "32"),
    ];
    for (name, contents, mode, names) in refused {
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let error = start(path).await.expect_err(name);
        let message = error.to_string();
        assert!(message.contains(names), "{message}");
    }
    let writable = dir.join("writable");
    // A good one works.
    std::fs::set_permissions(&writable, std::fs::Permissions::from_mode(0o600)).unwrap();
    start(writable).await.unwrap().shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

/// Defect 8: malformed client input answered INTERNAL; it is INVALID_ARGUMENT.
#[tokio::test]
async fn malformed_messages_are_invalid_argument() {
    let server = start_capped(0).await;
    for (content_type, body) in [
        // A field of wire type 7 (invalid).
        ("application/grpc-web+proto", frame(&[0x0f, 0x01])),
        // A length-delimited field running past the end of the message.
        ("application/grpc-web+proto", frame(&[0x0a, 0x7f, 0x01])),
        ("application/grpc", frame(&[0x0a, 0x7f, 0x01])),
        // A frame announcing 10 bytes and carrying 2.
        ("application/grpc-web+proto", vec![0, 0, 0, 0, 10, 1, 2]),
        // An unknown compression flag.
        ("application/grpc-web+proto", vec![7, 0, 0, 0, 0]),
        // A text body that is not base64.
        ("application/grpc-web-text", b"!!!!".to_vec()),
    ] {
        let status = post_get(&server, content_type, body).await;
        assert_eq!(status, "3", "{content_type}");
    }
}

/// Defect 8: the item size counted payload bytes only, so millions of empty list elements were
/// free. Each element is now charged its overhead against the item size limit.
#[tokio::test]
async fn empty_collection_elements_count_against_the_item_size() {
    let server = start_capped(0).await;
    let mut client = scs(&server).await;
    // 200,000 empty elements: 0 bytes of payload, ~9.6 MB of memory.
    let error = client
        .list_concatenate_back(request(
            ListConcatenateBackRequest {
                list_name: b"empty".to_vec(),
                values: vec![Vec::new(); 200_000],
                ttl_milliseconds: 600_000,
                refresh_ttl: false,
                truncate_front_to_size: 0,
            },
            Some(CACHE),
            Some(server.auth_token()),
        ))
        .await
        .expect_err("too many elements for one item");
    assert_eq!(error.code(), Code::ResourceExhausted, "{error:?}");
    assert_eq!(
        error.metadata().get("err").unwrap(),
        "item_size_limit_exceeded"
    );
}

/// Peak resident memory of process `pid` (VmHWM), in bytes.
#[cfg(target_os = "linux")]
fn peak_rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap();
    kib * 1024
}

/// Defect 4: HTTP/2 request bodies overdrew the in-flight budget: 64 concurrent 4.9 MiB sets
/// over one h2c connection peaked at 326 MiB RSS under a 64 MiB cap. They now wait for the
/// budget like HTTP/1.1 bodies, and the process stays under its cap.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_h2_bodies_stay_within_the_memory_cap() {
    let dir = std::env::temp_dir().join(format!("momento-server-h2-rss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key_file = dir.join("key");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_momento-server"))
        .args(["--port", "0", "--max-memory-mb", "64", "--key-file"])
        .arg(&key_file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while !line.ends_with(b"\n") {
        stdout.read_exact(&mut byte).await.unwrap();
        line.push(byte[0]);
    }
    let url = String::from_utf8(line)
        .unwrap()
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_owned();
    let key = std::fs::read_to_string(&key_file).unwrap();
    let (_, token) = momento_server::token::decode_v1_api_key(key.trim()).unwrap();
    let mut c = Clients::connect(url, token)
        .await
        .max_message_size(64 * MIB);
    c.create_cache(CACHE).await;
    let value = vec![9u8; 4 * MIB + 900 * 1024];
    let sets: Vec<_> = (0..64)
        .map(|i| {
            let mut c = c.clone();
            let value = value.clone();
            tokio::spawn(async move { c.try_set(CACHE, format!("k{i}"), value, 600_000).await })
        })
        .collect();
    for set in sets {
        tokio::time::timeout(Duration::from_secs(120), set)
            .await
            .expect("every set completes")
            .unwrap()
            .unwrap();
    }
    let peak = peak_rss(child.id().unwrap());
    child.kill().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
    eprintln!(
        "peak RSS of the server: {:.1} MiB",
        peak as f64 / MIB as f64
    );
    assert!(
        peak < 64 * MIB as u64,
        "peak RSS {} MiB under a 64 MiB cap",
        peak / MIB as u64
    );
}
