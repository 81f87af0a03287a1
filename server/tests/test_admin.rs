//! momento-local compatibility (`--enable-test-admin`): the admin port cutting and restoring the
//! data port, and fault injection by request metadata; both off by default.

use crate::common;

use std::time::{Duration, Instant};

use common::{channel, create_cache, request};
use momento_proto::cache_client::pubsub::{subscription_item, SubscriptionRequest};
use momento_proto::cache_client::GetRequest;
use momento_server::grpc::cache_client::pubsub::pubsub_client::PubsubClient;
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::{AuthMode, Config, RunningServer};
use tokio_stream::StreamExt as _;
use tonic::metadata::MetadataValue;
use tonic::Code;

async fn start(test_admin: bool) -> RunningServer {
    let server = common::run(Config {
        topic_heartbeat_interval: Duration::from_millis(100),
        test_admin_port: test_admin.then_some(0),
        ..common::config(AuthMode::Token)
    })
    .await;
    create_cache(channel(&server).await, "c", server.auth_token()).await;
    server
}

/// A Get of `key` in cache `c` carrying the fault headers `faults`.
fn get(server: &RunningServer, faults: &[(&'static str, &str)]) -> tonic::Request<GetRequest> {
    let mut request = request(
        GetRequest {
            cache_key: b"k".to_vec(),
        },
        Some("c"),
        Some(server.auth_token()),
    );
    for (name, value) in faults {
        request
            .metadata_mut()
            .insert(*name, MetadataValue::try_from(*value).unwrap());
    }
    request
}

/// A Subscribe to topic `t` of cache `c` from now on.
fn subscription(server: &RunningServer) -> tonic::Request<SubscriptionRequest> {
    request(
        SubscriptionRequest {
            cache_name: "c".into(),
            topic: "t".into(),
            resume_at_topic_sequence_number: 0,
            sequence_page: 0,
        },
        None,
        Some(server.auth_token()),
    )
}

async fn admin(server: &RunningServer, path: &str) -> String {
    let addr = server.test_admin_addr().unwrap();
    assert!(addr.ip().is_loopback());
    reqwest::get(format!("http://{addr}{path}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn off_by_default_fault_headers_are_ignored() {
    let server = start(false).await;
    assert!(server.test_admin_addr().is_none());
    let mut data = ScsClient::new(channel(&server).await);
    let faults = [
        ("request-id", "r"),
        ("return-error", "unavailable"),
        ("error-rpcs", "get"),
        ("delay-rpcs", "get"),
        ("delay-ms", "2000"),
    ];
    let started = Instant::now();
    data.get(get(&server, &faults)).await.unwrap();
    assert!(started.elapsed() < Duration::from_millis(1500));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn errors_delays_and_counts_per_request_id() {
    let server = start(true).await;
    let mut data = ScsClient::new(channel(&server).await);
    let faults = [
        ("request-id", "a"),
        ("return-error", "unavailable"),
        ("error-rpcs", "get set"),
        ("error-count", "2"),
    ];
    for _ in 0..2 {
        let status = data.get(get(&server, &faults)).await.unwrap_err();
        assert_eq!(status.code(), Code::Unavailable);
    }
    data.get(get(&server, &faults)).await.unwrap();
    // Another request id has its own count; an RPC not listed is untouched.
    let other = [faults[1], faults[2], faults[3], ("request-id", "b")];
    assert_eq!(
        data.get(get(&server, &other)).await.unwrap_err().code(),
        Code::Unavailable
    );
    let not_listed = [("return-error", "internal"), ("error-rpcs", "set")];
    data.get(get(&server, &not_listed)).await.unwrap();

    // A delay, then the error (momento-local's order); delay-count limits the delays.
    let slow = [
        ("request-id", "c"),
        ("delay-rpcs", "get"),
        ("delay-ms", "300"),
        ("delay-count", "1"),
        ("return-error", "not-found"),
        ("error-rpcs", "get"),
    ];
    let started = Instant::now();
    let status = data.get(get(&server, &slow)).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    data.get(get(&server, &slow)).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(250));
    // A delay beyond the client's deadline is a timeout (tonic's client reports its own
    // deadline as Cancelled, the server's as DeadlineExceeded).
    let mut late = get(&server, &[("delay-rpcs", "get"), ("delay-ms", "2000")]);
    late.set_timeout(Duration::from_millis(200));
    let started = Instant::now();
    let code = data.get(late).await.unwrap_err().code();
    assert!(
        matches!(code, Code::DeadlineExceeded | Code::Cancelled),
        "{code:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(1500));
    // The server's own answer when the deadline passes during a delay (a gRPC-web client with no
    // timer of its own: the grpc-timeout header alone) is DEADLINE_EXCEEDED, as the service's;
    // tonic's default is CANCELLED, which raced the official SDKs' own timers into
    // CANCELLED_ERROR on a loaded machine.
    let started = Instant::now();
    let reply = common::web::text_call(
        format!("{}/cache_client.Scs/Get", server.url()),
        &GetRequest {
            cache_key: b"k".to_vec(),
        },
        &[
            ("authorization", server.auth_token()),
            ("cache", "c"),
            ("delay-rpcs", "get"),
            ("delay-ms", "2000"),
            ("grpc-timeout", "200m"),
        ],
    )
    .await;
    let status = (
        reply.metadata("grpc-status"),
        reply.metadata("grpc-message"),
    );
    assert_eq!(status.0.as_deref(), Some("4"), "{status:?}");
    let waited = started.elapsed().as_millis();
    assert!((190..1500).contains(&waited), "{waited} ms");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn stream_error_after_a_message_limit() {
    let server = start(true).await;
    let mut pubsub = PubsubClient::new(channel(&server).await);
    let mut subscribe = subscription(&server);
    for (name, value) in [
        ("stream-error-rpcs", "topic-subscribe"),
        ("stream-error", "unavailable"),
        ("stream-error-message-limit", "3"),
    ] {
        subscribe
            .metadata_mut()
            .insert(name, MetadataValue::try_from(value).unwrap());
    }
    let mut stream = pubsub.subscribe(subscribe).await.unwrap().into_inner();
    for _ in 0..3 {
        let item = stream.next().await.unwrap().unwrap();
        assert!(matches!(
            item.kind,
            Some(subscription_item::Kind::Heartbeat(_))
        ));
    }
    let status = stream.next().await.unwrap().unwrap_err();
    assert_eq!(status.code(), Code::Unavailable);
    assert!(stream.next().await.is_none());
    // The subscription's slot is freed once the stream ended.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(server.topics().active_subscriptions(), 0);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn block_cuts_open_streams_and_unblock_restores_the_port() {
    let server = start(true).await;
    assert_eq!(admin(&server, "/status").await.trim(), "unblocked");
    let mut pubsub = PubsubClient::new(channel(&server).await);
    let mut stream = pubsub
        .subscribe(subscription(&server))
        .await
        .unwrap()
        .into_inner();
    stream.next().await.unwrap().unwrap();

    assert_eq!(admin(&server, "/block").await.trim(), "blocked");
    // The open stream fails at once (no more heartbeats).
    let cut = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            match stream.next().await {
                Some(Ok(_)) => continue,
                other => return other,
            }
        }
    })
    .await
    .expect("the stream was not cut");
    assert!(matches!(cut, None | Some(Err(_))), "{cut:?}");
    // New calls get nothing while blocked.
    let endpoint = tonic::transport::Endpoint::from_shared(server.url())
        .unwrap()
        .connect_timeout(Duration::from_millis(300))
        .timeout(Duration::from_millis(300));
    let waiting = endpoint.connect_lazy();
    let mut blocked = ScsClient::new(waiting.clone());
    assert!(blocked.get(get(&server, &[])).await.is_err());

    assert_eq!(admin(&server, "/unblock").await.trim(), "unblocked");
    let mut fresh = ScsClient::new(channel(&server).await);
    fresh.get(get(&server, &[])).await.unwrap();
    assert_eq!(admin(&server, "/nope").await.trim(), "not found");
    server.shutdown().await.unwrap();
}

/// Many delayed calls at once, each outliving its deadline: every one answers DEADLINE_EXCEEDED
/// (the injected delay's answer), none tonic's CANCELLED "Timeout expired", however late the fault
/// layer first runs after tonic started its own timer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadline_during_a_delay_is_deadline_exceeded_under_load() {
    let server = start(true).await;
    let url = format!("{}/cache_client.Scs/Get", server.url());
    let token = server.auth_token().to_owned();
    let calls = (0..64).map(|_| {
        let (url, token) = (url.clone(), token.clone());
        tokio::spawn(async move {
            let reply = common::web::text_call(
                url,
                &GetRequest {
                    cache_key: b"k".to_vec(),
                },
                &[
                    ("authorization", &token),
                    ("cache", "c"),
                    ("delay-rpcs", "get"),
                    ("delay-ms", "1000"),
                    ("grpc-timeout", "100m"),
                ],
            )
            .await;
            reply.metadata("grpc-status")
        })
    });
    for call in calls.collect::<Vec<_>>() {
        assert_eq!(call.await.unwrap().as_deref(), Some("4"));
    }
    server.shutdown().await.unwrap();
}
