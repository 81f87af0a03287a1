//! Native gRPC over HTTP/2 cleartext with the tonic-generated clients (as the Node and Rust SDKs
//! talk to the server).

use crate::common;

use std::time::Duration;

use common::{request, start, start_with, Clients};
use momento_proto::cache_client::{
    get_with_hash_response, item_get_ttl_response, item_get_type_response, set_if_hash_request,
    set_if_hash_response, set_if_not_exists_response, set_if_request, set_if_response,
    update_ttl_request, update_ttl_response, DeleteRequest, DictionaryFetchRequest, ECacheResult,
    GetBatchRequest, GetRequest, GetWithHashRequest, IncrementRequest, ItemGetTtlRequest,
    ItemGetTypeRequest, KeysExistRequest, PingRequest, SetBatchRequest, SetIfHashRequest,
    SetIfNotExistsRequest, SetIfRequest, SetRequest, UpdateTtlRequest,
};
use momento_proto::common::{
    Absent, AbsentOrEqual, AbsentOrHashEqual, Equal, NotEqual, Present, PresentAndHashEqual,
    PresentAndNotEqual, Unconditional,
};
use momento_proto::control_client::{DeleteCacheRequest, FlushCacheRequest, ListCachesRequest};
use momento_server::grpc::cache_client::ping_client::PingClient;
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::grpc::control_client::scs_control_client::ScsControlClient;
use momento_server::token::{Claims, TokenSigner};
use momento_server::{AuthMode, RunningServer};
use tonic::Code;

/// Clients whose data client takes 16 MiB messages (the large-value tests).
async fn clients(server: &RunningServer) -> Clients {
    Clients::new(server).await.max_message_size(16 << 20)
}

#[tokio::test]
async fn cache_lifecycle_and_scalars() {
    let server = start().await;
    let mut c = clients(&server).await;
    let token = c.root.clone();

    c.create_cache("c1").await;
    let again = c
        .control
        .create_cache(common::create_cache_request("c1", &token))
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::AlreadyExists);

    let caches = c.list_caches().await;
    assert_eq!(caches.len(), 1);
    assert_eq!(caches[0].cache_name, "c1");
    let limits = caches[0].cache_limits.unwrap();
    assert_eq!(limits.max_item_size_kb, 5120);
    assert!(limits.max_ttl_seconds > 0);

    assert_eq!(c.try_get("c1", b"k").await.unwrap(), None);
    c.set("c1", b"k", b"v", 60_000).await;
    assert_eq!(c.try_get("c1", b"k").await.unwrap(), Some(b"v".to_vec()));

    c.data
        .delete(request(
            DeleteRequest {
                cache_key: b"k".to_vec(),
            },
            Some("c1"),
            Some(&token),
        ))
        .await
        .unwrap();
    assert_eq!(c.try_get("c1", b"k").await.unwrap(), None);

    c.set("c1", b"k2", b"v2", 60_000).await;
    c.control
        .flush_cache(request(
            FlushCacheRequest {
                cache_name: "c1".into(),
            },
            None,
            Some(&token),
        ))
        .await
        .unwrap();
    assert_eq!(c.try_get("c1", b"k2").await.unwrap(), None);

    c.control
        .delete_cache(request(
            DeleteCacheRequest {
                cache_name: "c1".into(),
            },
            None,
            Some(&token),
        ))
        .await
        .unwrap();
    let missing = c.try_get("c1", b"k").await.unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    assert!(
        missing.message().contains("Cache not found"),
        "{}",
        missing.message()
    );

    for status in [
        c.control
            .delete_cache(request(
                DeleteCacheRequest {
                    cache_name: "c1".into(),
                },
                None,
                Some(&token),
            ))
            .await
            .unwrap_err(),
        c.control
            .flush_cache(request(
                FlushCacheRequest {
                    cache_name: "nope".into(),
                },
                None,
                Some(&token),
            ))
            .await
            .unwrap_err(),
    ] {
        assert_eq!(status.code(), Code::NotFound);
    }
}

#[tokio::test]
async fn missing_cache_header_is_invalid_argument() {
    let server = start().await;
    let mut c = clients(&server).await;
    let get = GetRequest {
        cache_key: b"k".to_vec(),
    };
    let refused = c
        .data
        .get(request(get, None, Some(server.auth_token())))
        .await;
    assert_eq!(common::code(refused), Code::InvalidArgument);
}

#[tokio::test]
async fn ttl_expiry_and_ttl_rpcs() {
    let server = start().await;
    let mut c = clients(&server).await;
    let token = c.root.clone();
    c.create_cache("ttl").await;

    c.set("ttl", b"short", b"v", 100).await;
    assert_eq!(
        c.try_get("ttl", b"short").await.unwrap(),
        Some(b"v".to_vec())
    );
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(c.try_get("ttl", b"short").await.unwrap(), None);

    // The sweeper (50 ms in tests) removes expired items nobody reads.
    c.set("ttl", b"swept", b"v", 50).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(server.store().item_count("ttl"), 0);

    c.set("ttl", b"k", b"v", 10_000).await;
    let ttl = |key: &[u8]| {
        request(
            ItemGetTtlRequest {
                cache_key: key.to_vec(),
            },
            Some("ttl"),
            Some(&token),
        )
    };
    match c
        .data
        .item_get_ttl(ttl(b"k"))
        .await
        .unwrap()
        .into_inner()
        .result
    {
        Some(item_get_ttl_response::Result::Found(found)) => {
            assert!(found.remaining_ttl_millis <= 10_000);
            assert!(found.remaining_ttl_millis > 9_000);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        c.data
            .item_get_ttl(ttl(b"none"))
            .await
            .unwrap()
            .into_inner()
            .result,
        Some(item_get_ttl_response::Result::Missing(_))
    ));

    let update = |key: &[u8], u: update_ttl_request::UpdateTtl| {
        request(
            UpdateTtlRequest {
                cache_key: key.to_vec(),
                update_ttl: Some(u),
            },
            Some("ttl"),
            Some(&token),
        )
    };
    use update_ttl_request::UpdateTtl as U;
    use update_ttl_response::Result as R;
    // In order: each row's update and the result it gets.
    let rows: [(&[u8], U, &str); 5] = [
        (b"k", U::IncreaseToMilliseconds(5_000), "NotSet"),
        (b"k", U::IncreaseToMilliseconds(20_000), "Set"),
        (b"k", U::DecreaseToMilliseconds(30_000), "NotSet"),
        (b"k", U::OverwriteToMilliseconds(80), "Set"),
        (b"none", U::OverwriteToMilliseconds(80), "Missing"),
    ];
    for (key, u, expected) in rows {
        let what = format!("{u:?} on {key:?}");
        let r = c.data.update_ttl(update(key, u)).await.unwrap();
        let got = match r.into_inner().result {
            Some(R::Set(_)) => "Set",
            Some(R::NotSet(_)) => "NotSet",
            Some(R::Missing(_)) => "Missing",
            None => "none",
        };
        assert_eq!(got, expected, "{what}");
    }
    tokio::time::sleep(Duration::from_millis(120)).await;
    assert_eq!(c.try_get("ttl", b"k").await.unwrap(), None);

    // TTL 0 is rejected.
    let zero = c.try_set("ttl", *b"z", *b"v", 0).await;
    assert_eq!(common::code(zero), Code::InvalidArgument);
}

#[tokio::test]
async fn authentication() {
    let server = start().await;
    let mut c = clients(&server).await;
    c.create_cache("auth").await;
    let get = |token: Option<&str>| {
        request(
            GetRequest {
                cache_key: b"k".to_vec(),
            },
            Some("auth"),
            token,
        )
    };

    let none = c.data.get(get(None)).await.unwrap_err();
    assert_eq!(none.code(), Code::Unauthenticated);

    let empty = c.data.get(get(Some(""))).await.unwrap_err();
    assert_eq!(empty.code(), Code::Unauthenticated);

    let garbage = c.data.get(get(Some("not-a-token"))).await.unwrap_err();
    assert_eq!(garbage.code(), Code::Unauthenticated);

    let foreign = TokenSigner::new(b"another secret".to_vec())
        .sign(&Claims::root(None))
        .unwrap();
    let bad = c.data.get(get(Some(&foreign))).await.unwrap_err();
    common::assert_foreign_signature(&bad);

    let mut expired = Claims::root(None);
    expired.exp = Some(expired.iat.saturating_sub(1));
    let expired = server.signer().sign(&expired).unwrap();
    let status = c.data.get(get(Some(&expired))).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "Token expired");

    // Control plane is protected too.
    let status = c
        .control
        .list_caches(request(ListCachesRequest::default(), None, None))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);

    // Valid tokens: raw, with a Bearer prefix, and an unexpired expiring one.
    let bearer = format!("Bearer {}", server.auth_token());
    let expiring = server.signer().sign(&Claims::root(Some(60))).unwrap();
    for token in [server.auth_token(), bearer.as_str(), expiring.as_str()] {
        c.data.get(get(Some(token))).await.unwrap();
    }
}

#[tokio::test]
async fn auth_none_accepts_anything() {
    let server = start_with(AuthMode::None, Vec::new()).await;
    let channel = common::channel(&server).await;
    let mut control = ScsControlClient::new(channel.clone());
    let mut data = ScsClient::new(channel);
    control
        .create_cache(common::create_cache_request("open", ""))
        .await
        .unwrap();
    for token in [None, Some(""), Some("anything")] {
        let response = data
            .get(request(
                GetRequest {
                    cache_key: b"k".to_vec(),
                },
                Some("open"),
                token,
            ))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(response.result(), ECacheResult::Miss);
    }
}

#[tokio::test]
async fn item_too_large_is_resource_exhausted() {
    let server = start().await;
    let mut c = clients(&server).await;
    c.create_cache("big").await;
    // Exactly at the limit (key + value = 5 MiB) is fine.
    let limit = 5 * 1024 * 1024;
    c.set("big", b"k", &vec![7u8; limit - 1], 60_000).await;
    assert_eq!(
        c.try_get("big", b"k").await.unwrap().map(|v| v.len()),
        Some(limit - 1)
    );

    let status = c
        .data
        .set(request(
            SetRequest {
                cache_key: b"k".to_vec(),
                cache_body: vec![0u8; 6 * 1024 * 1024],
                ttl_milliseconds: 60_000,
            },
            Some("big"),
            Some(server.auth_token()),
        ))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(
        status.metadata().get("err").unwrap().to_str().unwrap(),
        "item_size_limit_exceeded"
    );
}

#[tokio::test]
async fn increment_counters() {
    let server = start().await;
    let mut c = clients(&server).await;
    let token = c.root.clone();
    c.create_cache("inc").await;
    let inc = |amount: i64| {
        request(
            IncrementRequest {
                cache_key: b"n".to_vec(),
                amount,
                ttl_milliseconds: 60_000,
            },
            Some("inc"),
            Some(&token),
        )
    };
    assert_eq!(
        c.data.increment(inc(5)).await.unwrap().into_inner().value,
        5
    );
    assert_eq!(
        c.data.increment(inc(-7)).await.unwrap().into_inner().value,
        -2
    );
    assert_eq!(c.try_get("inc", b"n").await.unwrap(), Some(b"-2".to_vec()));

    c.set("inc", b"n", b"41", 60_000).await;
    assert_eq!(
        c.data.increment(inc(1)).await.unwrap().into_inner().value,
        42
    );

    c.set("inc", b"n", b"forty-two", 60_000).await;
    let status = c.data.increment(inc(1)).await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition);

    c.set("inc", b"n", i64::MAX.to_string().as_bytes(), 60_000)
        .await;
    let status = c.data.increment(inc(1)).await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition);
}

#[tokio::test]
#[allow(deprecated)]
async fn conditional_sets_hashes_and_metadata() {
    let server = start().await;
    let mut c = clients(&server).await;
    let token = c.root.clone();
    c.create_cache("cond").await;

    use set_if_request::Condition as C;
    let set_if = |value: &[u8], condition: C| {
        request(
            SetIfRequest {
                cache_key: b"k".to_vec(),
                cache_body: value.to_vec(),
                ttl_milliseconds: 60_000,
                condition: Some(condition),
            },
            Some("cond"),
            Some(&token),
        )
    };
    let stored = |r: momento_proto::cache_client::SetIfResponse| {
        matches!(r.result, Some(set_if_response::Result::Stored(_)))
    };
    let cases: Vec<(&[u8], C, bool)> = vec![
        (b"a", C::Present(Present {}), false),
        (
            b"a",
            C::Equal(Equal {
                value_to_check: b"x".to_vec(),
            }),
            false,
        ),
        (
            b"a",
            C::PresentAndNotEqual(PresentAndNotEqual {
                value_to_check: b"x".to_vec(),
            }),
            false,
        ),
        (b"a", C::Absent(Absent {}), true),
        (b"b", C::Absent(Absent {}), false),
        (b"b", C::Present(Present {}), true),
        (
            b"c",
            C::Equal(Equal {
                value_to_check: b"a".to_vec(),
            }),
            false,
        ),
        (
            b"c",
            C::Equal(Equal {
                value_to_check: b"b".to_vec(),
            }),
            true,
        ),
        (
            b"d",
            C::NotEqual(NotEqual {
                value_to_check: b"c".to_vec(),
            }),
            false,
        ),
        (
            b"d",
            C::NotEqual(NotEqual {
                value_to_check: b"x".to_vec(),
            }),
            true,
        ),
        (
            b"e",
            C::PresentAndNotEqual(PresentAndNotEqual {
                value_to_check: b"d".to_vec(),
            }),
            false,
        ),
        (
            b"e",
            C::PresentAndNotEqual(PresentAndNotEqual {
                value_to_check: b"x".to_vec(),
            }),
            true,
        ),
        (
            b"f",
            C::AbsentOrEqual(AbsentOrEqual {
                value_to_check: b"x".to_vec(),
            }),
            false,
        ),
        (
            b"f",
            C::AbsentOrEqual(AbsentOrEqual {
                value_to_check: b"e".to_vec(),
            }),
            true,
        ),
    ];
    for (i, (value, condition, expected)) in cases.into_iter().enumerate() {
        let response = c
            .data
            .set_if(set_if(value, condition))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(stored(response), expected, "case {i}");
    }
    assert_eq!(c.try_get("cond", b"k").await.unwrap(), Some(b"f".to_vec()));

    // AbsentOrEqual / NotEqual on an absent key store.
    let absent = request(
        SetIfRequest {
            cache_key: b"fresh".to_vec(),
            cache_body: b"v".to_vec(),
            ttl_milliseconds: 60_000,
            condition: Some(C::NotEqual(NotEqual {
                value_to_check: b"v".to_vec(),
            })),
        },
        Some("cond"),
        Some(&token),
    );
    assert!(stored(c.data.set_if(absent).await.unwrap().into_inner()));

    // SetIfNotExists (deprecated upstream, still served).
    let sine = |key: &[u8]| {
        request(
            SetIfNotExistsRequest {
                cache_key: key.to_vec(),
                cache_body: b"v".to_vec(),
                ttl_milliseconds: 60_000,
            },
            Some("cond"),
            Some(&token),
        )
    };
    assert!(matches!(
        c.data
            .set_if_not_exists(sine(b"new"))
            .await
            .unwrap()
            .into_inner()
            .result,
        Some(set_if_not_exists_response::Result::Stored(_))
    ));
    assert!(matches!(
        c.data
            .set_if_not_exists(sine(b"new"))
            .await
            .unwrap()
            .into_inner()
            .result,
        Some(set_if_not_exists_response::Result::NotStored(_))
    ));

    // Hashes: GetWithHash and SetIfHash agree (SHA-256 of the value).
    let gwh = c
        .data
        .get_with_hash(request(
            GetWithHashRequest {
                cache_key: b"k".to_vec(),
            },
            Some("cond"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    let Some(get_with_hash_response::Result::Found(found)) = gwh.result else {
        panic!("expected found");
    };
    assert_eq!(found.value, b"f");
    assert_eq!(found.hash.len(), 32);

    use set_if_hash_request::Condition as H;
    let set_if_hash = |value: &[u8], condition: H| {
        request(
            SetIfHashRequest {
                cache_key: b"k".to_vec(),
                cache_body: value.to_vec(),
                ttl_milliseconds: 60_000,
                condition: Some(condition),
            },
            Some("cond"),
            Some(&token),
        )
    };
    let r = c
        .data
        .set_if_hash(set_if_hash(
            b"g",
            H::PresentAndHashEqual(PresentAndHashEqual {
                hash_to_check: vec![0; 32],
            }),
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(
        r.result,
        Some(set_if_hash_response::Result::NotStored(_))
    ));
    let r = c
        .data
        .set_if_hash(set_if_hash(
            b"g",
            H::PresentAndHashEqual(PresentAndHashEqual {
                hash_to_check: found.hash.clone(),
            }),
        ))
        .await
        .unwrap()
        .into_inner();
    let Some(set_if_hash_response::Result::Stored(stored_g)) = r.result else {
        panic!("expected stored");
    };
    let r = c
        .data
        .set_if_hash(set_if_hash(
            b"h",
            H::AbsentOrHashEqual(AbsentOrHashEqual {
                hash_to_check: stored_g.new_hash.clone(),
            }),
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(
        r.result,
        Some(set_if_hash_response::Result::Stored(_))
    ));
    let r = c
        .data
        .set_if_hash(set_if_hash(b"i", H::Unconditional(Unconditional {})))
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(
        r.result,
        Some(set_if_hash_response::Result::Stored(_))
    ));
    assert_eq!(c.try_get("cond", b"k").await.unwrap(), Some(b"i".to_vec()));

    // KeysExist and ItemGetType.
    let exists = c
        .data
        .keys_exist(request(
            KeysExistRequest {
                cache_keys: vec![b"k".to_vec(), b"zzz".to_vec(), b"new".to_vec()],
            },
            Some("cond"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(exists.exists, vec![true, false, true]);
    let t = c
        .data
        .item_get_type(request(
            ItemGetTypeRequest {
                cache_key: b"k".to_vec(),
            },
            Some("cond"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    let Some(item_get_type_response::Result::Found(found)) = t.result else {
        panic!("expected found");
    };
    assert_eq!(found.item_type(), item_get_type_response::ItemType::Scalar);
}

#[tokio::test]
async fn batches_stream_in_order() {
    let server = start().await;
    let mut c = clients(&server).await;
    let token = c.root.clone();
    c.create_cache("batch").await;

    let items = (0..5u8)
        .map(|i| SetRequest {
            cache_key: vec![b'k', i],
            cache_body: vec![b'v', i],
            ttl_milliseconds: 60_000,
        })
        .collect();
    let mut stream = c
        .data
        .set_batch(request(
            SetBatchRequest { items },
            Some("batch"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    let mut n = 0;
    while let Some(response) = stream.message().await.unwrap() {
        assert_eq!(response.result(), ECacheResult::Ok);
        n += 1;
    }
    assert_eq!(n, 5);

    let keys = [b"k\x03".to_vec(), b"missing".to_vec(), b"k\x00".to_vec()];
    let mut stream = c
        .data
        .get_batch(request(
            GetBatchRequest {
                items: keys
                    .iter()
                    .map(|k| GetRequest {
                        cache_key: k.clone(),
                    })
                    .collect(),
            },
            Some("batch"),
            Some(&token),
        ))
        .await
        .unwrap()
        .into_inner();
    let mut results = Vec::new();
    while let Some(response) = stream.message().await.unwrap() {
        results.push((response.result(), response.cache_body));
    }
    assert_eq!(
        results,
        vec![
            (ECacheResult::Hit, b"v\x03".to_vec()),
            (ECacheResult::Miss, Vec::new()),
            (ECacheResult::Hit, b"v\x00".to_vec()),
        ]
    );

    let status = c
        .data
        .get_batch(request(
            GetBatchRequest { items: vec![] },
            Some("nope"),
            Some(&token),
        ))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
}

#[tokio::test]
async fn a_missing_collection_is_missing_and_ping_works() {
    let server = start().await;
    let mut c = clients(&server).await;
    c.create_cache("coll").await;
    let reply = c
        .data
        .dictionary_fetch(request(
            DictionaryFetchRequest {
                dictionary_name: b"d".to_vec(),
            },
            Some("coll"),
            Some(server.auth_token()),
        ))
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(
        reply.dictionary,
        Some(momento_proto::cache_client::dictionary_fetch_response::Dictionary::Missing(_))
    ));

    let channel = common::channel(&server).await;
    PingClient::new(channel)
        .ping(request(PingRequest {}, None, Some(server.auth_token())))
        .await
        .unwrap();
}
