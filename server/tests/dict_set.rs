//! Dictionary and set RPCs of `cache_client.Scs`, over real sockets: native gRPC (h2c) with the
//! tonic-generated client, plus gRPC-web text mode over raw HTTP.

use crate::common;

use momento_server::store::ELEMENT_OVERHEAD_BYTES;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use common::web::{self, TEXT};
use common::{found, request, start, Clients};
use momento_proto::cache_client::{
    dictionary_delete_request, dictionary_get_response, item_get_ttl_response,
    item_get_type_response, set_difference_request, set_fetch_response, DictionaryDeleteRequest,
    DictionaryFetchRequest, DictionaryFieldValuePair, DictionaryGetRequest, DictionaryGetResponse,
    DictionaryIncrementRequest, DictionaryLengthRequest, DictionarySetRequest, ECacheResult,
    GetRequest, ItemGetTtlRequest, ItemGetTypeRequest, SetContainsRequest, SetDifferenceRequest,
    SetFetchRequest, SetFetchResponse, SetLengthRequest, SetPopRequest, SetRequest,
    SetSampleRequest, SetUnionRequest,
};
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::RunningServer;
use prost::Message;
use tonic::transport::Channel;
use tonic::{Code, Status};

const LONG_TTL: u64 = 60_000;
const LIMIT: usize = 5 * 1024 * 1024;

type Fields = BTreeMap<Vec<u8>, Vec<u8>>;
type Elements = BTreeSet<Vec<u8>>;

/// One `DictionaryGet` part as `Some(value)` (Hit) / `None` (Miss).
type Part = Option<Vec<u8>>;

fn b(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn bs(items: &[&str]) -> Vec<Vec<u8>> {
    items.iter().map(|s| b(s)).collect()
}

fn set_of(items: &[&str]) -> Elements {
    items.iter().map(|s| b(s)).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<DictionaryFieldValuePair> {
    items
        .iter()
        .map(|(f, v)| DictionaryFieldValuePair {
            field: b(f),
            value: b(v),
        })
        .collect()
}

fn fields(items: &[(&str, &str)]) -> Fields {
    items.iter().map(|(f, v)| (b(f), b(v))).collect()
}

fn assert_invalid_type(status: &Status) {
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert_eq!(
        status.metadata().get("err").unwrap().to_str().unwrap(),
        "invalid_type"
    );
}

fn assert_too_large(status: &Status) {
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert_eq!(
        status.metadata().get("err").unwrap().to_str().unwrap(),
        "item_size_limit_exceeded"
    );
}

/// A data-plane client bound to one cache.
struct Client {
    data: ScsClient<Channel>,
    cache: String,
    token: String,
}

impl Client {
    /// Connects and creates `cache`.
    async fn new(server: &RunningServer, cache: &str) -> Self {
        let mut c = Clients::new(server).await.max_message_size(16 << 20);
        c.create_cache(cache).await;
        Self {
            data: c.data,
            cache: cache.to_owned(),
            token: c.root,
        }
    }

    /// Same connection, another (possibly unknown) cache name.
    fn with_cache(&self, cache: &str) -> Self {
        Self {
            data: self.data.clone(),
            cache: cache.to_owned(),
            token: self.token.clone(),
        }
    }

    fn req<T>(&self, message: T) -> tonic::Request<T> {
        request(message, Some(&self.cache), Some(&self.token))
    }

    // ----- scalar / item helpers

    async fn scalar_set(&mut self, key: &str, value: &str) {
        let r = self.req(SetRequest {
            cache_key: b(key),
            cache_body: b(value),
            ttl_milliseconds: LONG_TTL,
        });
        self.data.set(r).await.unwrap();
    }

    async fn scalar_get(&mut self, key: &str) -> Result<Option<Vec<u8>>, Status> {
        let r = self.req(GetRequest { cache_key: b(key) });
        let response = self.data.get(r).await?.into_inner();
        Ok(match response.result() {
            ECacheResult::Hit => Some(response.cache_body),
            _ => None,
        })
    }

    /// Remaining TTL in ms, `None` when the item is missing.
    async fn ttl(&mut self, key: &str) -> Option<u64> {
        let r = self.req(ItemGetTtlRequest { cache_key: b(key) });
        match self.data.item_get_ttl(r).await.unwrap().into_inner().result {
            Some(item_get_ttl_response::Result::Found(f)) => Some(f.remaining_ttl_millis),
            Some(item_get_ttl_response::Result::Missing(_)) => None,
            other => panic!("unexpected {other:?}"),
        }
    }

    async fn item_type(&mut self, key: &str) -> Option<item_get_type_response::ItemType> {
        let r = self.req(ItemGetTypeRequest { cache_key: b(key) });
        match self
            .data
            .item_get_type(r)
            .await
            .unwrap()
            .into_inner()
            .result
        {
            Some(item_get_type_response::Result::Found(f)) => Some(f.item_type()),
            Some(item_get_type_response::Result::Missing(_)) => None,
            other => panic!("unexpected {other:?}"),
        }
    }

    // ----- dictionaries

    async fn dset_with(
        &mut self,
        name: &str,
        items: Vec<DictionaryFieldValuePair>,
        ttl_milliseconds: u64,
        refresh_ttl: bool,
    ) -> Result<(), Status> {
        let r = self.req(DictionarySetRequest {
            dictionary_name: b(name),
            items,
            ttl_milliseconds,
            refresh_ttl,
        });
        self.data.dictionary_set(r).await.map(|_| ())
    }

    async fn dset(&mut self, name: &str, items: &[(&str, &str)]) {
        self.dset_with(name, pairs(items), LONG_TTL, false)
            .await
            .unwrap();
    }

    /// `None` = missing dictionary.
    async fn dget(&mut self, name: &str, wanted: &[&str]) -> Result<Option<Vec<Part>>, Status> {
        let r = self.req(DictionaryGetRequest {
            dictionary_name: b(name),
            fields: bs(wanted),
        });
        let response = self.data.dictionary_get(r).await?.into_inner();
        Ok(found(response, "DictionaryGet").map(|found| {
            found
                .items
                .into_iter()
                .map(|part| common::hit(part.result(), part.cache_body))
                .collect()
        }))
    }

    async fn dfetch(&mut self, name: &str) -> Result<Option<Fields>, Status> {
        let r = self.req(DictionaryFetchRequest {
            dictionary_name: b(name),
        });
        let response = self.data.dictionary_fetch(r).await?.into_inner();
        Ok(found(response, "DictionaryFetch").map(|found| {
            let n = found.items.len();
            let map: Fields = found
                .items
                .into_iter()
                .map(|p| (p.field, p.value))
                .collect();
            assert_eq!(map.len(), n, "duplicate fields in DictionaryFetch");
            map
        }))
    }

    async fn dlen(&mut self, name: &str) -> Result<Option<u32>, Status> {
        let r = self.req(DictionaryLengthRequest {
            dictionary_name: b(name),
        });
        let response = self.data.dictionary_length(r).await?.into_inner();
        Ok(found(response, "DictionaryLength").map(|found| found.length))
    }

    async fn dincr_with(
        &mut self,
        name: &str,
        field: &str,
        amount: i64,
        ttl_milliseconds: u64,
        refresh_ttl: bool,
    ) -> Result<i64, Status> {
        let r = self.req(DictionaryIncrementRequest {
            dictionary_name: b(name),
            field: b(field),
            amount,
            ttl_milliseconds,
            refresh_ttl,
        });
        Ok(self.data.dictionary_increment(r).await?.into_inner().value)
    }

    async fn dincr(&mut self, name: &str, field: &str, amount: i64) -> Result<i64, Status> {
        self.dincr_with(name, field, amount, LONG_TTL, false).await
    }

    async fn ddelete(
        &mut self,
        name: &str,
        delete: Option<dictionary_delete_request::Delete>,
    ) -> Result<(), Status> {
        let r = self.req(DictionaryDeleteRequest {
            dictionary_name: b(name),
            delete,
        });
        self.data.dictionary_delete(r).await.map(|_| ())
    }

    async fn ddelete_some(&mut self, name: &str, wanted: &[&str]) -> Result<(), Status> {
        self.ddelete(
            name,
            Some(dictionary_delete_request::Delete::Some(
                dictionary_delete_request::Some { fields: bs(wanted) },
            )),
        )
        .await
    }

    // ----- sets

    async fn sunion_with(
        &mut self,
        name: &str,
        elements: Vec<Vec<u8>>,
        ttl_milliseconds: u64,
        refresh_ttl: bool,
    ) -> Result<(), Status> {
        let r = self.req(SetUnionRequest {
            set_name: b(name),
            elements,
            ttl_milliseconds,
            refresh_ttl,
        });
        self.data.set_union(r).await.map(|_| ())
    }

    async fn sunion(&mut self, name: &str, elements: &[&str]) {
        self.sunion_with(name, bs(elements), LONG_TTL, false)
            .await
            .unwrap();
    }

    async fn sfetch(&mut self, name: &str) -> Result<Option<Elements>, Status> {
        let r = self.req(SetFetchRequest { set_name: b(name) });
        let response = self.data.set_fetch(r).await?.into_inner();
        Ok(found(response, "SetFetch").map(|found| {
            let n = found.elements.len();
            let set: Elements = found.elements.into_iter().collect();
            assert_eq!(set.len(), n, "duplicate elements in SetFetch");
            set
        }))
    }

    async fn slen(&mut self, name: &str) -> Result<Option<u32>, Status> {
        let r = self.req(SetLengthRequest { set_name: b(name) });
        let response = self.data.set_length(r).await?.into_inner();
        Ok(found(response, "SetLength").map(|found| found.length))
    }

    async fn scontains(
        &mut self,
        name: &str,
        elements: &[&str],
    ) -> Result<Option<Vec<bool>>, Status> {
        let r = self.req(SetContainsRequest {
            set_name: b(name),
            elements: bs(elements),
        });
        let response = self.data.set_contains(r).await?.into_inner();
        Ok(found(response, "SetContains").map(|found| found.contains))
    }

    /// `Ok(true)` = found, `Ok(false)` = missing.
    async fn sdiff(
        &mut self,
        name: &str,
        difference: Option<set_difference_request::Difference>,
    ) -> Result<bool, Status> {
        let r = self.req(SetDifferenceRequest {
            set_name: b(name),
            difference,
        });
        let response = self.data.set_difference(r).await?.into_inner();
        Ok(found(response, "SetDifference").is_some())
    }

    async fn sremove(&mut self, name: &str, elements: &[&str]) -> Result<bool, Status> {
        use set_difference_request::{subtrahend, Difference, Subtrahend};
        self.sdiff(
            name,
            Some(Difference::Subtrahend(Subtrahend {
                subtrahend_set: Some(subtrahend::SubtrahendSet::Set(subtrahend::Set {
                    elements: bs(elements),
                })),
            })),
        )
        .await
    }

    /// Elements as a Vec (to check distinctness) or `None` = missing.
    async fn ssample(&mut self, name: &str, limit: u64) -> Result<Option<Vec<Vec<u8>>>, Status> {
        let r = self.req(SetSampleRequest {
            set_name: b(name),
            limit,
        });
        let response = self.data.set_sample(r).await?.into_inner();
        Ok(found(response, "SetSample").map(|found| found.elements))
    }

    async fn spop(&mut self, name: &str, count: u32) -> Result<Option<Vec<Vec<u8>>>, Status> {
        let r = self.req(SetPopRequest {
            set_name: b(name),
            count,
        });
        let response = self.data.set_pop(r).await?.into_inner();
        Ok(found(response, "SetPop").map(|found| found.elements))
    }
}

/// Asserts the elements are distinct members of `of` and returns them as a set.
fn distinct_members(elements: &[Vec<u8>], of: &Elements) -> Elements {
    let set: Elements = elements.iter().cloned().collect();
    assert_eq!(set.len(), elements.len(), "duplicates in {elements:?}");
    assert!(set.is_subset(of), "{set:?} not a subset of {of:?}");
    set
}

// =====================================================================================
// Dictionaries
// =====================================================================================

#[tokio::test]
async fn dictionary_set_get_fetch_length() {
    let server = start().await;
    let mut c = Client::new(&server, "dict").await;

    // Missing dictionary: every read answers `missing`.
    assert_eq!(c.dget("d", &["a"]).await.unwrap(), None);
    assert_eq!(c.dfetch("d").await.unwrap(), None);
    assert_eq!(c.dlen("d").await.unwrap(), None);

    c.dset("d", &[("a", "1"), ("b", "2")]).await;
    assert_eq!(
        c.item_type("d").await,
        Some(item_get_type_response::ItemType::Dictionary)
    );
    // One part per requested field, in request order (repeats included).
    assert_eq!(
        c.dget("d", &["b", "x", "a", "b"]).await.unwrap(),
        Some(vec![Some(b("2")), None, Some(b("1")), Some(b("2"))])
    );
    assert_eq!(c.dget("d", &["nope"]).await.unwrap(), Some(vec![None]));
    assert_eq!(
        c.dfetch("d").await.unwrap(),
        Some(fields(&[("a", "1"), ("b", "2")]))
    );
    assert_eq!(c.dlen("d").await.unwrap(), Some(2));

    // Overwrite one field, add another; a field repeated in one request keeps its last value.
    c.dset("d", &[("a", "one"), ("c", "3"), ("c", "three")])
        .await;
    assert_eq!(
        c.dfetch("d").await.unwrap(),
        Some(fields(&[("a", "one"), ("b", "2"), ("c", "three")]))
    );
    assert_eq!(c.dlen("d").await.unwrap(), Some(3));

    // Binary fields and values, empty value.
    let r = c.req(DictionarySetRequest {
        dictionary_name: b("bin"),
        items: vec![
            DictionaryFieldValuePair {
                field: vec![0, 255],
                value: vec![1, 2, 3],
            },
            DictionaryFieldValuePair {
                field: b("empty"),
                value: Vec::new(),
            },
        ],
        ttl_milliseconds: LONG_TTL,
        refresh_ttl: false,
    });
    c.data.dictionary_set(r).await.unwrap();
    let fetched = c.dfetch("bin").await.unwrap().unwrap();
    assert_eq!(fetched.get(&vec![0, 255]), Some(&vec![1, 2, 3]));
    assert_eq!(fetched.get(&b("empty")), Some(&Vec::new()));
    assert_eq!(
        c.dget("bin", &["empty"]).await.unwrap(),
        Some(vec![Some(Vec::new())])
    );

    // Deleting the item with the scalar Delete removes the dictionary.
    let r = c.req(momento_proto::cache_client::DeleteRequest { cache_key: b("d") });
    c.data.delete(r).await.unwrap();
    assert_eq!(c.dfetch("d").await.unwrap(), None);
}

#[tokio::test]
async fn dictionary_validation_and_unknown_cache() {
    let server = start().await;
    let mut c = Client::new(&server, "dval").await;

    let status = c.dget("d", &[]).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c
        .dset_with("d", Vec::new(), LONG_TTL, false)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c
        .dset_with("d", pairs(&[("a", "1")]), 0, false)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.dincr_with("d", "n", 1, 0, true).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c.ddelete("d", None).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    // Nothing was created by the rejected writes.
    assert_eq!(c.dfetch("d").await.unwrap(), None);

    let mut other = c.with_cache("no-such-cache");
    let statuses = [
        other.dget("d", &["a"]).await.unwrap_err(),
        other.dfetch("d").await.unwrap_err(),
        other.dlen("d").await.unwrap_err(),
        other
            .dset_with("d", pairs(&[("a", "1")]), LONG_TTL, false)
            .await
            .unwrap_err(),
        other.dincr("d", "n", 1).await.unwrap_err(),
        other.ddelete_some("d", &["a"]).await.unwrap_err(),
    ];
    for status in statuses {
        assert_eq!(status.code(), Code::NotFound, "{status:?}");
        assert!(status.message().contains("Cache not found"), "{status:?}");
    }
}

#[tokio::test]
async fn dictionary_increment() {
    let server = start().await;
    let mut c = Client::new(&server, "dinc").await;

    // Missing dictionary and field start at 0.
    assert_eq!(c.dincr("d", "n", 5).await.unwrap(), 5);
    assert_eq!(c.dincr("d", "n", -7).await.unwrap(), -2);
    assert_eq!(c.dincr("d", "m", 0).await.unwrap(), 0);
    // Stored as base-10 strings.
    assert_eq!(
        c.dfetch("d").await.unwrap(),
        Some(fields(&[("n", "-2"), ("m", "0")]))
    );

    // A field set to an integer string can be incremented.
    c.dset("d", &[("s", "41")]).await;
    assert_eq!(c.dincr("d", "s", 1).await.unwrap(), 42);
    assert_eq!(
        c.dget("d", &["s"]).await.unwrap(),
        Some(vec![Some(b("42"))])
    );

    // Non-integer values and overflow fail and leave the field unchanged.
    c.dset("d", &[("t", "forty-two")]).await;
    let status = c.dincr("d", "t", 1).await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert_eq!(
        c.dget("d", &["t"]).await.unwrap(),
        Some(vec![Some(b("forty-two"))])
    );
    c.dset("d", &[("max", &i64::MAX.to_string())]).await;
    let status = c.dincr("d", "max", 1).await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert_eq!(
        c.dget("d", &["max"]).await.unwrap(),
        Some(vec![Some(i64::MAX.to_string().into_bytes())])
    );
    assert_eq!(c.dincr("d", "max", -1).await.unwrap(), i64::MAX - 1);
    assert_eq!(c.dlen("d").await.unwrap(), Some(5));
}

#[tokio::test]
async fn dictionary_delete_and_delete_on_empty() {
    let server = start().await;
    let mut c = Client::new(&server, "ddel").await;

    // Deleting from a missing dictionary is fine.
    c.ddelete_some("d", &["a"]).await.unwrap();
    c.ddelete(
        "d",
        Some(dictionary_delete_request::Delete::All(
            dictionary_delete_request::All {},
        )),
    )
    .await
    .unwrap();

    c.dset("d", &[("a", "1"), ("b", "2"), ("c", "3")]).await;
    c.ddelete_some("d", &["a", "zzz"]).await.unwrap();
    assert_eq!(
        c.dfetch("d").await.unwrap(),
        Some(fields(&[("b", "2"), ("c", "3")]))
    );
    // Empty `some` is a no-op.
    c.ddelete_some("d", &[]).await.unwrap();
    assert_eq!(c.dlen("d").await.unwrap(), Some(2));

    // Removing the last fields deletes the item.
    c.ddelete_some("d", &["b", "c"]).await.unwrap();
    assert_eq!(c.dfetch("d").await.unwrap(), None);
    assert_eq!(c.dlen("d").await.unwrap(), None);
    assert_eq!(c.item_type("d").await, None);
    assert_eq!(server.store().item_count("ddel"), 0);

    // `all` deletes the whole dictionary.
    c.dset("d", &[("x", "1"), ("y", "2")]).await;
    c.ddelete(
        "d",
        Some(dictionary_delete_request::Delete::All(
            dictionary_delete_request::All {},
        )),
    )
    .await
    .unwrap();
    assert_eq!(c.dfetch("d").await.unwrap(), None);
    assert_eq!(server.store().item_count("ddel"), 0);
}

#[tokio::test]
async fn dictionary_collection_ttl() {
    let server = start().await;
    let mut c = Client::new(&server, "dttl").await;

    // A new dictionary gets the request's TTL.
    c.dset_with("d", pairs(&[("a", "1")]), 3_000, true)
        .await
        .unwrap();
    let t = c.ttl("d").await.unwrap();
    assert!(t <= 3_000 && t > 2_000, "{t}");

    // refresh_ttl = false: the write lands, the TTL is unchanged.
    c.dset_with("d", pairs(&[("b", "2")]), LONG_TTL, false)
        .await
        .unwrap();
    let t = c.ttl("d").await.unwrap();
    assert!(t <= 3_000, "{t}");
    assert_eq!(c.dincr_with("d", "n", 3, LONG_TTL, false).await.unwrap(), 3);
    let t = c.ttl("d").await.unwrap();
    assert!(t <= 3_000, "{t}");
    assert_eq!(c.dlen("d").await.unwrap(), Some(3));

    // refresh_ttl = true resets it to ttl_milliseconds (down as well as up).
    c.dset_with("d", pairs(&[("c", "3")]), 1_000, true)
        .await
        .unwrap();
    let t = c.ttl("d").await.unwrap();
    assert!(t <= 1_000 && t > 0, "{t}");
    assert_eq!(c.dincr_with("d", "n", 1, LONG_TTL, true).await.unwrap(), 4);
    let t = c.ttl("d").await.unwrap();
    assert!(t > 50_000, "{t}");

    // Expiry: no-refresh writes do not keep a dictionary alive. (1 s TTLs, not less: on a loaded
    // machine the second write must still land before the first one's TTL ends.)
    c.dset_with("e", pairs(&[("a", "1")]), 1_000, false)
        .await
        .unwrap();
    c.dset_with("e", pairs(&[("b", "2")]), LONG_TTL, false)
        .await
        .unwrap();
    // A refreshing increment keeps this one alive.
    c.dincr_with("f", "n", 1, 1_000, false).await.unwrap();
    c.dincr_with("f", "n", 1, LONG_TTL, true).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    assert_eq!(c.dfetch("e").await.unwrap(), None);
    assert_eq!(c.dfetch("f").await.unwrap(), Some(fields(&[("n", "2")])));

    // An expired dictionary is recreated fresh (old fields gone, new TTL).
    c.dset_with("e", pairs(&[("z", "9")]), LONG_TTL, false)
        .await
        .unwrap();
    assert_eq!(c.dfetch("e").await.unwrap(), Some(fields(&[("z", "9")])));
    assert!(c.ttl("e").await.unwrap() > 50_000);
}

#[tokio::test]
async fn dictionary_size_limit() {
    let server = start().await;
    let mut c = Client::new(&server, "dbig").await;

    // key "big" (3) + field "f" (1) + value + the element overhead = exactly the limit:
    // accepted.
    let value = vec![b'x'; LIMIT - 4 - ELEMENT_OVERHEAD_BYTES];
    c.dset_with(
        "big",
        vec![DictionaryFieldValuePair {
            field: b("f"),
            value: value.clone(),
        }],
        LONG_TTL,
        false,
    )
    .await
    .unwrap();
    assert_eq!(
        c.dget("big", &["f"]).await.unwrap(),
        Some(vec![Some(value.clone())])
    );

    // One more field (even a tiny one) exceeds it: rejected, nothing written.
    let status = c
        .dset_with("big", pairs(&[("g", "1")]), LONG_TTL, false)
        .await
        .unwrap_err();
    assert_too_large(&status);
    let status = c.dincr("big", "n", 1).await.unwrap_err();
    assert_too_large(&status);
    assert_eq!(c.dlen("big").await.unwrap(), Some(1));

    // Replacing the big value with a smaller one is fine (size is the resulting size).
    c.dset("big", &[("f", "small"), ("g", "1")]).await;
    assert_eq!(
        c.dfetch("big").await.unwrap(),
        Some(fields(&[("f", "small"), ("g", "1")]))
    );

    // A new dictionary over the limit is not created; a set with a big batch is atomic.
    let status = c
        .dset_with(
            "new",
            vec![
                DictionaryFieldValuePair {
                    field: b("a"),
                    value: vec![0; LIMIT / 2],
                },
                DictionaryFieldValuePair {
                    field: b("b"),
                    value: vec![0; LIMIT / 2],
                },
            ],
            LONG_TTL,
            false,
        )
        .await
        .unwrap_err();
    assert_too_large(&status);
    assert_eq!(c.dfetch("new").await.unwrap(), None);
}

// =====================================================================================
// Sets
// =====================================================================================

#[tokio::test]
async fn set_union_fetch_contains_length() {
    let server = start().await;
    let mut c = Client::new(&server, "set").await;

    assert_eq!(c.sfetch("s").await.unwrap(), None);
    assert_eq!(c.slen("s").await.unwrap(), None);
    assert_eq!(c.scontains("s", &["a"]).await.unwrap(), None);

    c.sunion("s", &["a", "b", "a"]).await;
    assert_eq!(
        c.item_type("s").await,
        Some(item_get_type_response::ItemType::Set)
    );
    assert_eq!(c.sfetch("s").await.unwrap(), Some(set_of(&["a", "b"])));
    assert_eq!(c.slen("s").await.unwrap(), Some(2));
    c.sunion("s", &["b", "c"]).await;
    assert_eq!(c.sfetch("s").await.unwrap(), Some(set_of(&["a", "b", "c"])));
    assert_eq!(c.slen("s").await.unwrap(), Some(3));
    assert_eq!(
        c.scontains("s", &["c", "x", "a", "c"]).await.unwrap(),
        Some(vec![true, false, true, true])
    );
    assert_eq!(c.scontains("s", &[]).await.unwrap(), Some(vec![]));

    // Union with no elements creates nothing and leaves an existing set alone.
    c.sunion("empty", &[]).await;
    assert_eq!(c.sfetch("empty").await.unwrap(), None);
    c.sunion("s", &[]).await;
    assert_eq!(c.slen("s").await.unwrap(), Some(3));

    // Binary and empty elements.
    c.sunion_with("bin", vec![vec![0, 255], Vec::new()], LONG_TTL, false)
        .await
        .unwrap();
    assert_eq!(
        c.sfetch("bin").await.unwrap(),
        Some([vec![0, 255], Vec::new()].into_iter().collect())
    );

    // Validation and unknown cache.
    let status = c.sunion_with("s", bs(&["z"]), 0, false).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(c.slen("s").await.unwrap(), Some(3));
    let mut other = c.with_cache("no-such-cache");
    let statuses = [
        other.sfetch("s").await.unwrap_err(),
        other.slen("s").await.unwrap_err(),
        other.scontains("s", &["a"]).await.unwrap_err(),
        other
            .sunion_with("s", bs(&["a"]), LONG_TTL, false)
            .await
            .unwrap_err(),
        other.sremove("s", &["a"]).await.unwrap_err(),
        other.ssample("s", 1).await.unwrap_err(),
        other.spop("s", 1).await.unwrap_err(),
    ];
    for status in statuses {
        assert_eq!(status.code(), Code::NotFound, "{status:?}");
    }
}

#[tokio::test]
async fn set_difference_variants_and_delete_on_empty() {
    use set_difference_request::{subtrahend, Difference, Minuend, Subtrahend};
    let server = start().await;
    let mut c = Client::new(&server, "sdiff").await;

    // Missing set: `missing`, nothing created.
    assert!(!c.sremove("s", &["a"]).await.unwrap());
    assert_eq!(c.sfetch("s").await.unwrap(), None);

    c.sunion("s", &["a", "b", "c", "d"]).await;
    // subtrahend.set: stored − request (unknown elements ignored).
    assert!(c.sremove("s", &["a", "x"]).await.unwrap());
    assert_eq!(c.sfetch("s").await.unwrap(), Some(set_of(&["b", "c", "d"])));
    assert!(c.sremove("s", &[]).await.unwrap());
    assert_eq!(c.slen("s").await.unwrap(), Some(3));
    // Removing the rest deletes the set (still `found`: it existed).
    assert!(c.sremove("s", &["b", "c", "d"]).await.unwrap());
    assert_eq!(c.sfetch("s").await.unwrap(), None);
    assert_eq!(c.item_type("s").await, None);
    assert_eq!(server.store().item_count("sdiff"), 0);
    assert!(!c.sremove("s", &["b"]).await.unwrap());

    // subtrahend.identity deletes the set.
    let identity = || {
        Some(Difference::Subtrahend(Subtrahend {
            subtrahend_set: Some(subtrahend::SubtrahendSet::Identity(subtrahend::Identity {})),
        }))
    };
    c.sunion("s", &["a", "b"]).await;
    assert!(c.sdiff("s", identity()).await.unwrap());
    assert_eq!(c.sfetch("s").await.unwrap(), None);
    assert!(!c.sdiff("s", identity()).await.unwrap());

    // minuend: stored = request − stored (TTL kept).
    let minuend = |elements: &[&str]| {
        Some(Difference::Minuend(Minuend {
            elements: bs(elements),
        }))
    };
    c.sunion_with("m", bs(&["a", "b"]), 5_000, false)
        .await
        .unwrap();
    assert!(c.sdiff("m", minuend(&["b", "c", "d"])).await.unwrap());
    assert_eq!(c.sfetch("m").await.unwrap(), Some(set_of(&["c", "d"])));
    assert!(c.ttl("m").await.unwrap() <= 5_000);
    // request ⊆ stored → empty result → deleted.
    assert!(c.sdiff("m", minuend(&["c"])).await.unwrap());
    assert_eq!(c.sfetch("m").await.unwrap(), None);
    // Missing set: `missing`, nothing created (no TTL to create it with).
    assert!(!c.sdiff("m", minuend(&["x"])).await.unwrap());
    assert_eq!(c.sfetch("m").await.unwrap(), None);

    // Malformed requests.
    c.sunion("s", &["a"]).await;
    let status = c.sdiff("s", None).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let status = c
        .sdiff(
            "s",
            Some(Difference::Subtrahend(Subtrahend {
                subtrahend_set: None,
            })),
        )
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(c.sfetch("s").await.unwrap(), Some(set_of(&["a"])));
}

#[tokio::test]
async fn set_sample_bounds() {
    let server = start().await;
    let mut c = Client::new(&server, "sample").await;
    let all = set_of(&["apples", "bananas", "carrots", "dates", "elderberries"]);
    let names = ["apples", "bananas", "carrots", "dates", "elderberries"];

    assert_eq!(c.ssample("s", 3).await.unwrap(), None);
    c.sunion("s", &names).await;

    // limit 0 on an existing set: found, no elements.
    assert_eq!(c.ssample("s", 0).await.unwrap(), Some(vec![]));
    let three = c.ssample("s", 3).await.unwrap().unwrap();
    assert_eq!(three.len(), 3);
    distinct_members(&three, &all);
    let five = c.ssample("s", 5).await.unwrap().unwrap();
    assert_eq!(distinct_members(&five, &all), all);
    let more = c.ssample("s", 10).await.unwrap().unwrap();
    assert_eq!(distinct_members(&more, &all), all);
    let huge = c.ssample("s", u64::MAX).await.unwrap().unwrap();
    assert_eq!(distinct_members(&huge, &all), all);
    // Sampling does not modify the set.
    assert_eq!(c.sfetch("s").await.unwrap(), Some(all.clone()));

    // Random: 40 samples of one element from five are not all the same.
    let mut seen = Elements::new();
    for _ in 0..40 {
        let one = c.ssample("s", 1).await.unwrap().unwrap();
        assert_eq!(one.len(), 1);
        seen.extend(distinct_members(&one, &all));
    }
    assert!(seen.len() > 1, "{seen:?}");
}

#[tokio::test]
async fn set_pop_bounds_and_delete_on_empty() {
    let server = start().await;
    let mut c = Client::new(&server, "pop").await;
    let names = ["a", "b", "c", "d", "e"];
    let all = set_of(&names);

    assert_eq!(c.spop("s", 1).await.unwrap(), None);
    c.sunion("s", &names).await;

    let status = c.spop("s", 0).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(c.slen("s").await.unwrap(), Some(5));

    let popped = c.spop("s", 2).await.unwrap().unwrap();
    assert_eq!(popped.len(), 2);
    let popped = distinct_members(&popped, &all);
    let rest = c.sfetch("s").await.unwrap().unwrap();
    assert_eq!(rest.len(), 3);
    assert!(rest.is_disjoint(&popped));
    assert_eq!(
        rest.union(&popped).cloned().collect::<Elements>(),
        all,
        "popped + remaining = original"
    );

    // Popping more than remains returns the rest and deletes the set.
    let last = c.spop("s", 10).await.unwrap().unwrap();
    assert_eq!(distinct_members(&last, &all), rest);
    assert_eq!(c.sfetch("s").await.unwrap(), None);
    assert_eq!(server.store().item_count("pop"), 0);
    assert_eq!(c.spop("s", 1).await.unwrap(), None);

    // Popping exactly the length empties it too.
    c.sunion("t", &["x"]).await;
    assert_eq!(c.spop("t", 1).await.unwrap(), Some(vec![b("x")]));
    assert_eq!(c.slen("t").await.unwrap(), None);
}

#[tokio::test]
async fn set_collection_ttl() {
    let server = start().await;
    let mut c = Client::new(&server, "sttl").await;

    c.sunion_with("s", bs(&["a"]), 3_000, false).await.unwrap();
    let t = c.ttl("s").await.unwrap();
    assert!(t <= 3_000 && t > 2_000, "{t}");
    c.sunion_with("s", bs(&["b"]), LONG_TTL, false)
        .await
        .unwrap();
    assert!(c.ttl("s").await.unwrap() <= 3_000);
    assert_eq!(c.slen("s").await.unwrap(), Some(2));
    c.sunion_with("s", bs(&["c"]), LONG_TTL, true)
        .await
        .unwrap();
    assert!(c.ttl("s").await.unwrap() > 50_000);
    // An empty refreshing union still refreshes an existing set.
    c.sunion_with("s", Vec::new(), 1_000, true).await.unwrap();
    let t = c.ttl("s").await.unwrap();
    assert!(t <= 1_000 && t > 0, "{t}");

    // Expiry with and without refresh (1 s TTLs: see dictionary_collection_ttl).
    c.sunion_with("gone", bs(&["a"]), 1_000, false)
        .await
        .unwrap();
    c.sunion_with("gone", bs(&["b"]), LONG_TTL, false)
        .await
        .unwrap();
    c.sunion_with("kept", bs(&["a"]), 1_000, false)
        .await
        .unwrap();
    c.sunion_with("kept", bs(&["b"]), LONG_TTL, true)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    assert_eq!(c.sfetch("gone").await.unwrap(), None);
    assert_eq!(c.sfetch("kept").await.unwrap(), Some(set_of(&["a", "b"])));
}

#[tokio::test]
async fn set_size_limit() {
    let server = start().await;
    let mut c = Client::new(&server, "sbig").await;

    // key "big" (3) + element + the element overhead = exactly the limit.
    let element = vec![b'x'; LIMIT - 3 - ELEMENT_OVERHEAD_BYTES];
    c.sunion_with("big", vec![element.clone()], LONG_TTL, false)
        .await
        .unwrap();
    assert_eq!(c.slen("big").await.unwrap(), Some(1));
    // Re-adding the same element does not grow the set.
    c.sunion_with("big", vec![element.clone()], LONG_TTL, false)
        .await
        .unwrap();
    let status = c
        .sunion_with("big", bs(&["y"]), LONG_TTL, true)
        .await
        .unwrap_err();
    assert_too_large(&status);
    assert_eq!(c.slen("big").await.unwrap(), Some(1));
    assert_eq!(c.scontains("big", &["y"]).await.unwrap(), Some(vec![false]));

    // A new set over the limit is not created.
    let status = c
        .sunion_with(
            "new",
            vec![vec![1; LIMIT / 2], vec![2; LIMIT / 2]],
            LONG_TTL,
            false,
        )
        .await
        .unwrap_err();
    assert_too_large(&status);
    assert_eq!(c.sfetch("new").await.unwrap(), None);

    // Minuend results are size-checked too: stored = request − stored would exceed the limit.
    use set_difference_request::{Difference, Minuend};
    c.sunion("m", &["a"]).await;
    let status = c
        .sdiff(
            "m",
            Some(Difference::Minuend(Minuend {
                elements: vec![vec![1; LIMIT / 2], vec![2; LIMIT / 2]],
            })),
        )
        .await
        .unwrap_err();
    assert_too_large(&status);
    assert_eq!(c.sfetch("m").await.unwrap(), Some(set_of(&["a"])));
}

// =====================================================================================
// Type mismatches
// =====================================================================================

#[tokio::test]
async fn type_mismatch_is_failed_precondition_invalid_type() {
    use set_difference_request::{subtrahend, Difference, Subtrahend};
    let server = start().await;
    let mut c = Client::new(&server, "types").await;
    c.scalar_set("scalar", "v").await;
    c.dset("dict", &[("f", "1")]).await;
    c.sunion("set", &["e"]).await;

    for key in ["scalar", "set"] {
        let statuses = [
            c.dget(key, &["f"]).await.unwrap_err(),
            c.dfetch(key).await.unwrap_err(),
            c.dlen(key).await.unwrap_err(),
            c.dset_with(key, pairs(&[("f", "1")]), LONG_TTL, true)
                .await
                .unwrap_err(),
            c.dincr(key, "f", 1).await.unwrap_err(),
            c.ddelete_some(key, &["f"]).await.unwrap_err(),
            c.ddelete(
                key,
                Some(dictionary_delete_request::Delete::All(
                    dictionary_delete_request::All {},
                )),
            )
            .await
            .unwrap_err(),
        ];
        for status in &statuses {
            assert_invalid_type(status);
            assert!(status.message().contains("dictionary"), "{status:?}");
        }
    }
    for key in ["scalar", "dict"] {
        let statuses = [
            c.sfetch(key).await.unwrap_err(),
            c.slen(key).await.unwrap_err(),
            c.scontains(key, &["e"]).await.unwrap_err(),
            c.sunion_with(key, bs(&["e"]), LONG_TTL, true)
                .await
                .unwrap_err(),
            c.sremove(key, &["e"]).await.unwrap_err(),
            c.sdiff(
                key,
                Some(Difference::Subtrahend(Subtrahend {
                    subtrahend_set: Some(subtrahend::SubtrahendSet::Identity(
                        subtrahend::Identity {},
                    )),
                })),
            )
            .await
            .unwrap_err(),
            c.ssample(key, 1).await.unwrap_err(),
            c.spop(key, 1).await.unwrap_err(),
        ];
        for status in &statuses {
            assert_invalid_type(status);
            assert!(status.message().contains("set"), "{status:?}");
        }
    }

    // Nothing was changed by the failed calls.
    assert_eq!(c.scalar_get("scalar").await.unwrap(), Some(b("v")));
    assert_eq!(c.dfetch("dict").await.unwrap(), Some(fields(&[("f", "1")])));
    assert_eq!(c.sfetch("set").await.unwrap(), Some(set_of(&["e"])));
    // And the scalar API refuses collections.
    let status = c.scalar_get("dict").await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition);
}

// =====================================================================================
// gRPC-web text mode
// =====================================================================================

/// One gRPC-web call in text mode over HTTP/1.1; returns the data frames and the grpc-status.
async fn web_text_call(
    server: &RunningServer,
    path: &str,
    message: &impl Message,
    cache: &str,
) -> (Vec<Vec<u8>>, Option<String>) {
    let response = web::text_request(
        format!("{}{path}", server.url()),
        message,
        &[
            ("origin", "http://localhost:3000"),
            ("cache", cache),
            ("authorization", server.auth_token()),
        ],
    )
    .await;
    assert!(web::content_type(&response).starts_with(TEXT));
    let reply = web::TextReply::read(response).await;
    let status = reply.metadata("grpc-status");
    (reply.data, status)
}

#[tokio::test]
async fn grpc_web_text_mode_dictionary_and_set() {
    let server = start().await;
    let _ = Client::new(&server, "web").await;

    let (data, status) = web_text_call(
        &server,
        "/cache_client.Scs/DictionarySet",
        &DictionarySetRequest {
            dictionary_name: b("d"),
            items: pairs(&[("a", "1"), ("b", "2")]),
            ttl_milliseconds: LONG_TTL,
            refresh_ttl: true,
        },
        "web",
    )
    .await;
    assert_eq!(status.as_deref(), Some("0"));
    // The empty `_DictionarySetResponse` still comes as one zero-length data frame.
    assert_eq!(data, vec![Vec::<u8>::new()]);

    let (data, status) = web_text_call(
        &server,
        "/cache_client.Scs/DictionaryGet",
        &DictionaryGetRequest {
            dictionary_name: b("d"),
            fields: bs(&["b", "zz", "a"]),
        },
        "web",
    )
    .await;
    assert_eq!(status.as_deref(), Some("0"));
    assert_eq!(data.len(), 1);
    let response = DictionaryGetResponse::decode(data[0].as_slice()).unwrap();
    let Some(dictionary_get_response::Dictionary::Found(found)) = response.dictionary else {
        panic!("expected found, got {response:?}");
    };
    let parts: Vec<(ECacheResult, Vec<u8>)> = found
        .items
        .iter()
        .map(|p| (p.result(), p.cache_body.clone()))
        .collect();
    assert_eq!(
        parts,
        vec![
            (ECacheResult::Hit, b("2")),
            (ECacheResult::Miss, Vec::new()),
            (ECacheResult::Hit, b("1")),
        ]
    );

    let (_, status) = web_text_call(
        &server,
        "/cache_client.Scs/SetUnion",
        &SetUnionRequest {
            set_name: b("s"),
            elements: bs(&["x", "y"]),
            ttl_milliseconds: LONG_TTL,
            refresh_ttl: false,
        },
        "web",
    )
    .await;
    assert_eq!(status.as_deref(), Some("0"));
    let (data, status) = web_text_call(
        &server,
        "/cache_client.Scs/SetFetch",
        &SetFetchRequest { set_name: b("s") },
        "web",
    )
    .await;
    assert_eq!(status.as_deref(), Some("0"));
    let response = SetFetchResponse::decode(data[0].as_slice()).unwrap();
    let Some(set_fetch_response::Set::Found(found)) = response.set else {
        panic!("expected found, got {response:?}");
    };
    assert_eq!(
        found.elements.into_iter().collect::<Elements>(),
        set_of(&["x", "y"])
    );

    // Errors come through as grpc-status: type mismatch → FAILED_PRECONDITION (9).
    let (_, status) = web_text_call(
        &server,
        "/cache_client.Scs/SetFetch",
        &SetFetchRequest { set_name: b("d") },
        "web",
    )
    .await;
    assert_eq!(status.as_deref(), Some("9"));
}
