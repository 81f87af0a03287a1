//! `LeaderboardClientCore`: the wasm half of `PreviewLeaderboardClient` and its leaderboard objects. Each method
//! takes the cache and leaderboard names, validates and encodes synchronously and hands the request to the
//! shared runner; the promise resolves to a tagged object and never rejects. Fetch results carry their elements
//! as one `Float64Array` of `(id, score, rank)` triples, which the facade turns into `{id, score, rank}` objects.

use std::rc::Rc;

use js_sys::{Float64Array, Object};
use wasm_bindgen::prelude::*;

use super::cache_client::{prepare, start_call, PendingCall, Prepared};
use super::config;
use super::convert::{
    self, into_js, CallOptions, CoreSettings, CredentialData, Num, Nums, OrderOptions,
    ScoreRangeOptions, Text,
};
use crate::core::client::Client;
use crate::core::error::MomentoError;
use crate::core::leaderboard::delete::{DeleteRequest, DeleteResponse};
use crate::core::leaderboard::fetch_by_rank::FetchByRankRequest;
use crate::core::leaderboard::fetch_by_score::{FetchByScoreOptions, FetchByScoreRequest};
use crate::core::leaderboard::get_rank::GetRankRequest;
use crate::core::leaderboard::length::{LengthRequest, LengthResponse};
use crate::core::leaderboard::remove_elements::{RemoveElementsRequest, RemoveElementsResponse};
use crate::core::leaderboard::upsert::{UpsertRequest, UpsertResponse};
use crate::core::leaderboard::{FetchResponse, Order};
use crate::transport::js::{JsTransport, WasmTransport};

/// The wasm core of a leaderboard client (use `PreviewLeaderboardClient`, which wraps it).
#[wasm_bindgen]
pub struct LeaderboardClientCore {
    client: Rc<Client<WasmTransport>>,
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

#[wasm_bindgen]
impl LeaderboardClientCore {
    /// Builds a client from a `Configuration`'s settings (deadline, retries) and a `CredentialProvider`'s data,
    /// read once.
    #[wasm_bindgen(constructor)]
    pub fn new(
        configuration: CoreSettings,
        credentials: CredentialData,
        #[wasm_bindgen(js_name = runtimeVersion)] runtime_version: String,
        transport: JsTransport,
    ) -> LeaderboardClientCore {
        let client = Client::new(
            WasmTransport::new(transport),
            config::credentials(&credentials),
            config::configuration(&configuration),
            "leaderboard",
            runtime_version,
        );
        Self {
            client: Rc::new(client),
        }
    }

    /// Inserts or updates elements given as flat `(id, score)` pairs: `{type: 'Success'}`.
    pub fn upsert(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        #[wasm_bindgen(js_name = idScorePairs, unchecked_param_type = "Float64Array")]
        id_score_pairs: JsValue,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            let id_score_pairs = convert::numbers(&id_score_pairs, "elements")?;
            if id_score_pairs.len() % 2 != 0 {
                return Err(MomentoError::invalid_argument(
                    "elements must be (id, score) pairs",
                ));
            }
            let pairs: Vec<(f64, f64)> = id_score_pairs
                .chunks_exact(2)
                .filter_map(|c| match c {
                    [id, score] => Some((*id, *score)),
                    _ => None,
                })
                .collect();
            Ok(prepare(UpsertRequest::new(
                cache_name,
                leaderboard_name,
                &pairs,
            )?))
        })
    }

    /// Elements with `minScore <= score < maxScore`: `{type: 'Success', elements: Float64Array}`. Options:
    /// `{minScore, maxScore, order, offset (default 0), count (default 8192), abortSignal}`.
    #[wasm_bindgen(js_name = fetchByScore)]
    pub fn fetch_by_score(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        options: Option<ScoreRangeOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            let o = FetchByScoreOptions {
                min_score: convert::opt_number(&options, "minScore")?,
                max_score: convert::opt_number(&options, "maxScore")?,
                order: order(&options)?,
                offset: convert::opt_number(&options, "offset")?,
                count: convert::opt_number(&options, "count")?,
            };
            Ok(prepare(FetchByScoreRequest::new(
                cache_name,
                leaderboard_name,
                o,
            )?))
        })
    }

    /// Elements at ranks `startRank..endRank` (end exclusive): `{type: 'Success', elements: Float64Array}`.
    #[wasm_bindgen(js_name = fetchByRank)]
    pub fn fetch_by_rank(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        #[wasm_bindgen(js_name = startRank)] start_rank: Num,
        #[wasm_bindgen(js_name = endRank)] end_rank: Num,
        options: Option<OrderOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            Ok(prepare(FetchByRankRequest::new(
                cache_name,
                leaderboard_name,
                convert::number(&start_rank, "startRank")?,
                convert::number(&end_rank, "endRank")?,
                order(&options)?,
            )?))
        })
    }

    /// The given elements with their ranks: `{type: 'Success', elements: Float64Array}`.
    #[wasm_bindgen(js_name = getRank)]
    pub fn get_rank(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        ids: Nums,
        options: Option<OrderOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            Ok(prepare(GetRankRequest::new(
                cache_name,
                leaderboard_name,
                &convert::numbers(&ids, "ids")?,
                order(&options)?,
            )?))
        })
    }

    /// The number of elements: `{type: 'Success', length}`.
    pub fn length(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            Ok(prepare(LengthRequest::new(cache_name, leaderboard_name)?))
        })
    }

    /// Removes elements by id: `{type: 'Success'}`.
    #[wasm_bindgen(js_name = removeElements)]
    pub fn remove_elements(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        ids: Nums,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            Ok(prepare(RemoveElementsRequest::new(
                cache_name,
                leaderboard_name,
                &convert::numbers(&ids, "ids")?,
            )?))
        })
    }

    /// Deletes the leaderboard: `{type: 'Success'}`.
    pub fn delete(
        &self,
        #[wasm_bindgen(js_name = cacheName)] cache_name: Text,
        #[wasm_bindgen(js_name = leaderboardName)] leaderboard_name: Text,
        options: Option<CallOptions>,
    ) -> PendingCall {
        let options = options.map(Object::from);
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let leaderboard_name = convert::text(&leaderboard_name, "leaderboard name")?;
            Ok(prepare(DeleteRequest::new(cache_name, leaderboard_name)?))
        })
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
