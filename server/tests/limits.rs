//! Storage limits: memory cap with LRU eviction and metrics, item size, TTL and cache count.

use crate::common;

use std::io::Read as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{request, Clients};
use momento_proto::cache_client::{
    set_if_request, update_ttl_request, DeleteRequest, DictionaryFieldValuePair,
    DictionarySetRequest, IncrementRequest, ListPopFrontRequest, ListPushBackRequest,
    SetBatchRequest, SetIfRequest, SetRequest, UpdateTtlRequest,
};
use momento_proto::common::Absent;
use momento_proto::control_client::FlushCacheRequest;
use momento_server::store::ELEMENT_OVERHEAD_BYTES;
use momento_server::store::ITEM_OVERHEAD_BYTES;
use momento_server::{AuthMode, Config, Limits, RunningServer};
use tonic::{Code, Status};

const MIB: usize = 1024 * 1024;

/// A server with the default limits as `change` leaves them, connected clients, and `caches`
/// created.
async fn serve(change: impl FnOnce(&mut Limits), caches: &[&str]) -> (RunningServer, Clients) {
    let mut limits = Limits::default();
    change(&mut limits);
    let server = common::run(Config {
        sweep_interval: Duration::from_millis(50),
        limits,
        ..common::config(AuthMode::Token)
    })
    .await;
    let mut c = client(&server).await;
    for cache in caches {
        c.try_create_cache(cache).await.unwrap();
    }
    (server, c)
}

/// Clients whose data client takes 64 MiB messages.
async fn client_for(url: String, token: String) -> Clients {
    Clients::connect(url, token)
        .await
        .max_message_size(64 * MIB)
}

async fn client(server: &RunningServer) -> Clients {
    client_for(server.url(), server.auth_token().to_owned()).await
}

impl Clients {
    async fn delete(&mut self, cache: &str, key: &[u8]) {
        self.data
            .delete(request(
                DeleteRequest {
                    cache_key: key.to_vec(),
                },
                Some(cache),
                Some(&self.root),
            ))
            .await
            .unwrap();
    }
}

fn err_metadata(status: &Status) -> Option<&str> {
    status.metadata().get("err").and_then(|v| v.to_str().ok())
}

/// Setting a value of `len` bytes at `key` is refused with `item_size_limit_exceeded` and a
/// message containing `says`.
async fn assert_too_large(c: &mut Clients, cache: &str, key: &[u8], len: usize, says: &str) {
    let status = c
        .try_set(cache, key, &vec![1u8; len], 60_000)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(err_metadata(&status), Some("item_size_limit_exceeded"));
    assert!(status.message().contains(says), "{}", status.message());
}

fn key(i: usize) -> Vec<u8> {
    format!("k{i:02}").into_bytes()
}

#[tokio::test]
async fn lru_eviction_keeps_recently_used_keys_under_the_cap() {
    let cap = 2 * MIB;
    let (server, mut c) = serve(|limits| limits.max_memory_bytes = cap as u64, &["lru"]).await;
    let value = vec![7u8; 100 * 1024];
    let charged = key(0).len() + value.len() + ITEM_OVERHEAD_BYTES;
    let fit = cap / charged;
    assert_eq!(fit, 20, "the test assumes 20 items fit under the cap");

    for i in 0..fit {
        c.try_set("lru", &key(i), &value, 60_000).await.unwrap();
    }
    let full = server.metrics();
    assert_eq!(full.evictions, 0);
    assert_eq!(full.items, fit as u64);
    assert_eq!(full.used_bytes, (fit * charged) as u64);

    // Reads refresh recency: k00 and k01 become the most recently used.
    assert!(c.get("lru", &key(0)).await.is_some());
    assert!(c.get("lru", &key(1)).await.is_some());

    for i in fit..fit + 10 {
        c.try_set("lru", &key(i), &value, 60_000).await.unwrap();
        assert!(server.metrics().used_bytes <= cap as u64);
    }

    let metrics = server.metrics();
    assert_eq!(metrics.evictions, 10, "{metrics:?}");
    assert_eq!(metrics.evicted_bytes, (10 * charged) as u64);
    assert_eq!(metrics.items, fit as u64);
    assert!(metrics.used_bytes <= cap as u64);
    assert_eq!(metrics.max_memory_bytes, cap as u64);
    let cache = metrics.cache("lru").unwrap();
    assert_eq!((cache.items, cache.bytes), (fit as u64, metrics.used_bytes));

    // The two touched keys survived; the 10 least recently used (k02..k11) were evicted.
    for i in 0..fit + 10 {
        let present = c.get("lru", &key(i)).await.is_some();
        let expected = !(2..12).contains(&i);
        assert_eq!(present, expected, "key {i}");
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_item_larger_than_the_cap_is_rejected() {
    let (server, mut c) = serve(|limits| limits.max_memory_bytes = MIB as u64, &["big"]).await;
    c.try_set("big", b"small", b"v", 60_000).await.unwrap();
    assert_too_large(&mut c, "big", b"huge", MIB + 1, "memory cap").await;
    // Nothing was stored or evicted.
    assert!(c.get("big", b"small").await.is_some());
    assert!(c.get("big", b"huge").await.is_none());
    assert_eq!(server.metrics().evictions, 0);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn max_caches() {
    let (server, mut c) = serve(|limits| limits.max_caches = 3, &[]).await;
    for name in ["a", "b", "c"] {
        c.try_create_cache(name).await.unwrap();
    }
    let status = c.try_create_cache("d").await.unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(err_metadata(&status), Some("cache_count_limit_exceeded"));
    assert!(
        status.message().contains("at most 3 caches"),
        "{}",
        status.message()
    );
    // An existing name is still ALREADY_EXISTS.
    assert_eq!(
        c.try_create_cache("a").await.unwrap_err().code(),
        Code::AlreadyExists
    );
    c.try_delete_cache("b").await.unwrap();
    c.try_create_cache("d").await.unwrap();
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn max_ttl_is_enforced_and_reported() {
    let (server, mut c) = serve(|limits| limits.max_ttl_seconds = 60, &["ttl"]).await;
    c.try_set("ttl", b"k", b"v", 60_000).await.unwrap();
    let status = c.try_set("ttl", b"k", b"v", 60_001).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().contains("maximum TTL of 60 seconds"),
        "{}",
        status.message()
    );

    let token = c.root.clone();
    let update = UpdateTtlRequest {
        cache_key: b"k".to_vec(),
        update_ttl: Some(update_ttl_request::UpdateTtl::OverwriteToMilliseconds(
            120_000,
        )),
    };
    let refused = c
        .data
        .update_ttl(request(update, Some("ttl"), Some(&token)))
        .await;
    assert_eq!(common::code(refused), Code::InvalidArgument);
    let increment = IncrementRequest {
        cache_key: b"n".to_vec(),
        amount: 1,
        ttl_milliseconds: 61_000,
    };
    let refused = c
        .data
        .increment(request(increment, Some("ttl"), Some(&token)))
        .await;
    assert_eq!(common::code(refused), Code::InvalidArgument);

    let caches = c.list_caches().await;
    let limits = caches[0].cache_limits.unwrap();
    assert_eq!(limits.max_ttl_seconds, 60);
    assert_eq!(limits.max_item_size_kb, 5120);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn max_item_size_is_configurable() {
    // Smaller than the default.
    let (server, mut c) = serve(|limits| limits.max_item_size_bytes = 10 * 1024, &["items"]).await;
    c.try_set("items", b"k", &vec![0u8; 10 * 1024 - 1], 60_000)
        .await
        .unwrap();
    assert_too_large(&mut c, "items", b"k", 10 * 1024, "the limit is 10240 bytes").await;
    let caches = c.list_caches().await;
    assert_eq!(caches[0].cache_limits.unwrap().max_item_size_kb, 10);
    server.shutdown().await.unwrap();

    // Larger than the default and than the default gRPC message limit (16 MiB): the server
    // raises its message limit to match.
    let (server, mut c) = serve(|limits| limits.max_item_size_bytes = 20 * MIB, &["items"]).await;
    let value = vec![3u8; 17 * MIB];
    c.try_set("items", b"big", &value, 60_000).await.unwrap();
    assert_eq!(
        c.get("items", b"big").await.map(|v| v.len()),
        Some(value.len())
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn byte_accounting_returns_to_zero() {
    let (server, mut c) = serve(|_| {}, &["acct", "other"]).await;
    let token = c.root.clone();

    let mut keys = Vec::new();
    for i in 0..50usize {
        let k = key(i);
        c.try_set("acct", &k, &vec![1u8; i * 37], 60_000)
            .await
            .unwrap();
        // Overwrite half of them with a different size.
        if i % 2 == 0 {
            c.try_set("acct", &k, &vec![2u8; i * 11], 60_000)
                .await
                .unwrap();
        }
        keys.push(k);
    }
    for n in 0..5 {
        c.data
            .increment(request(
                IncrementRequest {
                    cache_key: b"counter".to_vec(),
                    amount: 999 * n,
                    ttl_milliseconds: 60_000,
                },
                Some("acct"),
                Some(&token),
            ))
            .await
            .unwrap();
    }
    keys.push(b"counter".to_vec());
    c.data
        .set_if(request(
            SetIfRequest {
                cache_key: b"cond".to_vec(),
                cache_body: b"value".to_vec(),
                ttl_milliseconds: 60_000,
                condition: Some(set_if_request::Condition::Absent(Absent {})),
            },
            Some("acct"),
            Some(&token),
        ))
        .await
        .unwrap();
    keys.push(b"cond".to_vec());
    let mut batch = c
        .data
        .set_batch(request(
            SetBatchRequest {
                items: (0..10u8)
                    .map(|i| SetRequest {
                        cache_key: vec![b'b', i],
                        cache_body: vec![i; 100],
                        ttl_milliseconds: 60_000,
                    })
                    .collect(),
            },
            Some("acct"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    while batch.message().await.unwrap().is_some() {}
    keys.extend((0..10u8).map(|i| vec![b'b', i]));

    // Items of another cache, dropped by a flush and a delete below.
    for i in 0..20 {
        c.try_set("other", &key(i), &[0u8; 500], 60_000)
            .await
            .unwrap();
    }

    let metrics = server.metrics();
    assert_eq!(metrics.items, keys.len() as u64 + 20);
    let acct = metrics.cache("acct").unwrap().clone();
    let other = metrics.cache("other").unwrap().clone();
    assert_eq!(acct.items, keys.len() as u64);
    assert_eq!(other.items, 20);
    assert_eq!(acct.bytes + other.bytes, metrics.used_bytes);
    assert_eq!(other.bytes, 20 * (3 + 500 + ITEM_OVERHEAD_BYTES) as u64);

    c.control
        .flush_cache(request(
            FlushCacheRequest {
                cache_name: "other".into(),
            },
            None,
            Some(&token),
        ))
        .await
        .unwrap();
    assert_eq!(server.metrics().used_bytes, acct.bytes);
    for k in &keys {
        c.delete("acct", k).await;
    }
    let metrics = server.metrics();
    assert_eq!(metrics.used_bytes, 0, "{metrics:?}");
    assert_eq!(metrics.items, 0);

    // Expiry releases bytes too (lazily or by the sweeper).
    for i in 0..10 {
        c.try_set("other", &key(i), &[0u8; 100], 50).await.unwrap();
    }
    assert!(server.metrics().used_bytes > 0);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while server.metrics().used_bytes > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "expired items not released"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let metrics = server.metrics();
    assert_eq!(metrics.expirations, 10);
    assert_eq!(metrics.items, 0);

    // Deleting a cache releases its bytes.
    c.try_set("other", b"x", &[0u8; 1000], 60_000)
        .await
        .unwrap();
    c.try_delete_cache("other").await.unwrap();
    let metrics = server.metrics();
    assert_eq!(metrics.used_bytes, 0);
    assert!(metrics.cache("other").is_none());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn collections_are_accounted_and_evicted() {
    let (server, mut c) = serve(|limits| limits.max_memory_bytes = 64 * 1024, &["coll"]).await;
    let token = c.root.clone();

    // A dictionary of 10 fields: key + fields + values + per-element and per-item overhead.
    let items = (0..10u8)
        .map(|i| DictionaryFieldValuePair {
            field: vec![b'f', i],
            value: vec![i; 100],
        })
        .collect();
    c.data
        .dictionary_set(request(
            DictionarySetRequest {
                dictionary_name: b"dict".to_vec(),
                items,
                ttl_milliseconds: 60_000,
                refresh_ttl: true,
            },
            Some("coll"),
            Some(&token),
        ))
        .await
        .unwrap();
    let dict = 4 + 10 * (2 + 100 + ELEMENT_OVERHEAD_BYTES) + ITEM_OVERHEAD_BYTES;
    assert_eq!(server.metrics().used_bytes, dict as u64);

    // A list grown element by element, then shrunk: its charge follows.
    let push = |i: u8| {
        request(
            ListPushBackRequest {
                list_name: b"list".to_vec(),
                value: vec![i; 1000],
                ttl_milliseconds: 60_000,
                refresh_ttl: true,
                truncate_front_to_size: 0,
            },
            Some("coll"),
            Some(&token),
        )
    };
    for i in 0..5 {
        c.data.list_push_back(push(i)).await.unwrap();
    }
    let list = |n: usize| 4 + n * (1000 + ELEMENT_OVERHEAD_BYTES) + ITEM_OVERHEAD_BYTES;
    assert_eq!(server.metrics().used_bytes, (dict + list(5)) as u64);
    c.data
        .list_pop_front(request(
            ListPopFrontRequest {
                list_name: b"list".to_vec(),
            },
            Some("coll"),
            Some(&token),
        ))
        .await
        .unwrap();
    assert_eq!(server.metrics().used_bytes, (dict + list(4)) as u64);

    // Growing the list to 62 elements (which alone still fits) pushes the total past the cap:
    // the dictionary, least recently used, is evicted, not the list.
    assert!(list(62) <= 64 * 1024 && dict + list(61) > 64 * 1024);
    for i in 0..58 {
        c.data.list_push_back(push(i)).await.unwrap();
        assert!(server.metrics().used_bytes <= 64 * 1024);
    }
    let metrics = server.metrics();
    assert_eq!(metrics.evictions, 1, "{metrics:?}");
    assert_eq!(metrics.evicted_bytes, dict as u64);
    assert_eq!(metrics.used_bytes, list(62) as u64, "only the list is left");

    c.delete("coll", b"list").await;
    let metrics = server.metrics();
    assert_eq!((metrics.used_bytes, metrics.items), (0, 0), "{metrics:?}");
    server.shutdown().await.unwrap();
}

/// The binary takes the limit flags and logs an `event=evicting` line when it starts evicting.
#[tokio::test]
async fn binary_flags_and_eviction_log() {
    let (mut child, line) = common::spawn_ready(
        Command::new(common::BIN)
            .args([
                "--port",
                "0",
                "--auth",
                "none",
                "--max-memory-mb",
                "1",
                "--max-caches",
                "1",
            ])
            .env("MOMENTO_SERVER_LOG", "info")
            .stderr(Stdio::piped()),
    );
    let url = line
        .strip_prefix("momento-server listening on ")
        .unwrap_or_else(|| panic!("unexpected ready line {line:?}"))
        .to_owned();

    let mut c = client_for(url, "any".to_owned()).await;
    c.try_create_cache("one").await.unwrap();
    assert_eq!(
        c.try_create_cache("two").await.unwrap_err().code(),
        Code::ResourceExhausted
    );
    for i in 0..15 {
        c.try_set("one", &key(i), &vec![0u8; 100 * 1024], 60_000)
            .await
            .unwrap();
    }
    assert!(c.get("one", &key(0)).await.is_none(), "k00 was evicted");
    assert!(c.get("one", &key(14)).await.is_some());

    child.kill().unwrap();
    child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.contains("event=limits max_memory_bytes=1048576"),
        "{stderr}"
    );
    let evicting = stderr
        .lines()
        .find(|l| l.contains("event=evicting"))
        .unwrap_or_else(|| panic!("no eviction line in {stderr}"));
    assert!(evicting.contains("max_memory_bytes=1048576"), "{evicting}");
}
