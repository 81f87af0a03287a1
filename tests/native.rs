//! The SDK core over the native transport against a real momento-server process (port 0): the same pipeline
//! the wasm build runs over `fetch`, exercised on the host. The server binary comes from `MOMENTO_SERVER_BIN`
//! or `target/debug/momento-server` (`cargo build -p momento-server`; scripts/test builds it first).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use momento_wasm::core::cache::scalar::delete::DeleteRequest;
use momento_wasm::core::cache::scalar::get::{GetRequest, GetResponse};
use momento_wasm::core::cache::scalar::set::SetRequest;
use momento_wasm::core::client::Client;
use momento_wasm::core::config::Configuration;
use momento_wasm::core::control::create_cache::{CreateCacheRequest, CreateCacheResponse};
use momento_wasm::core::control::DeleteCacheRequest;
use momento_wasm::core::credentials::Credentials;
use momento_wasm::core::error::{MomentoError, MomentoErrorCode};
use momento_wasm::core::grpc_web::Mode;
use momento_wasm::core::topics::delete_webhook::{DeleteWebhookRequest, DeleteWebhookResponse};
use momento_wasm::core::topics::get_webhook_secret::{
    GetWebhookSecretRequest, GetWebhookSecretResponse,
};
use momento_wasm::core::topics::list_webhooks::{ListWebhooksRequest, ListWebhooksResponse};
use momento_wasm::core::topics::publish::{PublishRequest, TopicMessage};
use momento_wasm::core::topics::put_webhook::{PutWebhookRequest, PutWebhookResponse};
use momento_wasm::core::topics::rotate_webhook_secret::{
    RotateWebhookSecretRequest, RotateWebhookSecretResponse,
};
use momento_wasm::core::topics::webhook::Webhook;
use momento_wasm::transport::native::NativeTransport;

/// A momento-server child process, killed on drop.
struct Server {
    child: Child,
    key: String,
    dir: TempDir,
}

impl Server {
    fn api_key(&self) -> &str {
        &self.key
    }

    /// A key with read-write access to every cache and topic, signed with this server's secret by
    /// `momento-server key`: broad, but not a super user.
    fn scoped_key(&self) -> String {
        let output = Command::new(server_bin())
            .args(["key", "--all-caches", "--all-topics", "--role", "readwrite"])
            .arg("--secret-file")
            .arg(self.dir.0.join("secret"))
            .args(["--endpoint", &self.endpoint()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    }

    fn endpoint(&self) -> String {
        let json =
            base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &self.key).unwrap();
        let json = String::from_utf8(json).unwrap();
        let start = json.find("\"endpoint\":\"").unwrap() + 12;
        let end = start + json[start..].find('"').unwrap();
        json[start..end].to_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private temporary directory, removed on drop.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn server_bin() -> PathBuf {
    std::env::var_os("MOMENTO_SERVER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/debug/momento-server")
        })
}

async fn server() -> Server {
    let bin = server_bin();
    assert!(
        bin.exists(),
        "{} not found: run `cargo build -p momento-server` first",
        bin.display()
    );
    let dir = std::env::temp_dir().join(format!(
        "momento-wasm-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let key_file = dir.join("key");
    let mut child = Command::new(&bin)
        .args(["--port", "0", "--key-file"])
        .arg(&key_file)
        .arg("--secret-file")
        .arg(dir.join("secret"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(
        line.contains("listening on"),
        "unexpected ready line {line:?}"
    );
    let key = std::fs::read_to_string(&key_file)
        .unwrap()
        .trim()
        .to_owned();
    Server {
        child,
        key,
        dir: TempDir(dir),
    }
}

fn client(api_key: &str, config: Configuration) -> Client<NativeTransport> {
    let credentials = Credentials::from_string(api_key, None).unwrap();
    Client::new(
        NativeTransport::new(),
        credentials,
        config,
        "cache",
        "rust-test".into(),
    )
}

/// A client of `s` with the laptop preset.
fn laptop(s: &Server) -> Client<NativeTransport> {
    client(s.api_key(), Configuration::laptop_v1())
}

/// A server, a laptop client of it, and cache `name` created there.
async fn server_with_cache(name: &str) -> (Server, Client<NativeTransport>) {
    let s = server().await;
    let c = laptop(&s);
    create(&c, name).await;
    (s, c)
}

/// A client of `s` (the laptop preset) in transport `mode`.
fn mode_client(s: &Server, mode: Mode) -> Client<NativeTransport> {
    client(
        s.api_key(),
        Configuration::laptop_v1().with_transport_mode(mode),
    )
}

/// A set of `k` in `cache` (60 s deadline).
fn set_k(cache: &str, value: Vec<u8>, ttl_seconds: Option<f64>) -> SetRequest {
    SetRequest::new(cache.into(), b"k".to_vec(), value, ttl_seconds, 60_000).unwrap()
}

/// The error of a get of `k` in `cache` that must fail.
async fn get_error(c: &Client<NativeTransport>, cache: &str) -> MomentoError {
    c.run(
        GetRequest::new(cache.into(), b"k".to_vec()).unwrap().into(),
        None,
    )
    .await
    .unwrap_err()
}

async fn create(c: &Client<NativeTransport>, name: &str) -> CreateCacheResponse {
    c.run(CreateCacheRequest::new(name.into()).unwrap().into(), None)
        .await
        .unwrap()
}

#[tokio::test]
async fn round_trips_in_both_modes() {
    let s = server().await;
    for mode in [Mode::Text, Mode::Binary] {
        let c = mode_client(&s, mode);
        let cache = format!("c-{mode:?}");
        assert_eq!(create(&c, &cache).await, CreateCacheResponse::Success);
        assert_eq!(create(&c, &cache).await, CreateCacheResponse::AlreadyExists);
        let value: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
        let set = set_k(&cache, value.clone(), None);
        c.run(set.into(), None).await.unwrap();
        let get = GetRequest::new(cache.clone(), b"k".to_vec()).unwrap();
        assert_eq!(
            c.run(get.into(), None).await.unwrap(),
            GetResponse::Hit { value }
        );
        c.run(
            DeleteRequest::new(cache.clone(), b"k".to_vec())
                .unwrap()
                .into(),
            None,
        )
        .await
        .unwrap();
        let get = GetRequest::new(cache.clone(), b"k".to_vec()).unwrap();
        assert_eq!(c.run(get.into(), None).await.unwrap(), GetResponse::Miss);
        c.run(DeleteCacheRequest::new(cache.clone()).unwrap().into(), None)
            .await
            .unwrap();
        let e = c
            .run(DeleteCacheRequest::new(cache).unwrap().into(), None)
            .await
            .unwrap_err();
        assert_eq!(e.code, MomentoErrorCode::NotFound);
    }
}

#[tokio::test]
async fn ttl_expires() {
    let (_s, c) = server_with_cache("ttl").await;
    c.run(set_k("ttl", b"v".to_vec(), Some(1.0)).into(), None)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
    let get = GetRequest::new("ttl".into(), b"k".to_vec()).unwrap();
    assert_eq!(c.run(get.into(), None).await.unwrap(), GetResponse::Miss);
}

#[tokio::test]
async fn service_errors_are_mapped() {
    let s = server().await;
    let e = get_error(&laptop(&s), "nope").await;
    assert_eq!(e.code, MomentoErrorCode::NotFound);
    assert!(e
        .wrapped_message()
        .starts_with("A cache with the specified name does not exist"));
    let grpc = e.grpc.unwrap();
    assert_eq!(grpc.code, 5);

    let forged = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        format!(r#"{{"endpoint":"{}","api_key":"forged"}}"#, s.endpoint()),
    );
    let bad = client(&forged, Configuration::laptop_v1());
    let e = get_error(&bad, "nope").await;
    assert_eq!(e.code, MomentoErrorCode::Authentication);
}

#[tokio::test]
async fn item_too_large_is_limit_exceeded() {
    let (_s, c) = server_with_cache("big").await;
    let set = set_k("big", vec![7; 6 * 1024 * 1024], None);
    let e = c.run(set.into(), None).await.unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::LimitExceeded, "{e}");
    assert!(
        e.wrapped_message().starts_with("Item size limit exceeded"),
        "{e}"
    );
}

#[tokio::test]
async fn unreachable_server_is_unavailable_after_retries() {
    // Bind then drop a listener: connections to that port are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let c = client_local(port, Configuration::laptop_v1());
    let e = get_error(&c, "c").await;
    assert_eq!(e.code, MomentoErrorCode::ServerUnavailable, "{e}");
}

fn client_local(port: u16, config: Configuration) -> Client<NativeTransport> {
    Client::new(
        NativeTransport::new(),
        Credentials::for_momento_local("127.0.0.1", port),
        config,
        "cache",
        "rust-test".into(),
    )
}

#[tokio::test]
async fn a_silent_server_hits_the_deadline() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let _hold = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            open.push(sock);
        }
    });
    let c = client_local(port, Configuration::laptop_v1().with_client_timeout_ms(300));
    let e = get_error(&c, "c").await;
    assert_eq!(e.code, MomentoErrorCode::Timeout, "{e}");
}

#[tokio::test]
async fn a_cancelled_signal_cancels() {
    let s = server().await;
    let c = laptop(&s);
    let (tx, rx) = tokio::sync::watch::channel(false);
    tx.send(true).unwrap();
    let e = c
        .run(
            GetRequest::new("c".into(), b"k".to_vec()).unwrap().into(),
            Some(&rx),
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::Cancelled);
}

/// Reads one HTTP request (head and `Content-Length` body) from `socket`, answers 204, and returns the head and
/// the body.
async fn read_post(mut socket: tokio::net::TcpStream) -> (String, String) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = socket.read(&mut buf).await.unwrap();
        assert!(n > 0, "connection closed early: {data:?}");
        data.extend_from_slice(&buf[..n]);
        let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8(data[..end].to_vec()).unwrap();
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap();
        if data.len() >= end + 4 + length {
            let body = String::from_utf8(data[end + 4..end + 4 + length].to_vec()).unwrap();
            socket
                .write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                .await
                .unwrap();
            return (head, body);
        }
    }
}

#[tokio::test]
async fn webhooks_round_trip_and_deliver() {
    let s = server().await;
    for mode in [Mode::Text, Mode::Binary] {
        let c = mode_client(&s, mode);
        let cache = format!("hooks-{mode:?}");
        create(&c, &cache).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let webhook = Webhook {
            cache_name: cache.clone(),
            webhook_name: "w".into(),
            topic_name: "t".into(),
            url: format!("http://{}/in", listener.local_addr().unwrap()),
        };
        let PutWebhookResponse::Success { secret } = c
            .run(
                PutWebhookRequest::new(webhook.clone()).unwrap().into(),
                None,
            )
            .await
            .unwrap();
        assert!(!secret.is_empty());
        assert_eq!(
            c.run(
                ListWebhooksRequest::new(cache.clone()).unwrap().into(),
                None
            )
            .await
            .unwrap(),
            ListWebhooksResponse::Success {
                webhooks: vec![webhook.clone()]
            }
        );
        let get = || GetWebhookSecretRequest::new(cache.clone(), "w".into()).unwrap();
        assert_eq!(
            c.run(get().into(), None).await.unwrap(),
            GetWebhookSecretResponse::Success {
                secret: secret.clone(),
                cache_name: cache.clone(),
                webhook_name: "w".into(),
            }
        );

        // A message published to the topic is POSTed to the webhook, signed.
        c.run(
            PublishRequest::new(cache.clone(), "t".into(), TopicMessage::Text("hi".into()))
                .unwrap()
                .into(),
            None,
        )
        .await
        .unwrap();
        let (socket, _) =
            tokio::time::timeout(std::time::Duration::from_secs(5), listener.accept())
                .await
                .unwrap()
                .unwrap();
        let (head, body) = read_post(socket).await;
        assert!(head.starts_with("POST /in HTTP/1.1"), "{head}");
        let signature = head
            .lines()
            .find_map(|l| l.strip_prefix("momento-signature: "))
            .unwrap();
        assert_eq!(signature.len(), 64, "{signature}");
        assert!(body.contains(r#""text":"hi""#), "{body}");
        assert!(body.contains(&format!(r#""cache":"{cache}""#)), "{body}");

        let RotateWebhookSecretResponse::Success { secret: rotated } = c
            .run(
                RotateWebhookSecretRequest::new(cache.clone(), "w".into())
                    .unwrap()
                    .into(),
                None,
            )
            .await
            .unwrap();
        assert_ne!(rotated, secret);
        assert_eq!(
            c.run(
                DeleteWebhookRequest::new(cache.clone(), "w".into())
                    .unwrap()
                    .into(),
                None
            )
            .await
            .unwrap(),
            DeleteWebhookResponse::Success
        );
        let e = c.run(get().into(), None).await.unwrap_err();
        assert_eq!(e.code, MomentoErrorCode::NotFound, "{e}");
    }

    // Errors: an unknown cache, a scoped (non-super-user) key, and client-side validation.
    let c = laptop(&s);
    let e = c
        .run(
            ListWebhooksRequest::new("nope".into()).unwrap().into(),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::NotFound, "{e}");
    let scoped = client(&s.scoped_key(), Configuration::laptop_v1());
    let e = scoped
        .run(
            ListWebhooksRequest::new("hooks-Text".into())
                .unwrap()
                .into(),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::Permission, "{e}");
    let e = PutWebhookRequest::new(Webhook {
        cache_name: "c".into(),
        webhook_name: "w".into(),
        topic_name: " ".into(),
        url: "http://127.0.0.1/".into(),
    })
    .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::InvalidArgument);
    assert_eq!(e.message, "topic name must not be empty");
    // The service checks the URL.
    let e = c
        .run(
            PutWebhookRequest::new(Webhook {
                cache_name: "hooks-Text".into(),
                webhook_name: "w".into(),
                topic_name: "t".into(),
                url: "someurl.com".into(),
            })
            .unwrap()
            .into(),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, MomentoErrorCode::InvalidArgument, "{e}");
}
