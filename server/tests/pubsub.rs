//! Topics (`cache_client.pubsub.Pubsub`) over real sockets: h2c with the tonic clients, and
//! gRPC-web text streaming over HTTP/1.1 chunked.

use crate::common;

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::{request, web, Clients, WAIT};
use momento_proto::cache_client::pubsub::{
    subscription_item, topic_value, Discontinuity, PublishRequest, SubscriptionItem,
    SubscriptionRequest, TopicItem, TopicValue,
};
use momento_server::token::Claims;
use momento_server::{AuthMode, Config, RunningServer};
use prost::Message as _;
use tonic::{Code, Streaming};

/// A server with the given topic settings (heartbeats every `heartbeat_ms`).
async fn start(heartbeat_ms: u64, buffer: usize, max_subscriptions: usize) -> RunningServer {
    start_auth(AuthMode::Token, heartbeat_ms, buffer, max_subscriptions).await
}

async fn start_auth(
    auth: AuthMode,
    heartbeat_ms: u64,
    buffer: usize,
    max_subscriptions: usize,
) -> RunningServer {
    common::run(Config {
        topic_heartbeat_interval: Duration::from_millis(heartbeat_ms),
        topic_buffer_size: buffer,
        max_subscriptions,
        ..common::config(auth)
    })
    .await
}

fn text(s: &str) -> TopicValue {
    TopicValue {
        kind: Some(topic_value::Kind::Text(s.to_owned())),
    }
}

fn binary(b: &[u8]) -> TopicValue {
    TopicValue {
        kind: Some(topic_value::Kind::Binary(b.to_vec())),
    }
}

impl Clients {
    async fn try_publish(
        &mut self,
        cache: &str,
        topic: &str,
        value: Option<TopicValue>,
    ) -> Result<(), tonic::Status> {
        self.pubsub
            .publish(request(
                PublishRequest {
                    cache_name: cache.to_owned(),
                    topic: topic.to_owned(),
                    value,
                },
                None,
                Some(&self.root),
            ))
            .await
            .map(|_| ())
    }

    async fn publish(&mut self, cache: &str, topic: &str, value: TopicValue) {
        self.try_publish(cache, topic, Some(value)).await.unwrap();
    }

    async fn try_subscribe(
        &mut self,
        cache: &str,
        topic: &str,
        resume_at: u64,
        page: u64,
    ) -> Result<Streaming<SubscriptionItem>, tonic::Status> {
        self.pubsub
            .subscribe(request(
                SubscriptionRequest {
                    cache_name: cache.to_owned(),
                    topic: topic.to_owned(),
                    resume_at_topic_sequence_number: resume_at,
                    sequence_page: page,
                },
                None,
                Some(&self.root),
            ))
            .await
            .map(tonic::Response::into_inner)
    }

    /// Subscribes and checks that the first message is a heartbeat.
    async fn subscribe(
        &mut self,
        cache: &str,
        topic: &str,
        resume_at: u64,
        page: u64,
    ) -> Streaming<SubscriptionItem> {
        let mut stream = self
            .try_subscribe(cache, topic, resume_at, page)
            .await
            .unwrap();
        assert_eq!(next(&mut stream).await, Kind::Heartbeat, "heartbeat first");
        stream
    }
}

#[derive(Debug, PartialEq)]
enum Kind {
    Heartbeat,
    Item(TopicItem),
    Discontinuity(Discontinuity),
    /// The stream ended with OK.
    End,
}

/// The next message (or the end) of a stream, within [`WAIT`].
async fn next(stream: &mut Streaming<SubscriptionItem>) -> Kind {
    let message = tokio::time::timeout(WAIT, stream.message())
        .await
        .expect("stream message in time")
        .expect("stream ok");
    match message.map(|m| m.kind) {
        None => Kind::End,
        Some(Some(subscription_item::Kind::Heartbeat(_))) => Kind::Heartbeat,
        Some(Some(subscription_item::Kind::Item(item))) => Kind::Item(item),
        Some(Some(subscription_item::Kind::Discontinuity(d))) => Kind::Discontinuity(d),
        Some(None) => panic!("empty subscription item"),
    }
}

/// The next message that is not a heartbeat.
async fn next_event(stream: &mut Streaming<SubscriptionItem>) -> Kind {
    loop {
        match next(stream).await {
            Kind::Heartbeat => continue,
            other => return other,
        }
    }
}

/// The next item (panics on anything but items and heartbeats).
async fn next_item(stream: &mut Streaming<SubscriptionItem>) -> TopicItem {
    match next_event(stream).await {
        Kind::Item(item) => item,
        other => panic!("expected an item, got {other:?}"),
    }
}

fn value_text(item: &TopicItem) -> &str {
    match item.value.as_ref().and_then(|v| v.kind.as_ref()) {
        Some(topic_value::Kind::Text(s)) => s,
        other => panic!("expected a text value, got {other:?}"),
    }
}

/// Polls `f` until it is true (within [`WAIT`]).
async fn eventually(f: impl FnMut() -> bool) {
    common::until(f, |done| *done).await;
}

#[tokio::test]
async fn publish_subscribe_in_order() {
    let server = start(60_000, 1024, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let jti = server
        .signer()
        .verify(server.auth_token())
        .unwrap()
        .jti
        .unwrap();

    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.publish("c", "t", text("one")).await;
    c.publish("c", "t", binary(&[0, 1, 255])).await;
    c.publish("c", "t", text("")).await;
    // Another topic and another cache do not interfere.
    c.publish("c", "other", text("x")).await;

    let first = next_item(&mut stream).await;
    assert_eq!(first.topic_sequence_number, 1);
    assert_eq!(first.value, Some(text("one")));
    assert_eq!(first.publisher_id, jti);
    let page = first.sequence_page;
    assert!(page > 0 && page < 1 << 53, "page {page} fits a JS number");
    assert_eq!(server.topics().sequence_page("c", "t"), Some(page));

    let second = next_item(&mut stream).await;
    assert_eq!(
        (second.topic_sequence_number, second.sequence_page),
        (2, page)
    );
    assert_eq!(second.value, Some(binary(&[0, 1, 255])));
    let third = next_item(&mut stream).await;
    assert_eq!(third.topic_sequence_number, 3);
    assert_eq!(value_text(&third), "");

    // The other topic numbers independently.
    let mut other = c
        .subscribe(
            "c",
            "other",
            1,
            server.topics().sequence_page("c", "other").unwrap(),
        )
        .await;
    let item = next_item(&mut other).await;
    assert_eq!((item.topic_sequence_number, value_text(&item)), (1, "x"));
}

#[tokio::test]
async fn publisher_id_is_the_token_id() {
    let server = start(60_000, 1024, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;

    let mut claims = Claims::root(None);
    claims.jti = Some("publisher-token-7".to_owned());
    let mut publisher = Clients::new(&server).await;
    publisher.root = server.signer().sign(&claims).unwrap();
    publisher.publish("c", "t", text("hi")).await;
    assert_eq!(
        next_item(&mut stream).await.publisher_id,
        "publisher-token-7"
    );

    // Without authentication there is no token id.
    let open = start_auth(AuthMode::None, 60_000, 16, 10).await;
    let mut c = Clients::new(&open).await;
    c.root = "anything".to_owned();
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.publish("c", "t", text("hi")).await;
    assert_eq!(next_item(&mut stream).await.publisher_id, "");
}

#[tokio::test]
async fn heartbeats_while_idle() {
    let server = start(50, 1024, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let started = tokio::time::Instant::now();
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    for _ in 0..3 {
        assert_eq!(next(&mut stream).await, Kind::Heartbeat);
    }
    assert!(started.elapsed() >= Duration::from_millis(150));
    // Items still flow between heartbeats.
    c.publish("c", "t", text("a")).await;
    assert_eq!(next_item(&mut stream).await.topic_sequence_number, 1);
}

#[tokio::test]
async fn resume_with_matching_page_replays_without_loss() {
    let server = start(60_000, 1024, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut live = c.subscribe("c", "t", 0, 0).await;
    for i in 1..=5 {
        c.publish("c", "t", text(&format!("m{i}"))).await;
    }
    let mut page = 0;
    for i in 1..=2 {
        let item = next_item(&mut live).await;
        assert_eq!(item.topic_sequence_number, i);
        page = item.sequence_page;
    }
    // The client "reconnects" after item 2: items 3..5 are replayed, then live ones follow.
    drop(live);
    let mut resumed = c.subscribe("c", "t", 3, page).await;
    for i in 3..=5 {
        let item = next(&mut resumed).await;
        let Kind::Item(item) = item else {
            panic!("expected replayed item {i}, got {item:?}")
        };
        assert_eq!(
            (
                item.topic_sequence_number,
                value_text(&item),
                item.sequence_page
            ),
            (i, format!("m{i}").as_str(), page)
        );
    }
    c.publish("c", "t", text("m6")).await;
    let item = next(&mut resumed).await;
    let Kind::Item(item) = item else {
        panic!("expected item 6, got {item:?}")
    };
    assert_eq!(item.topic_sequence_number, 6);

    // Up to date: nothing replayed, no discontinuity.
    let mut current = c.subscribe("c", "t", 7, page).await;
    c.publish("c", "t", text("m7")).await;
    assert_eq!(
        next(&mut current).await,
        Kind::Item(next_item(&mut resumed).await)
    );

    // resume_at 0: only new items, even with a page.
    let mut fresh = c.subscribe("c", "t", 0, page).await;
    c.publish("c", "t", text("m8")).await;
    assert_eq!(next_item(&mut fresh).await.topic_sequence_number, 8);
}

#[tokio::test]
async fn resume_out_of_range_or_wrong_page_gets_a_discontinuity_first() {
    let server = start(60_000, 4, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    for i in 1..=10 {
        c.publish("c", "t", text(&format!("m{i}"))).await;
    }
    let page = server.topics().sequence_page("c", "t").unwrap();
    // The buffer holds 7..=10.

    // Too old: fell out of the buffer.
    let mut old = c.subscribe("c", "t", 2, page).await;
    assert_eq!(
        next(&mut old).await,
        Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 1,
            new_topic_sequence: 6,
            new_sequence_page: page,
        })
    );
    for i in 7..=10 {
        assert_eq!(next_item(&mut old).await.topic_sequence_number, i);
    }

    // Wrong page: everything buffered in the current page.
    let mut wrong = c.subscribe("c", "t", 9, page + 1).await;
    assert_eq!(
        next(&mut wrong).await,
        Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 8,
            new_topic_sequence: 6,
            new_sequence_page: page,
        })
    );
    for i in 7..=10 {
        assert_eq!(next_item(&mut wrong).await.topic_sequence_number, i);
    }

    // Ahead of the topic: only new items.
    let mut ahead = c.subscribe("c", "t", 50, page).await;
    assert_eq!(
        next(&mut ahead).await,
        Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 49,
            new_topic_sequence: 10,
            new_sequence_page: page,
        })
    );
    c.publish("c", "t", text("m11")).await;
    assert_eq!(next_item(&mut ahead).await.topic_sequence_number, 11);
    assert_eq!(next_item(&mut old).await.topic_sequence_number, 11);
    assert_eq!(next_item(&mut wrong).await.topic_sequence_number, 11);
}

#[tokio::test]
async fn topic_reset_and_cache_recreation_change_the_page() {
    let server = start(60_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.publish("c", "t", text("a")).await;
    let page = next_item(&mut stream).await.sequence_page;

    // A reset ends open streams with OK and restarts the numbering on a new page.
    let new_page = server.topics().reset_topic("c", "t").unwrap();
    assert_ne!(new_page, page);
    assert_eq!(next(&mut stream).await, Kind::End);
    c.publish("c", "t", text("b")).await;
    let mut resumed = c.subscribe("c", "t", 2, page).await;
    assert_eq!(
        next(&mut resumed).await,
        Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 1,
            new_topic_sequence: 0,
            new_sequence_page: new_page,
        })
    );
    let item = next_item(&mut resumed).await;
    assert_eq!(
        (
            item.topic_sequence_number,
            item.sequence_page,
            value_text(&item)
        ),
        (1, new_page, "b")
    );

    // Deleting and recreating the cache restarts its topics too; the open stream learns of the
    // deletion at once (NOT_FOUND), even when the cache comes back right after.
    c.delete_cache("c").await;
    c.create_cache("c").await;
    c.publish("c", "t", text("c")).await;
    let status = tokio::time::timeout(WAIT, resumed.message())
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    let page_after = server.topics().sequence_page("c", "t").unwrap();
    assert_ne!(page_after, new_page);
    let mut again = c.subscribe("c", "t", 2, new_page).await;
    assert_eq!(
        next(&mut again).await,
        Kind::Discontinuity(Discontinuity {
            last_topic_sequence: 1,
            new_topic_sequence: 0,
            new_sequence_page: page_after,
        })
    );
    assert_eq!(value_text(&next_item(&mut again).await), "c");
}

#[tokio::test]
async fn deleted_cache_fails_open_streams_with_not_found() {
    let server = start(50, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.delete_cache("c").await;
    let status = loop {
        match tokio::time::timeout(WAIT, stream.message()).await.unwrap() {
            Ok(Some(_)) => continue,
            Ok(None) => panic!("expected NOT_FOUND, the stream ended"),
            Err(status) => break status,
        }
    };
    assert_eq!(status.code(), Code::NotFound);
    assert!(status.message().contains("Cache not found"), "{status:?}");
    eventually(|| server.topics().active_subscriptions() == 0).await;
}

/// Issue 16: a subscription learns at once that its cache was deleted, not at its next heartbeat
/// (5 s by default). Deleting another cache leaves it alone.
#[tokio::test]
async fn deleted_cache_ends_streams_before_the_next_heartbeat() {
    let server = start(5_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    c.create_cache("other").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.delete_cache("other").await;
    assert!(
        tokio::time::timeout(Duration::from_millis(300), stream.message())
            .await
            .is_err(),
        "another cache's deletion ended the stream"
    );
    let started = std::time::Instant::now();
    c.delete_cache("c").await;
    let status = tokio::time::timeout(Duration::from_secs(1), stream.message())
        .await
        .expect("the stream did not learn of the deletion within 1 s")
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn errors() {
    let server = start(60_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;

    let status = c.try_subscribe("missing", "t", 0, 0).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "Cache not found: missing");
    let status = c
        .try_publish("missing", "t", Some(text("x")))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);

    let status = c.try_publish("c", "", Some(text("x"))).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.try_subscribe("c", "", 0, 0).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.try_publish("c", "t", None).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.try_publish("", "t", Some(text("x"))).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);

    // The cache name may come from the `cache` header when the body leaves it empty.
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    c.pubsub
        .publish(request(
            PublishRequest {
                cache_name: String::new(),
                topic: "t".to_owned(),
                value: Some(text("via header")),
            },
            Some("c"),
            Some(&c.root),
        ))
        .await
        .unwrap();
    assert_eq!(value_text(&next_item(&mut stream).await), "via header");

    // Unauthenticated.
    c.root = "not-a-token".to_owned();
    let status = c.try_subscribe("c", "t", 0, 0).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn subscription_limit_and_dropped_streams_free_their_slot() {
    let server = start(60_000, 16, 2).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let first = c.subscribe("c", "t", 0, 0).await;
    let _second = c.subscribe("c", "u", 0, 0).await;
    assert_eq!(server.topics().active_subscriptions(), 2);

    let status = c.try_subscribe("c", "t", 0, 0).await.unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(
        status.metadata().get("err").unwrap(),
        "topic_subscriptions_limit_exceeded"
    );
    // A rejected subscription does not hold a slot.
    assert_eq!(server.topics().active_subscriptions(), 2);

    // The client going away frees the slot.
    drop(first);
    eventually(|| server.topics().active_subscriptions() == 1).await;
    let mut third = c.subscribe("c", "t", 0, 0).await;
    c.publish("c", "t", text("x")).await;
    assert_eq!(next_item(&mut third).await.topic_sequence_number, 1);
}

#[tokio::test]
async fn forced_drop_ends_streams_and_resume_continues() {
    let server = start(60_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut a = c.subscribe("c", "t", 0, 0).await;
    let mut b = c.subscribe("c", "t", 0, 0).await;
    let mut unrelated = c.subscribe("c", "u", 0, 0).await;
    c.publish("c", "t", text("1")).await;
    let item = next_item(&mut a).await;
    assert_eq!(next_item(&mut b).await, item);

    assert_eq!(server.topics().drop_subscriptions("c", "t"), 2);
    assert_eq!(server.topics().drop_subscriptions("c", "nothing"), 0);
    assert_eq!(next(&mut a).await, Kind::End);
    assert_eq!(next(&mut b).await, Kind::End);
    eventually(|| server.topics().active_subscriptions() == 1).await;

    // Published while disconnected; the reconnect replays it on the same page.
    c.publish("c", "t", text("2")).await;
    let mut a = c.subscribe("c", "t", 2, item.sequence_page).await;
    let replayed = next(&mut a).await;
    let Kind::Item(replayed) = replayed else {
        panic!("expected item 2, got {replayed:?}")
    };
    assert_eq!(
        (replayed.topic_sequence_number, replayed.sequence_page),
        (2, item.sequence_page)
    );
    // The other topic's stream is untouched.
    c.publish("c", "u", text("u1")).await;
    assert_eq!(value_text(&next_item(&mut unrelated).await), "u1");
}

#[tokio::test]
async fn slow_subscriber_gets_a_discontinuity_and_catches_up() {
    // 4 buffered items; 50 KiB items overflow the flow-control windows (2 MiB per stream).
    let server = start(60_000, 4, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    let payload = "x".repeat(50 * 1024);
    let total = 200u64;
    for _ in 0..total {
        c.publish("c", "t", text(&payload)).await;
    }
    let mut last = 0u64;
    let mut discontinuities = 0;
    while last < total {
        match next_event(&mut stream).await {
            Kind::Item(item) => {
                assert!(
                    item.topic_sequence_number == last + 1,
                    "item {} after {last} without a discontinuity",
                    item.topic_sequence_number
                );
                last = item.topic_sequence_number;
            }
            Kind::Discontinuity(d) => {
                assert_eq!(d.last_topic_sequence, last);
                assert!(d.new_topic_sequence > last);
                last = d.new_topic_sequence;
                discontinuities += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(discontinuities > 0, "the subscriber never lagged");
}

#[tokio::test]
async fn shutdown_ends_open_streams() {
    let server = start(60_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;
    let mut stream = c.subscribe("c", "t", 0, 0).await;
    tokio::time::timeout(WAIT, server.shutdown())
        .await
        .expect("shutdown does not wait for open subscriptions")
        .unwrap();
    match tokio::time::timeout(WAIT, stream.message()).await.unwrap() {
        Ok(None) => {}
        // The connection may also close before the client reads the trailers.
        Err(status) => assert_ne!(status.code(), Code::NotFound),
        Ok(Some(m)) => panic!("unexpected message {m:?}"),
    }
}

#[test]
fn topic_flags() {
    let momento_server::config::Command::Serve(config) = momento_server::config::parse_args(
        [
            "--topic-heartbeat-ms",
            "250",
            "--topic-buffer-size=8",
            "--max-subscriptions",
            "3",
        ]
        .map(str::to_owned),
        None,
        Some("/home/u".into()),
    )
    .unwrap() else {
        panic!("expected serve")
    };
    assert_eq!(config.topic_heartbeat_interval, Duration::from_millis(250));
    assert_eq!(config.topic_buffer_size, 8);
    assert_eq!(config.max_subscriptions, 3);
    let defaults = Config::default();
    assert_eq!(defaults.topic_heartbeat_interval, Duration::from_secs(5));
    assert_eq!(defaults.topic_buffer_size, 1024);
    assert_eq!(defaults.max_subscriptions, 10_000);
}

// ---------------------------------------------------------------------------------------------
// gRPC-web text streaming over HTTP/1.1.

/// Incremental grpc-web-text decoder: base64 in 4-character groups, then frames.
#[derive(Default)]
struct WebTextFrames {
    text: String,
    bytes: Vec<u8>,
}

impl WebTextFrames {
    fn push(&mut self, chunk: &[u8]) {
        self.text.push_str(std::str::from_utf8(chunk).unwrap());
        let whole = self.text.len() / 4 * 4;
        let groups: String = self.text.drain(..whole).collect();
        for group in groups.as_bytes().chunks(4) {
            self.bytes.extend(STANDARD.decode(group).unwrap());
        }
    }

    /// The next complete frame `(flag, payload)`, if any.
    fn frame(&mut self) -> Option<(u8, Vec<u8>)> {
        if self.bytes.len() < 5 {
            return None;
        }
        let len = u32::from_be_bytes(self.bytes[1..5].try_into().unwrap()) as usize;
        if self.bytes.len() < 5 + len {
            return None;
        }
        let frame: Vec<u8> = self.bytes.drain(..5 + len).collect();
        Some((frame[0], frame[5..].to_vec()))
    }
}

/// Reads the response body until a complete frame is available.
async fn next_web_frame(
    response: &mut reqwest::Response,
    frames: &mut WebTextFrames,
) -> (u8, Vec<u8>) {
    loop {
        if let Some(frame) = frames.frame() {
            return frame;
        }
        let chunk = tokio::time::timeout(WAIT, response.chunk())
            .await
            .expect("body chunk in time")
            .unwrap()
            .expect("body still open");
        frames.push(&chunk);
    }
}

#[tokio::test]
async fn grpc_web_text_subscribe_streams_over_http1() {
    let server = start(60_000, 16, 100).await;
    let mut c = Clients::new(&server).await;
    c.create_cache("c").await;

    let url = format!("{}/cache_client.pubsub.Pubsub/Subscribe", server.url());
    let message = SubscriptionRequest {
        cache_name: "c".to_owned(),
        topic: "t".to_owned(),
        resume_at_topic_sequence_number: 0,
        sequence_page: 0,
    };
    let headers = [
        ("origin", "http://localhost:3000"),
        ("authorization", server.auth_token()),
    ];
    let mut response = web::text_request(url.clone(), &message, &headers).await;
    assert!(web::content_type(&response).starts_with(web::TEXT));
    assert_eq!(response.version(), reqwest::Version::HTTP_11);

    // The heartbeat arrives while the stream is still open.
    let mut frames = WebTextFrames::default();
    let (flag, payload) = next_web_frame(&mut response, &mut frames).await;
    assert_eq!(flag, 0);
    let first = SubscriptionItem::decode(payload.as_slice()).unwrap();
    assert!(matches!(
        first.kind,
        Some(subscription_item::Kind::Heartbeat(_))
    ));

    // Then a published item.
    c.publish("c", "t", text("over grpc-web")).await;
    let (flag, payload) = next_web_frame(&mut response, &mut frames).await;
    assert_eq!(flag, 0);
    let Some(subscription_item::Kind::Item(item)) =
        SubscriptionItem::decode(payload.as_slice()).unwrap().kind
    else {
        panic!("expected an item")
    };
    assert_eq!(
        (item.topic_sequence_number, value_text(&item)),
        (1, "over grpc-web")
    );
    assert_eq!(server.topics().active_subscriptions(), 1);

    // Aborting the request (as `xhr.abort()` does) frees the subscription.
    drop(response);
    eventually(|| server.topics().active_subscriptions() == 0).await;

    // A trailers-only error for an unknown cache.
    let message = SubscriptionRequest {
        cache_name: "missing".to_owned(),
        topic: "t".to_owned(),
        ..Default::default()
    };
    let headers = [("authorization", server.auth_token())];
    let response = web::text_request(url, &message, &headers).await;
    let header_status = response
        .headers()
        .get("grpc-status")
        .map(|v| v.to_str().unwrap().to_owned());
    let text_body = response.text().await.unwrap();
    let status = header_status.unwrap_or_else(|| {
        let mut frames = WebTextFrames::default();
        frames.push(text_body.as_bytes());
        let (flag, payload) = frames.frame().expect("trailer frame");
        assert_eq!(flag & 0x80, 0x80);
        String::from_utf8(payload)
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("grpc-status:").map(|v| v.trim().to_owned()))
            .unwrap()
    });
    assert_eq!(status, "5");
}
