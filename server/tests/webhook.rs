//! Topic webhooks (`webhook.Webhook`) over h2c with the tonic-generated clients: the five RPCs,
//! their validation and NOT_FOUND answers, webhooks dying with their cache, the super-user
//! requirement, and deliveries of published messages to a loopback HTTP listener (signature,
//! headers, JSON body) — or not, for non-loopback hosts and with `--webhook-delivery off`.

use crate::common;

use std::time::Duration;

use common::{code, request, Clients, WAIT};
use momento_proto::cache_client::pubsub::{topic_value, PublishRequest, TopicValue};
use momento_proto::control_client::DeleteCacheRequest;
use momento_proto::permission_messages::TopicRole;
use momento_proto::webhook::{
    webhook_destination, DeleteWebhookRequest, GetWebhookSecretRequest, ListWebhookRequest,
    PutWebhookRequest, RotateWebhookSecretRequest, Webhook, WebhookDestination, WebhookId,
};
use momento_server::permissions::{topic_permission, Selector};
use momento_server::webhook_delivery::{sign, DeliveryMetrics, USER_AGENT};
use momento_server::{AuthMode, Config, DeliveryMode, RunningServer};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;
use tonic::{Code, Status};

async fn start(auth: AuthMode, delivery: DeliveryMode) -> RunningServer {
    common::run(Config {
        webhook_delivery: delivery,
        ..common::config(auth)
    })
    .await
}

fn id(cache: &str, name: &str) -> Option<WebhookId> {
    Some(WebhookId {
        cache_name: cache.to_owned(),
        webhook_name: name.to_owned(),
    })
}

fn webhook(cache: &str, name: &str, topic: &str, url: &str) -> PutWebhookRequest {
    PutWebhookRequest {
        webhook: Some(Webhook {
            webhook_id: id(cache, name),
            topic_name: topic.to_owned(),
            destination: Some(WebhookDestination {
                kind: Some(webhook_destination::Kind::PostUrl(url.to_owned())),
            }),
        }),
    }
}

impl Clients {
    async fn put(
        &mut self,
        message: PutWebhookRequest,
        token: Option<&str>,
    ) -> Result<String, Status> {
        self.webhook
            .put_webhook(request(message, None, token))
            .await
            .map(|r| r.into_inner().secret_string)
    }

    async fn list(&mut self, cache: &str, token: Option<&str>) -> Result<Vec<Webhook>, Status> {
        self.webhook
            .list_webhooks(request(
                ListWebhookRequest {
                    cache_name: cache.to_owned(),
                },
                None,
                token,
            ))
            .await
            .map(|r| r.into_inner().webhook)
    }

    async fn delete_webhook(
        &mut self,
        cache: &str,
        name: &str,
        token: Option<&str>,
    ) -> Result<(), Status> {
        self.webhook
            .delete_webhook(request(
                DeleteWebhookRequest {
                    webhook_id: id(cache, name),
                },
                None,
                token,
            ))
            .await
            .map(drop)
    }

    async fn secret(
        &mut self,
        cache: &str,
        name: &str,
        token: Option<&str>,
    ) -> Result<String, Status> {
        self.webhook
            .get_webhook_secret(request(
                GetWebhookSecretRequest {
                    cache_name: cache.to_owned(),
                    webhook_name: name.to_owned(),
                },
                None,
                token,
            ))
            .await
            .map(|r| {
                let r = r.into_inner();
                assert_eq!(
                    (r.cache_name.as_str(), r.webhook_name.as_str()),
                    (cache, name)
                );
                r.secret_string
            })
    }

    async fn rotate(
        &mut self,
        cache: &str,
        name: &str,
        token: Option<&str>,
    ) -> Result<String, Status> {
        self.webhook
            .rotate_webhook_secret(request(
                RotateWebhookSecretRequest {
                    webhook_id: id(cache, name),
                },
                None,
                token,
            ))
            .await
            .map(|r| r.into_inner().secret_string)
    }

    async fn publish_kind(&mut self, cache: &str, topic: &str, value: topic_value::Kind) {
        self.pubsub
            .publish(request(
                PublishRequest {
                    cache_name: cache.to_owned(),
                    topic: topic.to_owned(),
                    value: Some(TopicValue { kind: Some(value) }),
                },
                None,
                Some(&self.root),
            ))
            .await
            .unwrap();
    }
}

/// (name, topic, url) of listed webhooks, checking each names `cache`.
fn summary(cache: &str, webhooks: &[Webhook]) -> Vec<(String, String, String)> {
    webhooks
        .iter()
        .map(|w| {
            let id = w.webhook_id.as_ref().unwrap();
            assert_eq!(id.cache_name, cache);
            let Some(webhook_destination::Kind::PostUrl(url)) =
                w.destination.as_ref().and_then(|d| d.kind.clone())
            else {
                panic!("no post_url in {w:?}")
            };
            (id.webhook_name.clone(), w.topic_name.clone(), url)
        })
        .collect()
}

fn triple(name: &str, topic: &str, url: &str) -> (String, String, String) {
    (name.to_owned(), topic.to_owned(), url.to_owned())
}

#[tokio::test]
async fn put_list_secret_rotate_delete() {
    let server = start(AuthMode::Token, DeliveryMode::Off).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    assert!(c.list("c", root).await.unwrap().is_empty());

    let secret = c
        .put(webhook("c", "w1", "t1", "https://example.com/a"), root)
        .await
        .unwrap();
    assert_eq!(secret.len(), 43, "{secret}");
    // Updating topic and URL keeps the secret.
    let again = c
        .put(webhook("c", "w1", "t2", "http://127.0.0.1:1/b"), root)
        .await
        .unwrap();
    assert_eq!(again, secret);
    let other = c
        .put(webhook("c", "w0", "t1", "https://example.com/"), root)
        .await
        .unwrap();
    assert_ne!(other, secret, "each webhook has its own secret");
    assert_eq!(
        summary("c", &c.list("c", root).await.unwrap()),
        [
            triple("w0", "t1", "https://example.com/"),
            triple("w1", "t2", "http://127.0.0.1:1/b"),
        ]
    );

    assert_eq!(c.secret("c", "w1", root).await.unwrap(), secret);
    let rotated = c.rotate("c", "w1", root).await.unwrap();
    assert_ne!(rotated, secret);
    assert_eq!(rotated.len(), 43);
    assert_eq!(c.secret("c", "w1", root).await.unwrap(), rotated);
    // A later put keeps the rotated secret.
    assert_eq!(
        c.put(webhook("c", "w1", "t2", "http://127.0.0.1:1/b"), root)
            .await
            .unwrap(),
        rotated
    );

    c.delete_webhook("c", "w1", root).await.unwrap();
    // Deleting it again succeeds (like deleting a missing key).
    c.delete_webhook("c", "w1", root).await.unwrap();
    assert_eq!(
        summary("c", &c.list("c", root).await.unwrap()),
        [triple("w0", "t1", "https://example.com/")]
    );
    let status = c.secret("c", "w1", root).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert!(
        status.message().starts_with("Webhook not found"),
        "{status:?}"
    );
    assert_eq!(code(c.rotate("c", "w1", root).await), Code::NotFound);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn validation_and_missing_caches() {
    let server = start(AuthMode::Token, DeliveryMode::Off).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    let long = "x".repeat(129);
    let mut missing_destination = webhook("c", "w", "t", "http://a/");
    missing_destination.webhook.as_mut().unwrap().destination = None;
    let mut missing_id = webhook("c", "w", "t", "http://a/");
    missing_id.webhook.as_mut().unwrap().webhook_id = None;
    for (what, message) in [
        ("no webhook", PutWebhookRequest { webhook: None }),
        ("no id", missing_id),
        ("no destination", missing_destination),
        ("empty cache", webhook("", "w", "t", "http://a/")),
        ("blank webhook name", webhook("c", " ", "t", "http://a/")),
        ("long webhook name", webhook("c", &long, "t", "http://a/")),
        ("control char", webhook("c", "a\tb", "t", "http://a/")),
        ("empty topic", webhook("c", "w", "", "http://a/")),
        ("empty url", webhook("c", "w", "t", "")),
        ("no scheme", webhook("c", "w", "t", "someurl.com")),
        ("ftp", webhook("c", "w", "t", "ftp://example.com/")),
        (
            "user info",
            webhook("c", "w", "t", "http://u:p@example.com/"),
        ),
    ] {
        let status = c.put(message, root).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
    }
    assert_eq!(code(c.list("", root).await), Code::InvalidArgument);
    assert_eq!(
        code(c.delete_webhook("c", "", root).await),
        Code::InvalidArgument
    );
    assert_eq!(code(c.secret("c", "", root).await), Code::InvalidArgument);
    assert_eq!(code(c.rotate("", "w", root).await), Code::InvalidArgument);
    let message = DeleteWebhookRequest { webhook_id: None };
    let refused = c.webhook.delete_webhook(request(message, None, root)).await;
    assert_eq!(code(refused), Code::InvalidArgument);

    // A cache that does not exist.
    let status = c
        .put(webhook("nope", "w", "t", "http://a/"), root)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert!(
        status.message().starts_with("Cache not found"),
        "{status:?}"
    );
    assert_eq!(code(c.list("nope", root).await), Code::NotFound);
    assert_eq!(
        code(c.delete_webhook("nope", "w", root).await),
        Code::NotFound
    );
    assert_eq!(code(c.secret("nope", "w", root).await), Code::NotFound);
    assert_eq!(code(c.rotate("nope", "w", root).await), Code::NotFound);
    assert!(c.list("c", root).await.unwrap().is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn deleting_the_cache_deletes_its_webhooks() {
    let server = start(AuthMode::Token, DeliveryMode::Off).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    c.create_cache("d").await;
    c.put(webhook("c", "w", "t", "http://a/"), root)
        .await
        .unwrap();
    c.put(webhook("d", "w", "t", "http://a/"), root)
        .await
        .unwrap();
    c.control
        .delete_cache(request(
            DeleteCacheRequest {
                cache_name: "c".into(),
            },
            None,
            root,
        ))
        .await
        .unwrap();
    assert_eq!(code(c.list("c", root).await), Code::NotFound);
    c.create_cache("c").await;
    assert!(c.list("c", root).await.unwrap().is_empty());
    assert_eq!(code(c.secret("c", "w", root).await), Code::NotFound);
    assert_eq!(c.list("d", root).await.unwrap().len(), 1);
    server.shutdown().await.unwrap();
}

/// A disposable token with read-write access to every cache and topic: broad, but not a super
/// user.
async fn scoped_token(c: &mut Clients) -> String {
    let topics = topic_permission(TopicRole::TopicReadWrite, None, &Selector::All);
    let permissions = common::explicit(vec![common::all_caches_read_write(), topics]);
    c.mint(permissions, 600).await
}

#[tokio::test]
async fn only_super_users_manage_webhooks() {
    let server = start(AuthMode::Token, DeliveryMode::Off).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    c.create_cache("c").await;
    let secret = c
        .put(webhook("c", "w", "t", "http://a/"), Some(&root))
        .await
        .unwrap();
    let scoped = scoped_token(&mut c).await;
    for (token, expected) in [
        (Some(scoped.as_str()), Code::PermissionDenied),
        (None, Code::Unauthenticated),
    ] {
        let ctx = format!("token={:?}", token.map(|_| "scoped"));
        let r = c.put(webhook("c", "w2", "t", "http://a/"), token).await;
        assert_eq!(code(r), expected, "PutWebhook {ctx}");
        // Denied before validation or lookup: a bad request is still PERMISSION_DENIED.
        let r = c.put(webhook("nope", "", "", ""), token).await;
        assert_eq!(code(r), expected, "PutWebhook (invalid) {ctx}");
        assert_eq!(
            code(c.list("c", token).await),
            expected,
            "ListWebhooks {ctx}"
        );
        assert_eq!(
            code(c.delete_webhook("c", "w", token).await),
            expected,
            "DeleteWebhook {ctx}"
        );
        assert_eq!(
            code(c.secret("c", "w", token).await),
            expected,
            "GetWebhookSecret {ctx}"
        );
        assert_eq!(
            code(c.rotate("c", "w", token).await),
            expected,
            "RotateWebhookSecret {ctx}"
        );
    }
    let status = c.secret("c", "w", Some(&scoped)).await.unwrap_err();
    assert!(
        status.message().contains("GetWebhookSecret") && status.message().contains("super-user"),
        "{}",
        status.message()
    );
    // Nothing changed.
    assert_eq!(c.secret("c", "w", Some(&root)).await.unwrap(), secret);
    assert_eq!(
        summary("c", &c.list("c", Some(&root)).await.unwrap()),
        [triple("w", "t", "http://a/")]
    );
    server.shutdown().await.unwrap();

    // Without authentication everything is allowed.
    let open = start(AuthMode::None, DeliveryMode::Off).await;
    let mut c = Clients::new(&open).await;
    c.create_cache("c").await;
    c.put(webhook("c", "w", "t", "http://a/"), None)
        .await
        .unwrap();
    assert_eq!(c.list("c", None).await.unwrap().len(), 1);
    open.shutdown().await.unwrap();
}

/// One HTTP request as the listener received it.
#[derive(Debug)]
struct Received {
    head: String,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

/// A loopback HTTP endpoint answering `status` to every request; requests arrive on the
/// returned channel.
async fn endpoint(status: u16) -> (String, tokio::sync::mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook?src=momento", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let mut data = Vec::new();
                let mut buf = [0u8; 4096];
                let (head, length) = loop {
                    let n = socket.read(&mut buf).await.unwrap();
                    assert!(n > 0, "connection closed before the headers ended");
                    data.extend_from_slice(&buf[..n]);
                    if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8(data[..end].to_vec()).unwrap();
                        data.drain(..end + 4);
                        let length = Received {
                            head: head.clone(),
                            body: Vec::new(),
                        }
                        .header("content-length")
                        .unwrap()
                        .parse::<usize>()
                        .unwrap();
                        break (head, length);
                    }
                };
                while data.len() < length {
                    let n = socket.read(&mut buf).await.unwrap();
                    assert!(n > 0, "connection closed before the body ended");
                    data.extend_from_slice(&buf[..n]);
                }
                let answer = format!("HTTP/1.1 {status} Whatever\r\nContent-Length: 0\r\n\r\n");
                socket.write_all(answer.as_bytes()).await.unwrap();
                let _ = tx.send(Received { head, body: data });
            });
        }
    });
    (url, rx)
}

async fn wait_for_metrics(server: &RunningServer, done: impl Fn(DeliveryMetrics) -> bool) {
    common::until(|| server.webhooks().delivery().metrics(), |m| done(*m)).await;
}

#[tokio::test]
async fn published_messages_are_posted_and_signed() {
    let server = start(AuthMode::Token, DeliveryMode::Loopback).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    let (url, mut received) = endpoint(204).await;
    let secret = c.put(webhook("c", "w", "t", &url), root).await.unwrap();
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;

    // Another topic: not delivered. Then text and binary on the webhook's topic, in order.
    c.publish_kind("c", "other", topic_value::Kind::Text("no".into()))
        .await;
    c.publish_kind("c", "t", topic_value::Kind::Text("hello".into()))
        .await;
    c.publish_kind("c", "t", topic_value::Kind::Binary(vec![0, 1, 255]))
        .await;

    let first = tokio::time::timeout(WAIT, received.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(
        first
            .head
            .starts_with("POST /hook?src=momento HTTP/1.1\r\n"),
        "{}",
        first.head
    );
    assert_eq!(first.header("user-agent").as_deref(), Some(USER_AGENT));
    assert_eq!(
        first.header("content-type").as_deref(),
        Some("application/json")
    );
    assert_eq!(
        first.header("momento-signature"),
        Some(sign(&secret, &first.body))
    );
    let body: serde_json::Value = serde_json::from_slice(&first.body).unwrap();
    assert_eq!(body["cache"], "c");
    assert_eq!(body["topic"], "t");
    assert_eq!(body["text"], "hello");
    assert_eq!(body["topic_sequence_number"], 1);
    let token_id = server.signer().verify(&c.root).unwrap().jti.unwrap();
    assert_eq!(body["token_id"], token_id.as_str());
    let published = body["publish_timestamp"].as_u64().unwrap();
    assert!(published >= before, "{published} < {before}");
    assert!(body["event_timestamp"].as_u64().unwrap() >= published);
    assert!(body.get("binary").is_none());

    let second = tokio::time::timeout(WAIT, received.recv())
        .await
        .unwrap()
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&second.body).unwrap();
    assert_eq!(body["topic_sequence_number"], 2);
    assert_eq!(body["text"], "");
    assert_eq!(body["binary"], "AAH/");
    wait_for_metrics(&server, |m| m.delivered == 2).await;

    // After a rotation, deliveries are signed with the new secret.
    let rotated = c.rotate("c", "w", root).await.unwrap();
    c.publish_kind("c", "t", topic_value::Kind::Text("again".into()))
        .await;
    let third = tokio::time::timeout(WAIT, received.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        third.header("momento-signature"),
        Some(sign(&rotated, &third.body))
    );

    // A deleted webhook gets nothing more.
    c.delete_webhook("c", "w", root).await.unwrap();
    c.publish_kind("c", "t", topic_value::Kind::Text("gone".into()))
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(received.try_recv().is_err());
    assert_eq!(
        server.webhooks().delivery().metrics(),
        DeliveryMetrics {
            delivered: 3,
            failed: 0,
            dropped: 0
        }
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn non_2xx_answers_and_non_loopback_hosts_fail() {
    let server = start(AuthMode::Token, DeliveryMode::Loopback).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    let (url, mut received) = endpoint(500).await;
    c.put(webhook("c", "err", "t", &url), root).await.unwrap();
    // TEST-NET-1 (RFC 5737): refused before any connection under `loopback`.
    c.put(webhook("c", "far", "t", "http://192.0.2.1:9/x"), root)
        .await
        .unwrap();
    // https is stored but not delivered.
    c.put(webhook("c", "tls", "t", "https://127.0.0.1:9/x"), root)
        .await
        .unwrap();
    c.publish_kind("c", "t", topic_value::Kind::Text("m".into()))
        .await;
    tokio::time::timeout(WAIT, received.recv())
        .await
        .unwrap()
        .unwrap();
    wait_for_metrics(&server, |m| m.failed == 3).await;
    assert_eq!(server.webhooks().delivery().metrics().delivered, 0);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn delivery_off_posts_nothing() {
    let server = start(AuthMode::Token, DeliveryMode::Off).await;
    let mut c = Clients::new(&server).await;
    let root = c.root.clone();
    let root = Some(root.as_str());
    c.create_cache("c").await;
    let (url, mut received) = endpoint(204).await;
    c.put(webhook("c", "w", "t", &url), root).await.unwrap();
    c.publish_kind("c", "t", topic_value::Kind::Text("m".into()))
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(received.try_recv().is_err());
    assert_eq!(
        server.webhooks().delivery().metrics(),
        DeliveryMetrics::default()
    );
    server.shutdown().await.unwrap();
}
