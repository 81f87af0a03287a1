//! `LeaderboardClientCore`: the wasm half of `PreviewLeaderboardClient` and its leaderboard objects. Each method
//! takes the cache and leaderboard names, validates and encodes synchronously and hands the request to the
//! shared runner; the promise resolves to a tagged object and never rejects. Fetch results carry their elements
//! as one `Float64Array` of `(id, score, rank)` triples, which the facade turns into `{id, score, rank}` objects.

use js_sys::{Float64Array, Object};
use wasm_bindgen::prelude::*;

use super::cache_client::{client_core, prepare, start_call, PendingCall, Prepared};
use super::convert::{
    self, into_js, methods, CallOptions, IdScorePairs, Num, Nums, OrderOptions, ScoreRangeOptions,
    Text,
};
use crate::core::error::MomentoError;
use crate::core::leaderboard::delete::{DeleteRequest, DeleteResponse};
use crate::core::leaderboard::fetch_by_rank::FetchByRankRequest;
use crate::core::leaderboard::fetch_by_score::{FetchByScoreOptions, FetchByScoreRequest};
use crate::core::leaderboard::get_rank::GetRankRequest;
use crate::core::leaderboard::length::{LengthRequest, LengthResponse};
use crate::core::leaderboard::remove_elements::{RemoveElementsRequest, RemoveElementsResponse};
use crate::core::leaderboard::upsert::{UpsertRequest, UpsertResponse};
use crate::core::leaderboard::{FetchResponse, Order};

client_core! {
    #[doc = " The wasm core of a leaderboard client (use `PreviewLeaderboardClient`, which wraps it)."]
    LeaderboardClientCore("leaderboard")
}

impl LeaderboardClientCore {
    fn start(
        &self,
        options: &Option<Object>,
        build: impl FnOnce() -> Result<Prepared, MomentoError>,
    ) -> PendingCall {
        start_call(&self.client, options, build)
    }
}

/// The `order` option (`LeaderboardOrder`: `'ASC'` or `'DESC'`; absent = ascending).
fn order(options: &Option<Object>) -> Result<Order, MomentoError> {
    let v = convert::field(options, "order");
    if v.is_undefined() || v.is_null() {
        return Order::parse(None);
    }
    let s = v.as_string().ok_or_else(|| {
        MomentoError::invalid_argument(
            "order must be LeaderboardOrder.Ascending or LeaderboardOrder.Descending",
        )
    })?;
    Order::parse(Some(&s))
}

/// `upsert`'s flat `(id, score)` pairs.
fn id_score_pairs(pairs: &JsValue) -> Result<Vec<(f64, f64)>, MomentoError> {
    let numbers = convert::numbers(pairs, "elements")?;
    if numbers.len() % 2 != 0 {
        return Err(MomentoError::invalid_argument(
            "elements must be (id, score) pairs",
        ));
    }
    Ok(numbers
        .chunks_exact(2)
        .filter_map(|c| match c {
            [id, score] => Some((*id, *score)),
            _ => None,
        })
        .collect())
}

methods! {
    LeaderboardClientCore {
        #[doc = " Inserts or updates elements given as flat `(id, score)` pairs: `{type: 'Success'}`."]
        fn upsert as upsert(&self, cacheName: Text, leaderboardName: Text, idScorePairs: IdScorePairs; options: CallOptions) {
            self.start(&options, || {
                Ok(prepare(UpsertRequest::new(
                    convert::text(&cacheName, "cache name")?,
                    convert::text(&leaderboardName, "leaderboard name")?,
                    &id_score_pairs(&idScorePairs)?,
                )?))
            })
        }

        #[doc = " Elements with `minScore <= score < maxScore`: `{type: 'Success', elements: Float64Array}`. Options:"]
        #[doc = " `{minScore, maxScore, order, offset (default 0), count (default 8192), abortSignal}`."]
        fn fetch_by_score as fetchByScore(&self, cacheName: Text, leaderboardName: Text; options: ScoreRangeOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                let o = FetchByScoreOptions {
                    min_score: convert::opt_number(&options, "minScore")?,
                    max_score: convert::opt_number(&options, "maxScore")?,
                    order: order(&options)?,
                    offset: convert::opt_number(&options, "offset")?,
                    count: convert::opt_number(&options, "count")?,
                };
                Ok(prepare(FetchByScoreRequest::new(
                    cacheName,
                    leaderboardName,
                    o,
                )?))
            })
        }

        #[doc = " Elements at ranks `startRank..endRank` (end exclusive): `{type: 'Success', elements: Float64Array}`."]
        fn fetch_by_rank as fetchByRank(&self, cacheName: Text, leaderboardName: Text, startRank: Num, endRank: Num; options: OrderOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                Ok(prepare(FetchByRankRequest::new(
                    cacheName,
                    leaderboardName,
                    convert::number(&startRank, "startRank")?,
                    convert::number(&endRank, "endRank")?,
                    order(&options)?,
                )?))
            })
        }

        #[doc = " The given elements with their ranks: `{type: 'Success', elements: Float64Array}`."]
        fn get_rank as getRank(&self, cacheName: Text, leaderboardName: Text, ids: Nums; options: OrderOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                Ok(prepare(GetRankRequest::new(
                    cacheName,
                    leaderboardName,
                    &convert::numbers(&ids, "ids")?,
                    order(&options)?,
                )?))
            })
        }

        #[doc = " The number of elements: `{type: 'Success', length}`."]
        fn length as length(&self, cacheName: Text, leaderboardName: Text; options: CallOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                Ok(prepare(LengthRequest::new(cacheName, leaderboardName)?))
            })
        }

        #[doc = " Removes elements by id: `{type: 'Success'}`."]
        fn remove_elements as removeElements(&self, cacheName: Text, leaderboardName: Text, ids: Nums; options: CallOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                Ok(prepare(RemoveElementsRequest::new(
                    cacheName,
                    leaderboardName,
                    &convert::numbers(&ids, "ids")?,
                )?))
            })
        }

        #[doc = " Deletes the leaderboard: `{type: 'Success'}`."]
        fn delete as delete(&self, cacheName: Text, leaderboardName: Text; options: CallOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                let leaderboardName = convert::text(&leaderboardName, "leaderboard name")?;
                Ok(prepare(DeleteRequest::new(cacheName, leaderboardName)?))
            })
        }
    }
}

into_js! {
    FetchResponse {
        FetchResponse::Success { elements } => "Success" {
            "elements": Float64Array::from(
                elements
                    .iter()
                    .flat_map(|e| [f64::from(e.id), e.score, f64::from(e.rank)])
                    .collect::<Vec<f64>>()
                    .as_slice(),
            ),
        },
    }
    LengthResponse {
        LengthResponse::Success { length } => "Success" { "length": length },
    }
    UpsertResponse { _ => "Success" }
    RemoveElementsResponse { _ => "Success" }
    DeleteResponse { _ => "Success" }
}
