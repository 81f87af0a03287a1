//! Sorted-set methods of `CacheClientCore`. The facade sends the singular official methods through the plural
//! core methods (`sortedSetPutElement` → `sortedSetPutElements` with one element, `sortedSetGetScore` →
//! `sortedSetGetScores`, `sortedSetRemoveElement` → `sortedSetRemoveElements`), as the official SDKs do on the
//! wire. Every method funnels into one non-generic helper ([`CacheClientCore::sorted_set_call`]).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::cache_client::{prepare, CacheClientCore, PendingCall};
use super::convert::{
    self, into_js, methods, uint8_array_list, Bytes, BytesArray, CallOptions, CollectionOptions,
    Num, OrderOptions, RankRangeOptions, ScoreBoundsOptions, ScoreRangeOptions, Text, UnionSources,
    UnionStoreOptions, ValueScorePairs,
};
use crate::core::cache::length::SortedSetLengthRequest;
use crate::core::cache::remove::{SortedSetRemoveRequest, SortedSetRemoveResponse};
use crate::core::cache::sorted_set::fetch::{SortedSetFetchRequest, SortedSetFetchResponse};
use crate::core::cache::sorted_set::get_rank::{SortedSetGetRankRequest, SortedSetGetRankResponse};
use crate::core::cache::sorted_set::get_score::{
    SortedSetGetScoresRequest, SortedSetGetScoresResponse,
};
use crate::core::cache::sorted_set::increment_score::{
    SortedSetIncrementScoreRequest, SortedSetIncrementScoreResponse,
};
use crate::core::cache::sorted_set::length_by_score::SortedSetLengthByScoreRequest;
use crate::core::cache::sorted_set::put::{SortedSetPutRequest, SortedSetPutResponse};
use crate::core::cache::sorted_set::union_store::{
    SortedSetAggregate, SortedSetSource, SortedSetUnionStoreRequest, SortedSetUnionStoreResponse,
};
use crate::core::cache::sorted_set::SortedSetOrder;
use crate::core::error::MomentoError;

/// Which sorted-set RPC a call makes; `arg` of [`CacheClientCore::sorted_set_call`] depends on it.
enum Op {
    /// `SortedSetPut`; `arg` is the `[value, score][]` array.
    Put,
    /// `SortedSetFetch` by index (no `arg`; ranks and order are in the options).
    FetchByRank,
    /// `SortedSetFetch` by score (no `arg`; bounds, order, offset and count are in the options).
    FetchByScore,
    /// `SortedSetGetScore`; `arg` is the values array.
    GetScores,
    /// `SortedSetGetRank`; `arg` is the value.
    GetRank,
    /// `SortedSetIncrement` by this amount; `arg` is the value.
    IncrementScore(JsValue),
    /// `SortedSetRemove`; `arg` is the values array.
    Remove,
    /// `SortedSetLength` (no `arg`).
    Length,
    /// `SortedSetLengthByScore` (no `arg`; bounds are in the options).
    LengthByScore,
    /// `SortedSetUnionStore`; `arg` is the `{sortedSetName, weight}[]` sources array.
    UnionStore,
}

impl CacheClientCore {
    /// Shared by every sorted-set method (non-generic on purpose: one copy in the bundle).
    #[inline(never)]
    fn sorted_set_call(
        &self,
        op: Op,
        cache_name: Text,
        sorted_set_name: Text,
        arg: JsValue,
        options: Option<Object>,
    ) -> PendingCall {
        self.start(&options, || {
            let cache_name = convert::text(&cache_name, "cache name")?;
            let sorted_set_name = convert::text(&sorted_set_name, "sorted set name")?;
            let ttl = || convert::collection_ttl(&options, self.default_ttl_ms);
            let number = |name: &str| convert::opt_number(&options, name);
            Ok(match op {
                Op::Put => prepare(SortedSetPutRequest::new(
                    cache_name,
                    sorted_set_name,
                    elements(&arg)?,
                    ttl()?,
                )?),
                Op::FetchByRank => prepare(SortedSetFetchRequest::by_rank(
                    cache_name,
                    sorted_set_name,
                    number("startRank")?,
                    number("endRank")?,
                    order(&options)?,
                )?),
                Op::FetchByScore => prepare(SortedSetFetchRequest::by_score(
                    cache_name,
                    sorted_set_name,
                    number("minScore")?,
                    number("maxScore")?,
                    order(&options)?,
                    number("offset")?,
                    number("count")?,
                )?),
                Op::GetScores => prepare(SortedSetGetScoresRequest::new(
                    cache_name,
                    sorted_set_name,
                    convert::bytes_list(&arg, "values")?,
                )?),
                Op::GetRank => prepare(SortedSetGetRankRequest::new(
                    cache_name,
                    sorted_set_name,
                    convert::bytes(&arg, "value")?,
                    order(&options)?,
                )?),
                Op::IncrementScore(amount) => prepare(SortedSetIncrementScoreRequest::new(
                    cache_name,
                    sorted_set_name,
                    convert::bytes(&arg, "value")?,
                    convert::number(&amount, "amount")?,
                    ttl()?,
                )?),
                Op::Remove => prepare(SortedSetRemoveRequest::new(
                    cache_name,
                    sorted_set_name,
                    convert::bytes_list(&arg, "values")?,
                )?),
                Op::Length => prepare(SortedSetLengthRequest::new(cache_name, sorted_set_name)?),
                Op::LengthByScore => prepare(SortedSetLengthByScoreRequest::new(
                    cache_name,
                    sorted_set_name,
                    number("minScore")?,
                    number("maxScore")?,
                )?),
                Op::UnionStore => prepare(SortedSetUnionStoreRequest::new(
                    cache_name,
                    sorted_set_name,
                    sources(&arg)?,
                    aggregate(&options)?,
                    ttl()?,
                )?),
            })
        })
    }
}

/// `[value, score][]` → `(bytes, score)` pairs.
fn elements(value: &JsValue) -> Result<Vec<(Vec<u8>, f64)>, MomentoError> {
    let array = value
        .dyn_ref::<Array>()
        .ok_or_else(|| MomentoError::invalid_argument("elements must be an array"))?;
    array
        .iter()
        .map(|entry| {
            let entry: Array = entry.dyn_into().map_err(|_| {
                MomentoError::invalid_argument("each element must be [value, score]")
            })?;
            Ok((
                convert::bytes(&entry.get(0), "value")?,
                convert::number(&entry.get(1), "score")?,
            ))
        })
        .collect()
}

/// `{sortedSetName, weight}[]` → sources, with the official texts for bad entries.
fn sources(value: &JsValue) -> Result<Vec<SortedSetSource>, MomentoError> {
    let array = value
        .dyn_ref::<Array>()
        .ok_or_else(|| MomentoError::invalid_argument("At least one sources is required"))?;
    array
        .iter()
        .map(|entry| {
            let get = |name: &str| {
                Reflect::get(&entry, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
            };
            let name = get("sortedSetName").as_string().ok_or_else(|| {
                MomentoError::invalid_argument("sortedSetName must be a non-empty string")
            })?;
            let weight = get("weight")
                .as_f64()
                .ok_or_else(|| MomentoError::invalid_argument("weight must be a finite number"))?;
            Ok(SortedSetSource { name, weight })
        })
        .collect()
}

/// The `order` option: `'ASC'` (default) or `'DESC'` (the values of JS `SortedSetOrder`).
fn order(options: &Option<Object>) -> Result<SortedSetOrder, MomentoError> {
    let v = convert::field(options, "order");
    if v.is_undefined() || v.is_null() {
        return Ok(SortedSetOrder::Ascending);
    }
    match v.as_string().as_deref() {
        Some("ASC") => Ok(SortedSetOrder::Ascending),
        Some("DESC") => Ok(SortedSetOrder::Descending),
        _ => Err(MomentoError::invalid_argument(
            "order must be SortedSetOrder.Ascending ('ASC') or SortedSetOrder.Descending ('DESC')",
        )),
    }
}

/// The `aggregate` option: `SortedSetAggregate.SUM` (0, default), `MIN` (1) or `MAX` (2).
fn aggregate(options: &Option<Object>) -> Result<SortedSetAggregate, MomentoError> {
    match convert::opt_number(options, "aggregate") {
        Ok(None) => Ok(SortedSetAggregate::Sum),
        Ok(Some(0.0)) => Ok(SortedSetAggregate::Sum),
        Ok(Some(1.0)) => Ok(SortedSetAggregate::Min),
        Ok(Some(2.0)) => Ok(SortedSetAggregate::Max),
        _ => Err(MomentoError::invalid_argument(
            "aggregate must be SortedSetAggregate.SUM, MIN or MAX",
        )),
    }
}

methods! {
    CacheClientCore {
        #[doc = " Adds elements or updates their scores (`elements` is `[value, score][]`; the facade also accepts a Map or"]
        #[doc = " a Record): `{type: 'Success'}`."]
        fn sorted_set_put_elements as sortedSetPutElements(&self, cacheName: Text, sortedSetName: Text, elements: ValueScorePairs; options: CollectionOptions) {
            self.sorted_set_call(Op::Put, cacheName, sortedSetName, elements.into(), options)
        }

        #[doc = " Reads elements by rank, `startRank` (inclusive, default 0) to `endRank` (exclusive, default the end;"]
        #[doc = " negative counts from the end), in `order` (`'ASC'` default, or `'DESC'`):"]
        #[doc = " `{type: 'Hit', values: Uint8Array[], scores: number[]}` or `{type: 'Miss'}`."]
        fn sorted_set_fetch_by_rank as sortedSetFetchByRank(&self, cacheName: Text, sortedSetName: Text; options: RankRangeOptions) {
            let arg = JsValue::UNDEFINED;
            self.sorted_set_call(Op::FetchByRank, cacheName, sortedSetName, arg, options)
        }

        #[doc = " The number of elements scored from `minScore` to `maxScore` (inclusive): `{type: 'Hit', length}` or"]
        #[doc = " `{type: 'Miss'}` (also when none is in range, as in the official SDKs)."]
        fn sorted_set_length_by_score as sortedSetLengthByScore(&self, cacheName: Text, sortedSetName: Text; options: ScoreBoundsOptions) {
            let arg = JsValue::UNDEFINED;
            self.sorted_set_call(Op::LengthByScore, cacheName, sortedSetName, arg, options)
        }

        #[doc = " Stores the weighted union of `sources` in `sortedSetName` (overwriting it), combining shared elements"]
        #[doc = " with `aggregate` (`SortedSetAggregate.SUM` default, `MIN`, `MAX`): `{type: 'Success', length}`."]
        fn sorted_set_union_store as sortedSetUnionStore(&self, cacheName: Text, sortedSetName: Text, sources: UnionSources; options: UnionStoreOptions) {
            self.sorted_set_call(Op::UnionStore, cacheName, sortedSetName, sources.into(), options)
        }

        #[doc = " Reads elements scored from `minScore` to `maxScore` (inclusive, default unbounded) in `order`, skipping"]
        #[doc = " `offset` and returning at most `count`: `{type: 'Hit', values, scores}` or `{type: 'Miss'}`."]
        fn sorted_set_fetch_by_score as sortedSetFetchByScore(&self, cacheName: Text, sortedSetName: Text; options: ScoreRangeOptions) {
            let arg = JsValue::UNDEFINED;
            self.sorted_set_call(Op::FetchByScore, cacheName, sortedSetName, arg, options)
        }

        #[doc = " The scores of `values`: `{type: 'Hit', scores: (number | undefined)[]}` in value order (undefined = not an"]
        #[doc = " element), or `{type: 'Miss'}` when the sorted set does not exist."]
        fn sorted_set_get_scores as sortedSetGetScores(&self, cacheName: Text, sortedSetName: Text, values: BytesArray; options: CallOptions) {
            self.sorted_set_call(Op::GetScores, cacheName, sortedSetName, values.into(), options)
        }

        #[doc = " The zero-based rank of `value` in `order` (`'ASC'`: 0 = lowest score): `{type: 'Hit', rank}` or"]
        #[doc = " `{type: 'Miss'}`."]
        fn sorted_set_get_rank as sortedSetGetRank(&self, cacheName: Text, sortedSetName: Text, value: Bytes; options: OrderOptions) {
            self.sorted_set_call(Op::GetRank, cacheName, sortedSetName, value.into(), options)
        }

        #[doc = " Adds `amount` to the score of `value` (created with `amount` if missing): `{type: 'Success', score}`."]
        #[doc = " Never retried."]
        fn sorted_set_increment_score as sortedSetIncrementScore(&self, cacheName: Text, sortedSetName: Text, value: Bytes, amount: Num; options: CollectionOptions) {
            let op = Op::IncrementScore(amount.into());
            self.sorted_set_call(op, cacheName, sortedSetName, value.into(), options)
        }

        #[doc = " Removes `values` (absent ones are ignored): `{type: 'Success'}`."]
        fn sorted_set_remove_elements as sortedSetRemoveElements(&self, cacheName: Text, sortedSetName: Text, values: BytesArray; options: CallOptions) {
            self.sorted_set_call(Op::Remove, cacheName, sortedSetName, values.into(), options)
        }

        #[doc = " The number of elements: `{type: 'Hit', length}` or `{type: 'Miss'}`."]
        fn sorted_set_length as sortedSetLength(&self, cacheName: Text, sortedSetName: Text; options: CallOptions) {
            let arg = JsValue::UNDEFINED;
            self.sorted_set_call(Op::Length, cacheName, sortedSetName, arg, options)
        }
    }
}

into_js! {
    SortedSetPutResponse { _ => "Success" }
    SortedSetFetchResponse {
        SortedSetFetchResponse::Hit { elements } => "Hit" {
            "values": uint8_array_list(elements.iter().map(|e| &e.0)),
            "scores": elements.iter().map(|e| JsValue::from(e.1)).collect::<Array>(),
        },
        SortedSetFetchResponse::Miss => "Miss",
    }
    SortedSetGetScoresResponse {
        SortedSetGetScoresResponse::Hit { scores } => "Hit" {
            "scores": scores
                .into_iter()
                .map(|s| s.map_or(JsValue::UNDEFINED, JsValue::from))
                .collect::<Array>(),
        },
        SortedSetGetScoresResponse::Miss => "Miss",
    }
    SortedSetGetRankResponse {
        SortedSetGetRankResponse::Hit { rank } => "Hit" { "rank": rank as f64 },
        SortedSetGetRankResponse::Miss => "Miss",
    }
    SortedSetIncrementScoreResponse {
        SortedSetIncrementScoreResponse::Success { score } => "Success" { "score": score },
    }
    SortedSetRemoveResponse { _ => "Success" }
    SortedSetUnionStoreResponse {
        SortedSetUnionStoreResponse::Success { length } => "Success" { "length": f64::from(length) },
    }
}
