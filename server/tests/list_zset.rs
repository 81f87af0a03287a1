//! List and sorted-set RPCs over real sockets: native gRPC (h2c, tonic clients) for the
//! semantics, plus gRPC-web text calls over raw HTTP as the web SDKs send them.

use crate::common;

use std::time::Duration;

use common::web;
use common::{found, request, start, Clients};
use momento_proto::cache_client::{
    item_get_ttl_response, list_erase_request, list_fetch_request, list_fetch_response,
    list_remove_request, list_retain_request, sorted_set_fetch_request, sorted_set_fetch_response,
    sorted_set_get_rank_request, sorted_set_get_rank_response, sorted_set_length_by_score_request,
    sorted_set_remove_request, sorted_set_union_store_request, ItemGetTtlRequest,
    ListConcatenateBackRequest, ListConcatenateBackResponse, ListConcatenateFrontRequest,
    ListEraseRequest, ListFetchRequest, ListFetchResponse, ListLengthRequest, ListPopBackRequest,
    ListPopFrontRequest, ListPushBackRequest, ListPushFrontRequest, ListRange, ListRemoveRequest,
    ListRetainRequest, SetRequest, SortedSetElement, SortedSetFetchRequest, SortedSetFetchResponse,
    SortedSetGetRankRequest, SortedSetGetScoreRequest, SortedSetIncrementRequest,
    SortedSetLengthByScoreRequest, SortedSetLengthRequest, SortedSetPutRequest,
    SortedSetRemoveRequest, SortedSetUnionStoreRequest,
};
use momento_proto::common::Unbounded;
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::RunningServer;
use prost::Message;
use tonic::transport::Channel;
use tonic::{Code, Request, Status};

const MINUTE_MS: u64 = 60_000;

/// A server with one cache and an h2c data-plane client.
struct T {
    data: ScsClient<Channel>,
    token: String,
    cache: String,
    server: RunningServer,
}

async fn setup(cache: &str) -> T {
    let server = start().await;
    let mut c = Clients::new(&server).await.max_message_size(32 << 20);
    c.create_cache(cache).await;
    T {
        data: c.data,
        token: c.root,
        cache: cache.to_owned(),
        server,
    }
}

fn b(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn strings(values: Vec<Vec<u8>>) -> Vec<String> {
    values
        .into_iter()
        .map(|v| String::from_utf8(v).unwrap())
        .collect()
}

fn assert_code(status: &Status, code: Code) {
    assert_eq!(status.code(), code, "{status:?}");
}

fn assert_invalid_type(status: &Status) {
    assert_code(status, Code::FailedPrecondition);
    assert_eq!(
        status.metadata().get("err").unwrap().to_str().unwrap(),
        "invalid_type"
    );
}

fn assert_too_large(status: &Status) {
    assert_code(status, Code::ResourceExhausted);
    assert_eq!(
        status.metadata().get("err").unwrap().to_str().unwrap(),
        "item_size_limit_exceeded"
    );
}

// ---------------------------------------------------------------------------------------------
// List helpers
// ---------------------------------------------------------------------------------------------

/// Which slice bound to send: `None` = unbounded.
type Index = Option<i32>;

impl T {
    fn req<M>(&self, message: M) -> Request<M> {
        request(message, Some(&self.cache), Some(&self.token))
    }

    fn c(&self) -> ScsClient<Channel> {
        self.data.clone()
    }

    async fn push_front(&self, list: &str, value: &str, trunc: u32) -> Result<u32, Status> {
        self.push_front_ttl(list, value, trunc, MINUTE_MS, false)
            .await
    }

    async fn push_front_ttl(
        &self,
        list: &str,
        value: &str,
        trunc: u32,
        ttl: u64,
        refresh: bool,
    ) -> Result<u32, Status> {
        let r = self
            .c()
            .list_push_front(self.req(ListPushFrontRequest {
                list_name: b(list),
                value: b(value),
                ttl_milliseconds: ttl,
                refresh_ttl: refresh,
                truncate_back_to_size: trunc,
            }))
            .await?;
        Ok(r.into_inner().list_length)
    }

    async fn push_back(&self, list: &str, value: &str, trunc: u32) -> Result<u32, Status> {
        self.push_back_bytes(list, b(value), trunc, MINUTE_MS, false)
            .await
    }

    async fn push_back_bytes(
        &self,
        list: &str,
        value: Vec<u8>,
        trunc: u32,
        ttl: u64,
        refresh: bool,
    ) -> Result<u32, Status> {
        let r = self
            .c()
            .list_push_back(self.req(ListPushBackRequest {
                list_name: b(list),
                value,
                ttl_milliseconds: ttl,
                refresh_ttl: refresh,
                truncate_front_to_size: trunc,
            }))
            .await?;
        Ok(r.into_inner().list_length)
    }

    async fn concat_front(&self, list: &str, values: &[&str], trunc: u32) -> u32 {
        self.c()
            .list_concatenate_front(self.req(ListConcatenateFrontRequest {
                list_name: b(list),
                values: values.iter().map(|v| b(v)).collect(),
                ttl_milliseconds: MINUTE_MS,
                refresh_ttl: false,
                truncate_back_to_size: trunc,
            }))
            .await
            .unwrap()
            .into_inner()
            .list_length
    }

    async fn concat_back(&self, list: &str, values: &[&str], trunc: u32) -> u32 {
        self.c()
            .list_concatenate_back(self.req(ListConcatenateBackRequest {
                list_name: b(list),
                values: values.iter().map(|v| b(v)).collect(),
                ttl_milliseconds: MINUTE_MS,
                refresh_ttl: false,
                truncate_front_to_size: trunc,
            }))
            .await
            .unwrap()
            .into_inner()
            .list_length
    }

    async fn try_fetch(
        &self,
        list: &str,
        start: Index,
        end: Index,
    ) -> Result<Option<Vec<String>>, Status> {
        use list_fetch_request::{EndIndex, StartIndex};
        let r = self
            .c()
            .list_fetch(self.req(ListFetchRequest {
                list_name: b(list),
                start_index: Some(start.map_or(
                    StartIndex::UnboundedStart(Unbounded {}),
                    StartIndex::InclusiveStart,
                )),
                end_index: Some(
                    end.map_or(EndIndex::UnboundedEnd(Unbounded {}), EndIndex::ExclusiveEnd),
                ),
            }))
            .await?
            .into_inner();
        Ok(found(r, "ListFetch").map(|found| strings(found.values)))
    }

    /// The whole list (`None` = missing).
    async fn list(&self, list: &str) -> Option<Vec<String>> {
        self.try_fetch(list, None, None).await.unwrap()
    }

    async fn slice(&self, list: &str, start: Index, end: Index) -> Vec<String> {
        self.try_fetch(list, start, end).await.unwrap().unwrap()
    }

    async fn list_len(&self, list: &str) -> Result<Option<u32>, Status> {
        let r = self
            .c()
            .list_length(self.req(ListLengthRequest { list_name: b(list) }))
            .await?
            .into_inner();
        Ok(found(r, "ListLength").map(|found| found.length))
    }

    async fn pop_front(&self, list: &str) -> Option<(String, u32)> {
        let r = self
            .c()
            .list_pop_front(self.req(ListPopFrontRequest { list_name: b(list) }))
            .await
            .unwrap()
            .into_inner();
        found(r, "ListPopFront").map(|f| (String::from_utf8(f.front).unwrap(), f.list_length))
    }

    async fn pop_back(&self, list: &str) -> Option<(String, u32)> {
        let r = self
            .c()
            .list_pop_back(self.req(ListPopBackRequest { list_name: b(list) }))
            .await
            .unwrap()
            .into_inner();
        found(r, "ListPopBack").map(|f| (String::from_utf8(f.back).unwrap(), f.list_length))
    }

    async fn list_remove(&self, list: &str, value: &str) -> Option<u32> {
        let r = self
            .c()
            .list_remove(self.req(ListRemoveRequest {
                list_name: b(list),
                remove: Some(list_remove_request::Remove::AllElementsWithValue(b(value))),
            }))
            .await
            .unwrap()
            .into_inner();
        found(r, "ListRemove").map(|f| f.list_length)
    }

    async fn retain(
        &self,
        list: &str,
        start: Index,
        end: Index,
        ttl: u64,
        refresh: bool,
    ) -> Result<Option<u32>, Status> {
        use list_retain_request::{EndIndex, StartIndex};
        let r = self
            .c()
            .list_retain(self.req(ListRetainRequest {
                list_name: b(list),
                start_index: Some(start.map_or(
                    StartIndex::UnboundedStart(Unbounded {}),
                    StartIndex::InclusiveStart,
                )),
                end_index: Some(
                    end.map_or(EndIndex::UnboundedEnd(Unbounded {}), EndIndex::ExclusiveEnd),
                ),
                ttl_milliseconds: ttl,
                refresh_ttl: refresh,
            }))
            .await?
            .into_inner();
        Ok(found(r, "ListRetain").map(|f| f.list_length))
    }

    async fn erase(&self, list: &str, erase: list_erase_request::Erase) -> Option<u32> {
        let r = self
            .c()
            .list_erase(self.req(ListEraseRequest {
                list_name: b(list),
                erase: Some(erase),
            }))
            .await
            .unwrap()
            .into_inner();
        found(r, "ListErase").map(|f| f.list_length)
    }

    /// Remaining TTL of any item (`None` = missing).
    async fn ttl(&self, key: &str) -> Option<u64> {
        let r = self
            .c()
            .item_get_ttl(self.req(ItemGetTtlRequest { cache_key: b(key) }))
            .await
            .unwrap()
            .into_inner();
        match r.result.unwrap() {
            item_get_ttl_response::Result::Found(f) => Some(f.remaining_ttl_millis),
            item_get_ttl_response::Result::Missing(_) => None,
        }
    }
}

fn digits() -> Vec<&'static str> {
    vec!["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
}

// ---------------------------------------------------------------------------------------------
// List tests
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn list_push_concatenate_and_truncate() {
    let t = setup("lists").await;

    assert_eq!(t.list("l").await, None);
    assert_eq!(t.list_len("l").await.unwrap(), None);

    assert_eq!(t.push_back("l", "a", 0).await.unwrap(), 1);
    assert_eq!(t.push_back("l", "b", 0).await.unwrap(), 2);
    assert_eq!(t.push_front("l", "z", 0).await.unwrap(), 3);
    assert_eq!(t.list("l").await.unwrap(), ["z", "a", "b"]);

    // Concatenations keep the given order on both ends.
    assert_eq!(t.concat_back("l", &["c", "d"], 0).await, 5);
    assert_eq!(t.concat_front("l", &["x", "y"], 0).await, 7);
    assert_eq!(
        t.list("l").await.unwrap(),
        ["x", "y", "z", "a", "b", "c", "d"]
    );
    assert_eq!(t.list_len("l").await.unwrap(), Some(7));

    // Pushing to the front truncates the back, and vice versa.
    assert_eq!(t.push_front("l", "p", 3).await.unwrap(), 3);
    assert_eq!(t.list("l").await.unwrap(), ["p", "x", "y"]);
    assert_eq!(t.push_back("l", "q", 2).await.unwrap(), 2);
    assert_eq!(t.list("l").await.unwrap(), ["y", "q"]);
    assert_eq!(t.concat_front("l", &["1", "2", "3"], 4).await, 4);
    assert_eq!(t.list("l").await.unwrap(), ["1", "2", "3", "y"]);
    assert_eq!(t.concat_back("l", &["7", "8", "9"], 2).await, 2);
    assert_eq!(t.list("l").await.unwrap(), ["8", "9"]);
    // A truncation larger than the list changes nothing.
    assert_eq!(t.push_back("l", "10", 100).await.unwrap(), 3);
    assert_eq!(t.list("l").await.unwrap(), ["8", "9", "10"]);

    // Truncating a new list keeps the end that was pushed to.
    assert_eq!(t.concat_front("n1", &["a", "b", "c", "d"], 2).await, 2);
    assert_eq!(t.list("n1").await.unwrap(), ["a", "b"]);
    assert_eq!(t.concat_back("n2", &["a", "b", "c", "d"], 2).await, 2);
    assert_eq!(t.list("n2").await.unwrap(), ["c", "d"]);

    // Concatenating nothing onto a missing list stores nothing.
    assert_eq!(t.concat_back("empty", &[], 0).await, 0);
    assert_eq!(t.list("empty").await, None);

    // Duplicates and empty values are list elements like any other.
    assert_eq!(t.concat_back("dups", &["", "x", "x", ""], 0).await, 4);
    assert_eq!(t.list("dups").await.unwrap(), ["", "x", "x", ""]);
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn list_fetch_follows_python_slices() {
    let t = setup("slices").await;
    assert_eq!(t.concat_back("l", &digits(), 0).await, 10);
    let d = |range: std::ops::Range<usize>| digits()[range].to_vec();

    // The examples of the cacheclient.proto comment block.
    assert_eq!(t.slice("l", Some(0), None).await, d(0..10));
    assert_eq!(t.slice("l", Some(5), None).await, d(5..10));
    assert!(t.slice("l", Some(5), Some(0)).await.is_empty());
    assert_eq!(t.slice("l", Some(-5), None).await, d(5..10));
    assert!(t.slice("l", Some(-5), Some(0)).await.is_empty());
    assert_eq!(t.slice("l", Some(0), Some(5)).await, d(0..5));
    assert_eq!(t.slice("l", None, Some(5)).await, d(0..5));
    assert_eq!(t.slice("l", Some(0), Some(-5)).await, d(0..5));
    assert_eq!(t.slice("l", None, Some(-5)).await, d(0..5));
    assert_eq!(t.slice("l", Some(2), Some(6)).await, d(2..6));
    assert_eq!(t.slice("l", Some(2), Some(-6)).await, ["2", "3"]);
    assert_eq!(t.slice("l", Some(-7), Some(-2)).await, d(3..8));
    assert!(t.slice("l", Some(-2), Some(-6)).await.is_empty());
    assert!(t.slice("l", Some(0), Some(0)).await.is_empty());

    // Out-of-range indices clamp.
    assert_eq!(t.slice("l", Some(-100), Some(100)).await, d(0..10));
    assert_eq!(t.slice("l", Some(8), Some(100)).await, ["8", "9"]);
    assert!(t.slice("l", Some(10), None).await.is_empty());
    assert_eq!(t.slice("l", None, Some(-9)).await, ["0"]);
    assert!(t.slice("l", None, Some(-10)).await.is_empty());
    assert_eq!(t.slice("l", Some(i32::MIN), Some(i32::MAX)).await, d(0..10));

    // Lists of one element.
    t.push_back("one", "a", 0).await.unwrap();
    assert_eq!(t.slice("one", Some(-1), Some(1)).await, ["a"]);
    assert!(t.slice("one", Some(1), Some(-1)).await.is_empty());
    assert!(t.slice("one", Some(0), Some(-1)).await.is_empty());

    // No range at all (oneofs unset) is the whole list.
    let r = t
        .c()
        .list_fetch(t.req(ListFetchRequest {
            list_name: b("l"),
            start_index: None,
            end_index: None,
        }))
        .await
        .unwrap()
        .into_inner();
    let Some(list_fetch_response::List::Found(found)) = r.list else {
        panic!("expected found, got {r:?}");
    };
    assert_eq!(strings(found.values), d(0..10));
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn list_pop_remove_retain_erase() {
    use list_erase_request::{All, Erase, ListRanges};
    let t = setup("edits").await;

    // Pops, down to an empty (deleted) list.
    assert_eq!(t.pop_front("p").await, None);
    assert_eq!(t.pop_back("p").await, None);
    t.concat_back("p", &["a", "b", "c"], 0).await;
    assert_eq!(t.pop_front("p").await, Some(("a".into(), 2)));
    assert_eq!(t.pop_back("p").await, Some(("c".into(), 1)));
    assert_eq!(t.pop_back("p").await, Some(("b".into(), 0)));
    assert_eq!(t.list("p").await, None);
    assert_eq!(t.list_len("p").await.unwrap(), None);
    assert_eq!(t.ttl("p").await, None, "the emptied list is deleted");
    assert_eq!(t.pop_front("p").await, None);

    // Remove every occurrence of a value.
    assert_eq!(t.list_remove("r", "a").await, None);
    t.concat_back("r", &["a", "b", "a", "c", "a"], 0).await;
    assert_eq!(t.list_remove("r", "a").await, Some(2));
    assert_eq!(t.list("r").await.unwrap(), ["b", "c"]);
    assert_eq!(t.list_remove("r", "zzz").await, Some(2));
    assert_eq!(t.list_remove("r", "b").await, Some(1));
    assert_eq!(t.list_remove("r", "c").await, Some(0));
    assert_eq!(t.list("r").await, None);

    // Retain a slice (same index rules as fetch).
    assert_eq!(
        t.retain("k", None, None, MINUTE_MS, false).await.unwrap(),
        None
    );
    t.concat_back("k", &digits(), 0).await;
    assert_eq!(
        t.retain("k", Some(2), Some(-3), MINUTE_MS, false)
            .await
            .unwrap(),
        Some(5)
    );
    assert_eq!(t.list("k").await.unwrap(), ["2", "3", "4", "5", "6"]);
    assert_eq!(
        t.retain("k", Some(-2), None, MINUTE_MS, false)
            .await
            .unwrap(),
        Some(2)
    );
    assert_eq!(t.list("k").await.unwrap(), ["5", "6"]);
    assert_eq!(
        t.retain("k", None, Some(100), MINUTE_MS, false)
            .await
            .unwrap(),
        Some(2)
    );
    // start ≥ end retains nothing: the list is deleted.
    assert_eq!(
        t.retain("k", Some(1), Some(0), MINUTE_MS, false)
            .await
            .unwrap(),
        Some(0)
    );
    assert_eq!(t.list("k").await, None);

    // Erase ranges (resolved against the list before the call), then everything.
    let ranges = |pairs: &[(u32, u32)]| {
        Erase::Some(ListRanges {
            ranges: pairs
                .iter()
                .map(|&(begin_index, count)| ListRange { begin_index, count })
                .collect(),
        })
    };
    assert_eq!(t.erase("e", ranges(&[(0, 1)])).await, None);
    t.concat_back("e", &digits(), 0).await;
    assert_eq!(
        t.erase("e", ranges(&[(1, 2), (5, 1), (8, 100), (50, 3)]))
            .await,
        Some(5)
    );
    assert_eq!(t.list("e").await.unwrap(), ["0", "3", "4", "6", "7"]);
    assert_eq!(t.erase("e", ranges(&[])).await, Some(5));
    assert_eq!(t.erase("e", Erase::All(All {})).await, Some(0));
    assert_eq!(t.list("e").await, None);
    t.concat_back("e2", &["a", "b"], 0).await;
    assert_eq!(t.erase("e2", ranges(&[(0, 2)])).await, Some(0));
    assert_eq!(t.list("e2").await, None);
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn list_ttl_errors_and_size_limit() {
    let t = setup("listttl").await;

    // No refresh: a later write with a longer TTL keeps the original expiry.
    t.push_front_ttl("nr", "a", 0, 300, false).await.unwrap();
    t.push_front_ttl("nr", "b", 0, MINUTE_MS, false)
        .await
        .unwrap();
    assert!(t.ttl("nr").await.unwrap() <= 300);
    // Refresh: the TTL is reset to the request's.
    t.push_front_ttl("r", "a", 0, 300, true).await.unwrap();
    t.push_front_ttl("r", "b", 0, MINUTE_MS, true)
        .await
        .unwrap();
    assert!(t.ttl("r").await.unwrap() > 50_000);
    // Retain with refresh resets the TTL too; without refresh it does not.
    t.retain("r", Some(0), Some(1), 250, false).await.unwrap();
    assert!(t.ttl("r").await.unwrap() > 50_000);
    assert_eq!(
        t.retain("r", Some(0), Some(1), 250, true).await.unwrap(),
        Some(1)
    );
    assert!(t.ttl("r").await.unwrap() <= 250);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(t.list("nr").await, None, "expired without refresh");
    assert_eq!(t.list("r").await, None, "expired after the retain refresh");
    // A new list after expiry starts from scratch.
    assert_eq!(t.push_back("nr", "fresh", 0).await.unwrap(), 1);

    // TTL 0 is invalid (also for a retain that refreshes).
    let err = t.push_front_ttl("z", "a", 0, 0, false).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    let err = t.retain("nr", None, None, 0, true).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);

    // Wrong type: a scalar at the key.
    t.c()
        .set(t.req(SetRequest {
            cache_key: b("scalar"),
            cache_body: b("v"),
            ttl_milliseconds: MINUTE_MS,
        }))
        .await
        .unwrap();
    assert_invalid_type(&t.push_back("scalar", "a", 0).await.unwrap_err());
    assert_invalid_type(&t.try_fetch("scalar", None, None).await.unwrap_err());
    assert_invalid_type(&t.list_len("scalar").await.unwrap_err());
    assert_invalid_type(
        &t.retain("scalar", None, None, MINUTE_MS, false)
            .await
            .unwrap_err(),
    );
    let err = t
        .c()
        .list_pop_front(t.req(ListPopFrontRequest {
            list_name: b("scalar"),
        }))
        .await
        .unwrap_err();
    assert_invalid_type(&err);

    // Unknown cache.
    let err = t
        .c()
        .list_length(request(
            ListLengthRequest { list_name: b("l") },
            Some("nope"),
            Some(&t.token),
        ))
        .await
        .unwrap_err();
    assert_code(&err, Code::NotFound);

    // Size limit: key + elements ≤ 5 MiB, checked on the list after truncation.
    let three_mib = vec![b'x'; 3 << 20];
    assert_eq!(
        t.push_back_bytes("big", three_mib.clone(), 0, MINUTE_MS, false)
            .await
            .unwrap(),
        1
    );
    let err = t
        .push_back_bytes("big", three_mib.clone(), 0, MINUTE_MS, false)
        .await
        .unwrap_err();
    assert_too_large(&err);
    assert_eq!(t.list_len("big").await.unwrap(), Some(1), "nothing written");
    // The same push fits when the front is truncated away.
    assert_eq!(
        t.push_back_bytes("big", three_mib, 1, MINUTE_MS, false)
            .await
            .unwrap(),
        1
    );
    let err = t
        .push_back_bytes("huge", vec![0; (5 << 20) + 1], 0, MINUTE_MS, false)
        .await
        .unwrap_err();
    assert_too_large(&err);
    assert_eq!(t.list("huge").await, None);
    t.server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Sorted-set helpers
// ---------------------------------------------------------------------------------------------

/// A fetch-by-score bound: `None` = unbounded, `Some((score, exclusive))`.
type ScoreBound = Option<(f64, bool)>;

fn pairs(elements: Vec<SortedSetElement>) -> Vec<(String, f64)> {
    elements
        .into_iter()
        .map(|e| (String::from_utf8(e.value).unwrap(), e.score))
        .collect()
}

fn expect(items: &[(&str, f64)]) -> Vec<(String, f64)> {
    items.iter().map(|(e, s)| ((*e).to_owned(), *s)).collect()
}

fn names(items: &[(String, f64)]) -> Vec<&str> {
    items.iter().map(|(e, _)| e.as_str()).collect()
}

/// The elements of a found fetch response with scores (`None` = missing).
fn fetched(response: SortedSetFetchResponse) -> Option<Vec<(String, f64)>> {
    use sorted_set_fetch_response::found::Elements;
    found(response, "SortedSetFetch").map(|found| match found.elements.unwrap() {
        Elements::ValuesWithScores(v) => pairs(v.elements),
        Elements::Values(_) => panic!("expected scores"),
    })
}

const ASC: i32 = sorted_set_fetch_request::Order::Ascending as i32;
const DESC: i32 = sorted_set_fetch_request::Order::Descending as i32;

impl T {
    async fn zput_ttl(
        &self,
        set: &str,
        items: &[(&str, f64)],
        ttl: u64,
        refresh: bool,
    ) -> Result<(), Status> {
        self.c()
            .sorted_set_put(
                self.req(SortedSetPutRequest {
                    set_name: b(set),
                    elements: items
                        .iter()
                        .map(|(value, score)| SortedSetElement {
                            value: b(value),
                            score: *score,
                        })
                        .collect(),
                    ttl_milliseconds: ttl,
                    refresh_ttl: refresh,
                }),
            )
            .await?;
        Ok(())
    }

    async fn zput(&self, set: &str, items: &[(&str, f64)]) {
        self.zput_ttl(set, items, MINUTE_MS, false).await.unwrap();
    }

    async fn zfetch(
        &self,
        set: &str,
        range: sorted_set_fetch_request::Range,
        order: i32,
    ) -> Result<Option<Vec<(String, f64)>>, Status> {
        let r = self
            .c()
            .sorted_set_fetch(self.req(SortedSetFetchRequest {
                set_name: b(set),
                order,
                with_scores: true,
                range: Some(range),
            }))
            .await?
            .into_inner();
        Ok(fetched(r))
    }

    /// Fetch by index (`None` = unbounded); `Option` = found/missing.
    async fn by_index(
        &self,
        set: &str,
        start: Index,
        end: Index,
        order: i32,
    ) -> Option<Vec<(String, f64)>> {
        use sorted_set_fetch_request::{by_index, ByIndex, Range};
        let range = Range::ByIndex(ByIndex {
            start: Some(start.map_or(
                by_index::Start::UnboundedStart(Unbounded {}),
                by_index::Start::InclusiveStartIndex,
            )),
            end: Some(end.map_or(
                by_index::End::UnboundedEnd(Unbounded {}),
                by_index::End::ExclusiveEndIndex,
            )),
        });
        self.zfetch(set, range, order).await.unwrap()
    }

    /// Names fetched by index from an existing set.
    async fn idx(&self, set: &str, start: Index, end: Index, order: i32) -> Vec<String> {
        self.by_index(set, start, end, order)
            .await
            .unwrap()
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    async fn try_by_score(
        &self,
        set: &str,
        min: ScoreBound,
        max: ScoreBound,
        offset: u32,
        count: i32,
        order: i32,
    ) -> Result<Option<Vec<(String, f64)>>, Status> {
        use sorted_set_fetch_request::by_score::{Max, Min, Score};
        use sorted_set_fetch_request::{ByScore, Range};
        let range = Range::ByScore(ByScore {
            min: Some(
                min.map_or(Min::UnboundedMin(Unbounded {}), |(score, exclusive)| {
                    Min::MinScore(Score { score, exclusive })
                }),
            ),
            max: Some(
                max.map_or(Max::UnboundedMax(Unbounded {}), |(score, exclusive)| {
                    Max::MaxScore(Score { score, exclusive })
                }),
            ),
            offset,
            count,
        });
        self.zfetch(set, range, order).await
    }

    /// Names fetched by score from an existing set.
    async fn score(
        &self,
        set: &str,
        min: ScoreBound,
        max: ScoreBound,
        offset: u32,
        count: i32,
        order: i32,
    ) -> Vec<String> {
        self.try_by_score(set, min, max, offset, count, order)
            .await
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    /// Scores of `values` (`None` = missing set; inner `None` = element miss).
    async fn scores(&self, set: &str, values: &[&str]) -> Option<Vec<Option<f64>>> {
        let r = self
            .c()
            .sorted_set_get_score(self.req(SortedSetGetScoreRequest {
                set_name: b(set),
                values: values.iter().map(|v| b(v)).collect(),
            }))
            .await
            .unwrap()
            .into_inner();
        found(r, "SortedSetGetScore").map(|found| {
            found
                .elements
                .into_iter()
                .map(|part| common::hit(part.result(), part.score))
                .collect()
        })
    }

    /// `Err(())` = set missing, `Ok(None)` = element miss, `Ok(Some(rank))` = hit.
    async fn rank(&self, set: &str, value: &str, descending: bool) -> Result<Option<u64>, ()> {
        use sorted_set_get_rank_request::Order;
        use sorted_set_get_rank_response::Rank;
        let r = self
            .c()
            .sorted_set_get_rank(self.req(SortedSetGetRankRequest {
                set_name: b(set),
                value: b(value),
                order: if descending {
                    Order::Descending
                } else {
                    Order::Ascending
                } as i32,
            }))
            .await
            .unwrap()
            .into_inner();
        match r.rank.unwrap() {
            Rank::ElementRank(part) => Ok(common::hit(part.result(), part.rank)),
            Rank::Missing(_) => Err(()),
        }
    }

    async fn incr_ttl(
        &self,
        set: &str,
        value: &str,
        amount: f64,
        ttl: u64,
        refresh: bool,
    ) -> Result<f64, Status> {
        let r = self
            .c()
            .sorted_set_increment(self.req(SortedSetIncrementRequest {
                set_name: b(set),
                value: b(value),
                amount,
                ttl_milliseconds: ttl,
                refresh_ttl: refresh,
            }))
            .await?;
        Ok(r.into_inner().score)
    }

    async fn incr(&self, set: &str, value: &str, amount: f64) -> Result<f64, Status> {
        self.incr_ttl(set, value, amount, MINUTE_MS, false).await
    }

    async fn zremove(&self, set: &str, remove: sorted_set_remove_request::RemoveElements) {
        self.c()
            .sorted_set_remove(self.req(SortedSetRemoveRequest {
                set_name: b(set),
                remove_elements: Some(remove),
            }))
            .await
            .unwrap();
    }

    async fn zlen(&self, set: &str) -> Option<u32> {
        let r = self
            .c()
            .sorted_set_length(self.req(SortedSetLengthRequest { set_name: b(set) }))
            .await
            .unwrap()
            .into_inner();
        found(r, "SortedSetLength").map(|f| f.length)
    }

    async fn zlen_by_score(
        &self,
        set: &str,
        min: Option<sorted_set_length_by_score_request::Min>,
        max: Option<sorted_set_length_by_score_request::Max>,
    ) -> Result<Option<u32>, Status> {
        let r = self
            .c()
            .sorted_set_length_by_score(self.req(SortedSetLengthByScoreRequest {
                set_name: b(set),
                min,
                max,
            }))
            .await?
            .into_inner();
        Ok(found(r, "SortedSetLengthByScore").map(|f| f.length))
    }

    async fn union(
        &self,
        dest: &str,
        sources: &[(&str, f32)],
        aggregate: sorted_set_union_store_request::AggregateFunction,
        ttl: u64,
    ) -> Result<u32, Status> {
        let r = self
            .c()
            .sorted_set_union_store(
                self.req(SortedSetUnionStoreRequest {
                    set_name: b(dest),
                    sources: sources
                        .iter()
                        .map(|(name, weight)| sorted_set_union_store_request::Source {
                            set_name: b(name),
                            weight: *weight,
                        })
                        .collect(),
                    aggregate: aggregate as i32,
                    ttl_milliseconds: ttl,
                }),
            )
            .await?;
        Ok(r.into_inner().length)
    }

    /// Every element of a set in ascending order with scores (`None` = missing).
    async fn zall(&self, set: &str) -> Option<Vec<(String, f64)>> {
        self.by_index(set, None, None, ASC).await
    }
}

/// The set used by the official SDK integration tests.
const FOODS: &[(&str, f64)] = &[
    ("bam", 1000.0),
    ("foo", 1.0),
    ("taco", 90210.0),
    ("bar", 2.0),
    ("burrito", 9000.0),
    ("baz", 42.0),
    ("habanero", 68.0),
    ("jalapeno", 1_000_000.0),
];

/// FOODS in ascending order.
const FOODS_ASC: &[&str] = &[
    "foo", "bar", "baz", "habanero", "bam", "burrito", "taco", "jalapeno",
];

// ---------------------------------------------------------------------------------------------
// Sorted-set tests
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn zset_put_and_fetch_by_index() {
    let t = setup("zidx").await;
    assert_eq!(t.zall("z").await, None);
    t.zput("z", FOODS).await;

    let all = t.zall("z").await.unwrap();
    assert_eq!(names(&all), FOODS_ASC);
    assert_eq!(all[0], ("foo".to_owned(), 1.0));
    assert_eq!(all[7], ("jalapeno".to_owned(), 1_000_000.0));

    // Without scores: values only.
    let r = t
        .c()
        .sorted_set_fetch(t.req(SortedSetFetchRequest {
            set_name: b("z"),
            order: DESC,
            with_scores: false,
            range: None,
        }))
        .await
        .unwrap()
        .into_inner();
    let Some(sorted_set_fetch_response::SortedSet::Found(found)) = r.sorted_set else {
        panic!("expected found");
    };
    let Some(sorted_set_fetch_response::found::Elements::Values(values)) = found.elements else {
        panic!("expected values only");
    };
    let mut desc: Vec<&str> = FOODS_ASC.to_vec();
    desc.reverse();
    assert_eq!(strings(values.values), desc);

    // Index ranges, ascending (the SDK integration-test expectations).
    assert_eq!(
        t.idx("z", Some(4), None, ASC).await,
        ["bam", "burrito", "taco", "jalapeno"]
    );
    assert_eq!(t.idx("z", None, Some(3), ASC).await, ["foo", "bar", "baz"]);
    assert_eq!(
        t.idx("z", Some(1), Some(5), ASC).await,
        ["bar", "baz", "habanero", "bam"]
    );
    assert!(t.idx("z", Some(10), None, ASC).await.is_empty());
    assert_eq!(
        t.idx("z", Some(5), Some(100), ASC).await,
        ["burrito", "taco", "jalapeno"]
    );
    assert_eq!(
        t.idx("z", Some(-5), None, ASC).await,
        ["habanero", "bam", "burrito", "taco", "jalapeno"]
    );
    assert_eq!(
        t.idx("z", None, Some(-2), ASC).await,
        ["foo", "bar", "baz", "habanero", "bam", "burrito"]
    );
    assert_eq!(
        t.idx("z", Some(-5), Some(-2), ASC).await,
        ["habanero", "bam", "burrito"]
    );
    assert!(t.idx("z", Some(5), Some(3), ASC).await.is_empty());
    assert!(t.idx("z", Some(-3), Some(-5), ASC).await.is_empty());
    assert_eq!(t.idx("z", Some(-100), Some(100), ASC).await, FOODS_ASC);

    // Descending: the indices apply to the reversed order.
    assert_eq!(t.idx("z", None, None, DESC).await, desc);
    assert_eq!(t.idx("z", Some(5), None, DESC).await, ["baz", "bar", "foo"]);
    assert_eq!(
        t.idx("z", None, Some(3), DESC).await,
        ["jalapeno", "taco", "burrito"]
    );
    assert_eq!(
        t.idx("z", Some(3), Some(5), DESC).await,
        ["bam", "habanero"]
    );
    assert_eq!(t.idx("z", Some(-2), None, DESC).await, ["bar", "foo"]);

    // Putting an existing element replaces its score.
    t.zput("z", &[("foo", 5000.0), ("new", -1.0)]).await;
    assert_eq!(
        t.idx("z", None, None, ASC).await,
        ["new", "bar", "baz", "habanero", "bam", "foo", "burrito", "taco", "jalapeno"]
    );
    assert_eq!(t.scores("z", &["foo"]).await.unwrap(), [Some(5000.0)]);
    // The same element twice in one put: the last score wins.
    t.zput("z", &[("dup", 1.0), ("dup", 7.5)]).await;
    assert_eq!(t.scores("z", &["dup"]).await.unwrap(), [Some(7.5)]);
    assert_eq!(t.zlen("z").await, Some(10));
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn zset_ties_order_by_element_bytes() {
    let t = setup("zties").await;
    t.zput(
        "t",
        &[
            ("b", 1.0),
            ("a", 1.0),
            ("c", 1.0),
            ("ab", 1.0),
            ("B", 1.0),
            ("lo", 0.5),
            ("hi", 2.0),
        ],
    )
    .await;
    let asc = ["lo", "B", "a", "ab", "b", "c", "hi"];
    assert_eq!(t.idx("t", None, None, ASC).await, asc);
    let mut desc = asc;
    desc.reverse();
    assert_eq!(t.idx("t", None, None, DESC).await, desc);
    assert_eq!(
        t.score("t", Some((1.0, false)), Some((1.0, false)), 0, -1, ASC)
            .await,
        ["B", "a", "ab", "b", "c"]
    );
    assert_eq!(
        t.score("t", Some((1.0, false)), Some((1.0, false)), 1, 2, DESC)
            .await,
        ["b", "ab"]
    );
    for (rank, element) in asc.iter().enumerate() {
        assert_eq!(t.rank("t", element, false).await, Ok(Some(rank as u64)));
        assert_eq!(
            t.rank("t", element, true).await,
            Ok(Some((asc.len() - 1 - rank) as u64))
        );
    }
    // -0.0 and 0.0 are the same score.
    t.zput("zero", &[("y", -0.0), ("x", 0.0)]).await;
    assert_eq!(t.idx("zero", None, None, ASC).await, ["x", "y"]);
    assert_eq!(
        t.score("zero", Some((0.0, false)), Some((-0.0, false)), 0, -1, ASC)
            .await,
        ["x", "y"]
    );
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn zset_fetch_by_score() {
    let t = setup("zscore").await;
    assert_eq!(
        t.try_by_score("z", None, None, 0, -1, ASC).await.unwrap(),
        None
    );
    t.zput("z", FOODS).await;
    let inc = |s: f64| Some((s, false));
    let exc = |s: f64| Some((s, true));

    assert_eq!(
        t.score("z", inc(100.0), None, 0, -1, ASC).await,
        ["bam", "burrito", "taco", "jalapeno"]
    );
    assert_eq!(
        t.score("z", None, inc(1000.0), 0, -1, ASC).await,
        ["foo", "bar", "baz", "habanero", "bam"]
    );
    assert_eq!(
        t.score("z", inc(100.0), inc(10_000.0), 0, -1, ASC).await,
        ["bam", "burrito"]
    );
    assert!(t
        .score("z", inc(2_000_000.0), None, 0, -1, ASC)
        .await
        .is_empty());
    assert!(t.score("z", None, inc(0.0), 0, -1, ASC).await.is_empty());
    assert_eq!(t.score("z", inc(0.0), None, 0, -1, ASC).await, FOODS_ASC);
    assert_eq!(t.score("z", None, None, 0, -1, ASC).await, FOODS_ASC);

    // Inclusive vs exclusive bounds on exact scores.
    assert_eq!(
        t.score("z", inc(42.0), inc(1000.0), 0, -1, ASC).await,
        ["baz", "habanero", "bam"]
    );
    assert_eq!(
        t.score("z", exc(42.0), inc(1000.0), 0, -1, ASC).await,
        ["habanero", "bam"]
    );
    assert_eq!(
        t.score("z", inc(42.0), exc(1000.0), 0, -1, ASC).await,
        ["baz", "habanero"]
    );
    assert_eq!(
        t.score("z", exc(42.0), exc(1000.0), 0, -1, ASC).await,
        ["habanero"]
    );
    assert!(t
        .score("z", exc(42.0), exc(42.0), 0, -1, ASC)
        .await
        .is_empty());
    assert_eq!(
        t.score("z", inc(42.0), inc(42.0), 0, -1, ASC).await,
        ["baz"]
    );
    // min > max selects nothing.
    assert!(t
        .score("z", inc(1000.0), inc(100.0), 0, -1, ASC)
        .await
        .is_empty());
    // Infinite bounds.
    assert_eq!(
        t.score("z", inc(f64::NEG_INFINITY), inc(f64::INFINITY), 0, -1, ASC)
            .await,
        FOODS_ASC
    );

    // Offset and count (SQL LIMIT semantics), in either order.
    assert_eq!(
        t.score("z", inc(100.0), None, 2, -1, ASC).await,
        ["taco", "jalapeno"]
    );
    assert_eq!(
        t.score("z", inc(100.0), None, 0, 2, ASC).await,
        ["bam", "burrito"]
    );
    assert_eq!(
        t.score("z", inc(10.0), None, 2, 3, ASC).await,
        ["bam", "burrito", "taco"]
    );
    assert!(t.score("z", inc(100.0), None, 5, -1, ASC).await.is_empty());
    assert_eq!(
        t.score("z", inc(100.0), None, 0, 100, ASC).await,
        ["bam", "burrito", "taco", "jalapeno"]
    );
    assert_eq!(
        t.score("z", inc(100.0), None, 1, -7, ASC).await,
        ["burrito", "taco", "jalapeno"]
    );
    assert!(t.score("z", None, None, 0, 0, ASC).await.is_empty());
    assert_eq!(
        t.score("z", inc(100.0), None, 0, -1, DESC).await,
        ["jalapeno", "taco", "burrito", "bam"]
    );
    assert_eq!(
        t.score("z", inc(20.0), inc(100_000.0), 2, 2, DESC).await,
        ["bam", "habanero"]
    );

    // Scores come back with the elements.
    let with_scores = t
        .try_by_score("z", inc(40.0), inc(70.0), 0, -1, DESC)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(with_scores, expect(&[("habanero", 68.0), ("baz", 42.0)]));

    // NaN bounds are invalid; so is an unknown order.
    let err = t
        .try_by_score("z", Some((f64::NAN, false)), None, 0, -1, ASC)
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    let err = t.try_by_score("z", None, None, 0, -1, 7).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn zset_scores_ranks_increment_remove_and_lengths() {
    use sorted_set_length_by_score_request::{Max, Min};
    use sorted_set_remove_request::{All, RemoveElements, Some as SomeValues};
    let t = setup("zops").await;

    // Missing set.
    assert_eq!(t.scores("s", &["foo"]).await, None);
    assert_eq!(t.rank("s", "foo", false).await, Err(()));
    assert_eq!(t.zlen("s").await, None);
    assert_eq!(t.zlen_by_score("s", None, None).await.unwrap(), None);

    t.zput("s", &[("foo", 42.0), ("bar", 84.0), ("baz", 90210.0)])
        .await;
    assert_eq!(
        t.scores("s", &["bar", "taco", "baz"]).await.unwrap(),
        [Some(84.0), None, Some(90210.0)]
    );
    assert_eq!(t.rank("s", "foo", false).await, Ok(Some(0)));
    assert_eq!(t.rank("s", "bar", false).await, Ok(Some(1)));
    assert_eq!(t.rank("s", "baz", false).await, Ok(Some(2)));
    assert_eq!(t.rank("s", "foo", true).await, Ok(Some(2)));
    assert_eq!(t.rank("s", "baz", true).await, Ok(Some(0)));
    assert_eq!(t.rank("s", "taco", false).await, Ok(None));
    assert_eq!(t.zlen("s").await, Some(3));

    // Increment: existing, negative, new element, new set.
    assert_eq!(t.incr("s", "baz", 10.0).await.unwrap(), 90220.0);
    assert_eq!(t.incr("s", "foo", -50.5).await.unwrap(), -8.5);
    assert_eq!(t.rank("s", "foo", false).await, Ok(Some(0)));
    assert_eq!(t.incr("s", "new", 1.0).await.unwrap(), 1.0);
    assert_eq!(
        t.zall("s").await.unwrap(),
        expect(&[("foo", -8.5), ("new", 1.0), ("bar", 84.0), ("baz", 90220.0)])
    );
    assert_eq!(t.incr("fresh", "x", 3.25).await.unwrap(), 3.25);
    assert_eq!(t.zall("fresh").await.unwrap(), expect(&[("x", 3.25)]));
    let err = t.incr("s", "foo", f64::NAN).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    t.incr("inf", "x", f64::INFINITY).await.unwrap();
    let err = t.incr("inf", "x", f64::NEG_INFINITY).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    assert_eq!(
        t.scores("inf", &["x"]).await.unwrap(),
        [Some(f64::INFINITY)]
    );

    // Length by score with every kind of bound.
    t.zput(
        "l",
        &[
            ("foo", 42.0),
            ("bar", 42.0),
            ("baz", 42.0),
            ("apple", 1.0),
            ("banana", 1.0),
            ("water", 555.0),
            ("air", 555.0),
            ("earth", 555.0),
            ("fire", 555.0),
        ],
    )
    .await;
    let n = |min, max| t.zlen_by_score("l", min, max);
    assert_eq!(n(None, None).await.unwrap(), Some(9));
    assert_eq!(
        n(
            Some(Min::UnboundedMin(Unbounded {})),
            Some(Max::UnboundedMax(Unbounded {}))
        )
        .await
        .unwrap(),
        Some(9)
    );
    assert_eq!(
        n(Some(Min::InclusiveMin(42.0)), None).await.unwrap(),
        Some(7)
    );
    assert_eq!(
        n(None, Some(Max::InclusiveMax(42.0))).await.unwrap(),
        Some(5)
    );
    assert_eq!(
        n(Some(Min::InclusiveMin(1.0)), Some(Max::ExclusiveMax(42.0)))
            .await
            .unwrap(),
        Some(2)
    );
    assert_eq!(
        n(Some(Min::ExclusiveMin(1.0)), Some(Max::ExclusiveMax(555.0)))
            .await
            .unwrap(),
        Some(3)
    );
    assert_eq!(
        n(
            Some(Min::ExclusiveMin(42.0)),
            Some(Max::InclusiveMax(555.0))
        )
        .await
        .unwrap(),
        Some(4)
    );
    assert_eq!(
        n(
            Some(Min::InclusiveMin(600.0)),
            Some(Max::InclusiveMax(500.0))
        )
        .await
        .unwrap(),
        Some(0)
    );
    let err = n(Some(Min::InclusiveMin(f64::NAN)), None)
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);

    // Remove some (absent values ignored), then the rest; the empty set is deleted.
    t.zremove(
        "l",
        RemoveElements::Some(SomeValues {
            values: vec![b("foo"), b("nope"), b("water")],
        }),
    )
    .await;
    assert_eq!(t.zlen("l").await, Some(7));
    assert_eq!(
        t.scores("l", &["foo", "bar"]).await.unwrap(),
        [None, Some(42.0)]
    );
    t.zremove(
        "l",
        RemoveElements::Some(SomeValues {
            values: ["bar", "baz", "apple", "banana", "air", "earth", "fire"]
                .iter()
                .map(|v| b(v))
                .collect(),
        }),
    )
    .await;
    assert_eq!(t.zlen("l").await, None);
    assert_eq!(t.ttl("l").await, None);
    t.zremove("s", RemoveElements::All(All {})).await;
    assert_eq!(t.zall("s").await, None);
    // Removing from a missing set is fine.
    t.zremove("s", RemoveElements::All(All {})).await;

    // Invalid puts write nothing.
    let err = t
        .zput_ttl("bad", &[("a", 1.0), ("b", f64::NAN)], MINUTE_MS, false)
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    let err = t
        .zput_ttl("bad", &[("a", 1.0)], 0, false)
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    assert_eq!(t.zlen("bad").await, None);

    // Wrong type, both ways.
    t.concat_back("list", &["a"], 0).await;
    let err = t
        .zput_ttl("list", &[("a", 1.0)], MINUTE_MS, false)
        .await
        .unwrap_err();
    assert_invalid_type(&err);
    assert_invalid_type(&t.incr("list", "a", 1.0).await.unwrap_err());
    assert_invalid_type(
        &t.try_by_score("list", None, None, 0, -1, ASC)
            .await
            .unwrap_err(),
    );
    assert_invalid_type(&t.zlen_by_score("list", None, None).await.unwrap_err());
    t.zput("zs", &[("a", 1.0)]).await;
    assert_invalid_type(&t.push_back("zs", "a", 0).await.unwrap_err());

    // Size limit: nothing written beyond 5 MiB.
    let big = "x".repeat(3 << 20);
    let big2 = "y".repeat(3 << 20);
    t.zput("big", &[(big.as_str(), 1.0)]).await;
    let err = t
        .zput_ttl("big", &[(big2.as_str(), 2.0)], MINUTE_MS, false)
        .await
        .unwrap_err();
    assert_too_large(&err);
    let err = t.incr("big", &big2, 1.0).await.unwrap_err();
    assert_too_large(&err);
    assert_eq!(t.zlen("big").await, Some(1));
    // Re-putting an existing element does not grow the set.
    t.zput("big", &[(big.as_str(), 3.0)]).await;
    assert_eq!(t.scores("big", &[big.as_str()]).await.unwrap(), [Some(3.0)]);
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn zset_union_store() {
    use sorted_set_union_store_request::AggregateFunction::{Max, Min, Sum};
    let t = setup("zunion").await;
    t.zput("s1", &[("a", 1.0), ("b", 2.0), ("c", 3.0)]).await;
    t.zput("s2", &[("b", 10.0), ("c", 20.0), ("d", 30.0)]).await;

    assert_eq!(
        t.union("u", &[("s1", 1.0), ("s2", 2.0)], Sum, MINUTE_MS)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        t.zall("u").await.unwrap(),
        expect(&[("a", 1.0), ("b", 22.0), ("c", 43.0), ("d", 60.0)])
    );
    t.union("u", &[("s1", 1.0), ("s2", 2.0)], Min, MINUTE_MS)
        .await
        .unwrap();
    assert_eq!(
        t.zall("u").await.unwrap(),
        expect(&[("a", 1.0), ("b", 2.0), ("c", 3.0), ("d", 60.0)])
    );
    t.union("u", &[("s1", 1.0), ("s2", 2.0)], Max, MINUTE_MS)
        .await
        .unwrap();
    assert_eq!(
        t.zall("u").await.unwrap(),
        expect(&[("a", 1.0), ("b", 20.0), ("c", 40.0), ("d", 60.0)])
    );
    // Negative and zero weights; ties then order by bytes.
    t.union("u", &[("s1", -1.0), ("s2", 0.0)], Sum, MINUTE_MS)
        .await
        .unwrap();
    assert_eq!(
        t.zall("u").await.unwrap(),
        expect(&[("c", -3.0), ("b", -2.0), ("a", -1.0), ("d", 0.0)])
    );

    // Missing sources count as empty; the old destination content is replaced.
    t.zput("dest", &[("zzz", 5.0)]).await;
    assert_eq!(
        t.union("dest", &[("s1", 0.5), ("nope", 3.0)], Sum, MINUTE_MS)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        t.zall("dest").await.unwrap(),
        expect(&[("a", 0.5), ("b", 1.0), ("c", 1.5)])
    );
    // The destination may be one of its sources.
    assert_eq!(
        t.union("dest", &[("dest", 2.0), ("s2", 1.0)], Sum, MINUTE_MS)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        t.zall("dest").await.unwrap(),
        expect(&[("a", 1.0), ("b", 12.0), ("c", 23.0), ("d", 30.0)])
    );
    // The same source twice counts twice.
    t.union("twice", &[("s1", 1.0), ("s1", 1.0)], Sum, MINUTE_MS)
        .await
        .unwrap();
    assert_eq!(
        t.zall("twice").await.unwrap(),
        expect(&[("a", 2.0), ("b", 4.0), ("c", 6.0)])
    );

    // An empty union deletes the destination.
    assert_eq!(
        t.union("dest", &[("nope", 1.0)], Sum, MINUTE_MS)
            .await
            .unwrap(),
        0
    );
    assert_eq!(t.zall("dest").await, None);
    // No source at all is refused, as Momento does (the official suite's "errors when no source
    // is provided"); the destination is left alone.
    t.union("dest", &[("s1", 1.0)], Sum, MINUTE_MS)
        .await
        .unwrap();
    let err = t.union("dest", &[], Max, MINUTE_MS).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    assert!(t.zall("dest").await.is_some());

    // The destination always gets the request's TTL, also when it existed.
    t.union("u", &[("s1", 1.0)], Sum, 500).await.unwrap();
    assert!(t.ttl("u").await.unwrap() <= 500);

    // Errors: TTL 0, NaN weight, a source of another type, unknown aggregate.
    let err = t.union("u", &[("s1", 1.0)], Sum, 0).await.unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    let err = t
        .union("u", &[("s1", f32::NAN)], Sum, MINUTE_MS)
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    t.concat_back("list", &["x"], 0).await;
    let err = t
        .union("u", &[("s1", 1.0), ("list", 1.0)], Sum, MINUTE_MS)
        .await
        .unwrap_err();
    assert_invalid_type(&err);
    let err = t
        .c()
        .sorted_set_union_store(t.req(SortedSetUnionStoreRequest {
            set_name: b("u"),
            sources: vec![sorted_set_union_store_request::Source {
                set_name: b("s1"),
                weight: 1.0,
            }],
            aggregate: 9,
            ttl_milliseconds: MINUTE_MS,
        }))
        .await
        .unwrap_err();
    assert_code(&err, Code::InvalidArgument);
    t.server.shutdown().await.unwrap();
}

#[tokio::test]
async fn zset_ttl_refresh() {
    let t = setup("zttl").await;
    // Put: without refresh the first TTL stays, with refresh it is reset.
    t.zput_ttl("nr", &[("a", 1.0)], 300, false).await.unwrap();
    t.zput_ttl("nr", &[("b", 2.0)], MINUTE_MS, false)
        .await
        .unwrap();
    assert!(t.ttl("nr").await.unwrap() <= 300);
    t.zput_ttl("r", &[("a", 1.0)], MINUTE_MS, false)
        .await
        .unwrap();
    t.zput_ttl("r", &[("b", 2.0)], 300, true).await.unwrap();
    assert!(t.ttl("r").await.unwrap() <= 300);

    // Increment likewise.
    t.incr_ttl("inr", "a", 1.0, 300, false).await.unwrap();
    t.incr_ttl("inr", "a", 1.0, MINUTE_MS, false).await.unwrap();
    assert!(t.ttl("inr").await.unwrap() <= 300);
    t.incr_ttl("ir", "a", 1.0, 300, true).await.unwrap();
    assert_eq!(
        t.incr_ttl("ir", "a", 1.0, MINUTE_MS, true).await.unwrap(),
        2.0
    );
    assert!(t.ttl("ir").await.unwrap() > 50_000);

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(t.zall("nr").await, None);
    assert_eq!(t.zall("r").await, None);
    assert_eq!(t.zall("inr").await, None);
    assert_eq!(t.zall("ir").await.unwrap(), expect(&[("a", 2.0)]));
    // After expiry an increment starts from 0 again.
    assert_eq!(t.incr("inr", "a", 5.0).await.unwrap(), 5.0);
    t.server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// gRPC-web text
// ---------------------------------------------------------------------------------------------

/// POSTs one message in gRPC-web text mode; returns (data frames, grpc-status, err metadata).
async fn web_text(
    t: &T,
    method: &str,
    message: &impl Message,
) -> (Vec<Vec<u8>>, String, Option<String>) {
    let reply = web::text_call(
        format!("{}/cache_client.Scs/{method}", t.server.url()),
        message,
        &[("cache", &t.cache), ("authorization", &t.token)],
    )
    .await;
    let status = reply.metadata("grpc-status").unwrap();
    let err = reply.metadata("err");
    (reply.data, status, err)
}

#[tokio::test]
async fn grpc_web_text_list_and_sorted_set() {
    use sorted_set_fetch_request::{by_score, ByScore, Range};
    let t = setup("webtext").await;

    let (data, status, _) = web_text(
        &t,
        "ListConcatenateBack",
        &ListConcatenateBackRequest {
            list_name: b("wl"),
            values: vec![b("a"), b("b"), b("c")],
            ttl_milliseconds: MINUTE_MS,
            refresh_ttl: false,
            truncate_front_to_size: 0,
        },
    )
    .await;
    assert_eq!(status, "0");
    assert_eq!(
        ListConcatenateBackResponse::decode(data[0].as_slice())
            .unwrap()
            .list_length,
        3
    );
    let (data, status, _) = web_text(
        &t,
        "ListFetch",
        &ListFetchRequest {
            list_name: b("wl"),
            start_index: Some(list_fetch_request::StartIndex::InclusiveStart(-2)),
            end_index: None,
        },
    )
    .await;
    assert_eq!(status, "0");
    let fetched_list = ListFetchResponse::decode(data[0].as_slice()).unwrap();
    let Some(list_fetch_response::List::Found(found)) = fetched_list.list else {
        panic!("expected found");
    };
    assert_eq!(strings(found.values), ["b", "c"]);

    let (_, status, _) = web_text(
        &t,
        "SortedSetPut",
        &SortedSetPutRequest {
            set_name: b("wz"),
            elements: vec![
                SortedSetElement {
                    value: b("x"),
                    score: 2.5,
                },
                SortedSetElement {
                    value: b("y"),
                    score: -1.0,
                },
            ],
            ttl_milliseconds: MINUTE_MS,
            refresh_ttl: false,
        },
    )
    .await;
    assert_eq!(status, "0");
    let (data, status, _) = web_text(
        &t,
        "SortedSetFetch",
        &SortedSetFetchRequest {
            set_name: b("wz"),
            order: DESC,
            with_scores: true,
            range: Some(Range::ByScore(ByScore {
                min: Some(by_score::Min::UnboundedMin(Unbounded {})),
                max: Some(by_score::Max::UnboundedMax(Unbounded {})),
                offset: 0,
                count: -1,
            })),
        },
    )
    .await;
    assert_eq!(status, "0");
    assert_eq!(
        fetched(SortedSetFetchResponse::decode(data[0].as_slice()).unwrap()).unwrap(),
        expect(&[("x", 2.5), ("y", -1.0)])
    );

    // A type error reaches the browser as grpc-status 9 with `err: invalid_type`.
    let (data, status, err) = web_text(
        &t,
        "SortedSetLength",
        &SortedSetLengthRequest { set_name: b("wl") },
    )
    .await;
    assert!(data.is_empty());
    assert_eq!(status, "9");
    assert_eq!(err.as_deref(), Some("invalid_type"));
    t.server.shutdown().await.unwrap();
}
