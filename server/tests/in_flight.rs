//! The in-flight memory budget: concurrent large calls over native gRPC (HTTP/2, no
//! `content-length`: admitted from the length prefix once their first bytes arrive; streams
//! sharing a connection wait without starving each other) and gRPC-web text (HTTP/1.1,
//! `content-length`) all succeed within the budget, and it is whole again afterwards.

use crate::common;

use common::{channel, web};

use std::time::Duration;

use common::{request, Clients};
use momento_proto::cache_client::{ECacheResult, GetRequest, GetResponse};
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::{AuthMode, Config, Limits, RunningServer};
use prost::Message as _;
use tonic::transport::Channel;

const MIB: usize = 1024 * 1024;
const CACHE: &str = "in-flight";

fn value(i: usize) -> Vec<u8> {
    (0..4 * MIB).map(|j| (i * 31 + j * 7) as u8).collect()
}

fn data(channel: Channel) -> ScsClient<Channel> {
    ScsClient::new(channel)
        .max_encoding_message_size(64 * MIB)
        .max_decoding_message_size(64 * MIB)
}

/// A `Get` over gRPC-web text (HTTP/1.1): the value, or `None` on a miss.
async fn web_text_get(server: &RunningServer, key: &[u8]) -> Option<Vec<u8>> {
    let url = format!(
        "{}/cache_client.Scs/Get",
        server.url().trim_end_matches('/')
    );
    let message = GetRequest {
        cache_key: key.to_vec(),
    };
    let headers = [("cache", CACHE), ("authorization", server.auth_token())];
    let response = web::text_request(url, &message, &headers).await;
    let frames = web::frames(&web::decode_text(&response.text().await.unwrap()));
    assert_eq!(frames[0].0, 0, "a data frame first");
    let response = GetResponse::decode(frames[0].1.as_slice()).unwrap();
    common::hit(response.result(), response.cache_body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_large_calls_queue_within_the_budget() {
    tokio::time::timeout(Duration::from_secs(120), large_calls())
        .await
        .expect("no call hangs");
}

async fn large_calls() {
    let server = common::run(Config {
        limits: Limits {
            max_memory_bytes: 64 * MIB as u64,
            ..Limits::default()
        },
        ..common::config(AuthMode::Token)
    })
    .await;
    let budget = server.in_flight_metrics().unwrap().budget_bytes;
    assert_eq!(
        Some(budget),
        server
            .store()
            .limits()
            .memory_budget()
            .map(|b| b.in_flight_bytes.div_ceil(1024) * 1024)
    );
    let token = server.auth_token().to_owned();
    let channel = channel(&server).await;
    common::create_cache(channel.clone(), CACHE, &token).await;

    // Five 4 MiB sets at once (20 MiB: what the store budget of a 64 MiB cap holds) over one
    // HTTP/2 connection (each costs ~8 MiB of the ~11.7 MiB budget): they wait for the budget,
    // and their streams still share the connection's flow-control window without starving.
    let c = Clients::new(&server).await.max_message_size(64 * MIB);
    let sets = (0..5).map(|i| {
        let mut c = c.clone();
        tokio::spawn(async move {
            c.set(CACHE, format!("k{i}").as_bytes(), &value(i), 600_000)
                .await
        })
    });
    for set in sets.collect::<Vec<_>>() {
        set.await.unwrap();
    }
    let after_sets = server.in_flight_metrics().unwrap();
    assert!(after_sets.peak_reserved_bytes <= budget, "{after_sets:?}");

    // Then reads of all of them at once, half over HTTP/2, half over gRPC-web text: their
    // responses queue for the budget.
    let server = std::sync::Arc::new(server);
    let gets = (0..5).map(|i| {
        let mut client = data(channel.clone());
        let token = token.clone();
        let server = std::sync::Arc::clone(&server);
        tokio::spawn(async move {
            let key = format!("k{i}").into_bytes();
            let got = if i % 2 == 0 {
                let response = client
                    .get(request(
                        GetRequest { cache_key: key },
                        Some(CACHE),
                        Some(&token),
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                assert_eq!(response.result(), ECacheResult::Hit);
                response.cache_body
            } else {
                web_text_get(&server, &key).await.expect("a hit")
            };
            assert!(got == value(i), "value {i} round-trips");
        })
    });
    for get in gets.collect::<Vec<_>>() {
        get.await.unwrap();
    }
    let metrics = server.in_flight_metrics().unwrap();
    assert!(metrics.waits > after_sets.waits, "{metrics:?}");
    assert!(metrics.peak_reserved_bytes <= budget, "{metrics:?}");
    // Everything goes back once the responses are sent.
    common::until(
        || server.in_flight_metrics().unwrap(),
        |m| m.reserved_bytes == 0,
    )
    .await;
    assert_eq!(server.metrics().evictions, 0);
}
