//! Sorted sets: the `SortedSet*` RPCs of `cache_client.Scs`.
//!
//! A sorted set is stored as one item whose key is the request's `set_name`, holding a
//! [`SortedSet`] ([`Value::SortedSet`]): distinct elements ordered by score, ties broken by the
//! element bytes (lexicographically), as `cacheclient.proto` states ("The elements with same
//! score are ordered lexicographically"). Conventions (shared with the other collections):
//! - an item of another type at the key → `FAILED_PRECONDITION` with `err: invalid_type`;
//! - writes (`SortedSetPut`, `SortedSetIncrement`) carry a collection TTL: a new set gets
//!   `ttl_milliseconds` (which must be > 0); an existing one gets it only when `refresh_ttl` is
//!   set. `SortedSetUnionStore` overwrites its destination, which always gets the request's TTL;
//! - an empty sorted set is never stored: removing the last element deletes the item, and reads
//!   of a missing set answer `missing`;
//! - key + every element with its score ([`crate::store::element_bytes`]) must fit in the item size limit, else
//!   `RESOURCE_EXHAUSTED` (`err: item_size_limit_exceeded`) and nothing is written;
//! - NaN scores, amounts, bounds and weights are `INVALID_ARGUMENT`; ±∞ are accepted.
//!
//! Fetch semantics (from the `_SortedSetFetchRequest` comments): by index, start is inclusive
//! (unbounded = 0), end exclusive (unbounded = the length), negative indices count from the end,
//! and out-of-range indices clamp like Python slices; with `DESCENDING` the indices apply to the
//! reversed order (index 0 = highest score). By score, `offset`/`count` work like SQL `LIMIT
//! offset, count` over the matching elements in the requested order, and a negative count means
//! "all from the offset" (count 0 selects nothing, as `LIMIT 0` does).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use momento_proto::cache_client::{
    sorted_set_fetch_request, sorted_set_fetch_response, sorted_set_get_rank_request,
    sorted_set_get_rank_response, sorted_set_get_score_response,
    sorted_set_length_by_score_request, sorted_set_length_response, sorted_set_remove_request,
    sorted_set_union_store_request, ECacheResult, SortedSetElement, SortedSetFetchRequest,
    SortedSetFetchResponse, SortedSetGetRankRequest, SortedSetGetRankResponse,
    SortedSetGetScoreRequest, SortedSetIncrementRequest, SortedSetIncrementResponse,
    SortedSetLengthByScoreRequest, SortedSetLengthRequest, SortedSetPutRequest,
    SortedSetPutResponse, SortedSetRemoveRequest, SortedSetRemoveResponse,
    SortedSetUnionStoreRequest, SortedSetUnionStoreResponse,
};
use tonic::Status;

use super::list::slice_range;
use super::{
    cache_not_found, check_collection_size, check_ttl, collection, hit_or_miss, length_u32, on_key,
    read, slice_bound, upsert_collection, Collection, Reply,
};
use crate::store::sorted_set::SortedSet;
use crate::store::{Item, Store, Value};

collection!(SortedSet, SortedSet, "sorted set");

/// `INVALID_ARGUMENT` for a NaN `what`.
fn not_nan(value: f64, what: &str) -> Result<f64, Status> {
    if value.is_nan() {
        return Err(Status::invalid_argument(format!(
            "Invalid {what}: it must be a number, not NaN"
        )));
    }
    Ok(value)
}

/// `SortedSetPut`: sets the score of every element (adding the missing ones; for an element
/// listed twice the last score wins) and answers an empty message.
pub fn put(store: &Store, cache: &str, request: SortedSetPutRequest) -> Reply<SortedSetPutRequest> {
    let ttl_ms = check_ttl(store.limits(), request.ttl_milliseconds)?;
    for element in &request.elements {
        not_nan(element.score, "score")?;
    }
    let key = request.set_name;
    let elements = request.elements;
    on_key(store, cache, &key, |slot| {
        upsert_collection::<SortedSet, _>(slot, ttl_ms, request.refresh_ttl, |set| {
            let mut seen = HashSet::new();
            let added = elements
                .iter()
                .filter(|element| seen.insert(element.value.as_slice()))
                .fold(0usize, |acc, element| {
                    acc.saturating_add(set.added_bytes(&element.value))
                });
            check_collection_size(
                store.limits(),
                key.len()
                    .saturating_add(set.size_bytes())
                    .saturating_add(added),
            )?;
            for element in elements {
                set.insert(element.value, element.score);
            }
            Ok(SortedSetPutResponse {})
        })
    })
}

/// Resolves a fetch-by-score bound (`None`/unbounded → `Unbounded`).
fn fetch_bound(
    score: Option<sorted_set_fetch_request::by_score::Score>,
) -> Result<Bound<f64>, Status> {
    Ok(match score {
        None => Bound::Unbounded,
        Some(score) if score.exclusive => Bound::Excluded(not_nan(score.score, "score bound")?),
        Some(score) => Bound::Included(not_nan(score.score, "score bound")?),
    })
}

/// Copies `(element, score)` pairs into response elements, skipping `offset` and taking at most
/// `count`.
fn page<'a>(
    pairs: impl Iterator<Item = (&'a [u8], f64)>,
    offset: usize,
    count: usize,
) -> Vec<SortedSetElement> {
    pairs
        .skip(offset)
        .take(count)
        .map(|(value, score)| SortedSetElement {
            value: value.to_vec(),
            score,
        })
        .collect()
}

/// `SortedSetFetch`: a rank range (`by_index`) or a score range (`by_score`, with offset and
/// count) in `order` (see the module docs), as `found` with `values_with_scores` or `values`
/// (possibly empty), or `missing`. No range at all fetches every element.
pub fn fetch(
    store: &Store,
    cache: &str,
    request: SortedSetFetchRequest,
) -> Reply<SortedSetFetchRequest> {
    use sorted_set_fetch_request::{by_index, by_score, Order, Range};
    use sorted_set_fetch_response::found::{Elements, Values, ValuesWithScores};
    use sorted_set_fetch_response::{Found, Missing, SortedSet as S};
    let order = Order::try_from(request.order)
        .map_err(|_| Status::invalid_argument("Invalid order: must be ASCENDING or DESCENDING"))?;
    let descending = order == Order::Descending;

    /// A validated selection.
    enum Selection {
        ByIndex(Option<i32>, Option<i32>),
        ByScore(Bound<f64>, Bound<f64>, usize, usize),
    }
    let selection = match request.range {
        None => Selection::ByIndex(None, None),
        Some(Range::ByIndex(range)) => Selection::ByIndex(
            slice_bound!(range.start, by_index::Start::InclusiveStartIndex),
            slice_bound!(range.end, by_index::End::ExclusiveEndIndex),
        ),
        Some(Range::ByScore(range)) => Selection::ByScore(
            fetch_bound(slice_bound!(range.min, by_score::Min::MinScore))?,
            fetch_bound(slice_bound!(range.max, by_score::Max::MaxScore))?,
            usize::try_from(range.offset).unwrap_or(usize::MAX),
            // A negative count means every element from the offset.
            usize::try_from(range.count).unwrap_or(usize::MAX),
        ),
    };

    on_key(store, cache, &request.set_name, |slot| {
        let Some(set) = SortedSet::live(slot)? else {
            return Ok(SortedSetFetchResponse {
                sorted_set: Some(S::Missing(Missing {})),
            });
        };
        let elements = match selection {
            Selection::ByIndex(start, end) => {
                let range = slice_range(start, end, set.len());
                if descending {
                    page(set.iter().rev(), range.start, range.len())
                } else {
                    page(set.iter(), range.start, range.len())
                }
            }
            Selection::ByScore(min, max, offset, count) => {
                let matching = set.range_by_score(min, max);
                if descending {
                    page(matching.rev(), offset, count)
                } else {
                    page(matching, offset, count)
                }
            }
        };
        let elements = if request.with_scores {
            Elements::ValuesWithScores(ValuesWithScores { elements })
        } else {
            Elements::Values(Values {
                values: elements.into_iter().map(|element| element.value).collect(),
            })
        };
        Ok(SortedSetFetchResponse {
            sorted_set: Some(S::Found(Found {
                elements: Some(elements),
            })),
        })
    })
}

/// One part of a `SortedSetGetScore` answer: `Hit` with the score, or `Miss`.
fn score_part(score: Option<f64>) -> sorted_set_get_score_response::SortedSetGetScoreResponsePart {
    sorted_set_get_score_response::SortedSetGetScoreResponsePart {
        result: hit_or_miss(score.is_some()),
        score: score.unwrap_or(0.0),
    }
}

/// `SortedSetGetScore`: `found` with one part per requested value, in request order (`Hit` with
/// the score, or `Miss`), or `missing` when the set does not exist.
pub fn get_score(
    store: &Store,
    cache: &str,
    request: SortedSetGetScoreRequest,
) -> Reply<SortedSetGetScoreRequest> {
    use sorted_set_get_score_response::SortedSetFound;
    read(store, cache, &request.set_name, |set: &SortedSet| {
        SortedSetFound {
            elements: request
                .values
                .iter()
                .map(|value| score_part(set.score(value)))
                .collect(),
        }
    })
}

/// `SortedSetRemove`: `some` removes the listed values (absent ones are ignored), `all` deletes
/// the set; removing the last element deletes it too. Answers an empty message, also when the
/// set does not exist.
pub fn remove(
    store: &Store,
    cache: &str,
    request: SortedSetRemoveRequest,
) -> Reply<SortedSetRemoveRequest> {
    use sorted_set_remove_request::RemoveElements;
    let remove = request.remove_elements.ok_or_else(|| {
        Status::invalid_argument("SortedSetRemove requires `some` values or `all`")
    })?;
    on_key(store, cache, &request.set_name, |slot| {
        let Some(set) = SortedSet::live_mut(slot)? else {
            return Ok(SortedSetRemoveResponse {});
        };
        match remove {
            RemoveElements::All(_) => {
                slot.remove();
            }
            RemoveElements::Some(some) => {
                for value in &some.values {
                    set.remove(value);
                }
                if set.is_empty() {
                    slot.remove();
                }
            }
        }
        Ok(SortedSetRemoveResponse {})
    })
}

/// `SortedSetIncrement`: adds `amount` to the element's score (a missing element, or set,
/// starts at 0) and answers the new score. A NaN amount or result is `INVALID_ARGUMENT`.
pub fn increment(
    store: &Store,
    cache: &str,
    request: SortedSetIncrementRequest,
) -> Reply<SortedSetIncrementRequest> {
    let ttl_ms = check_ttl(store.limits(), request.ttl_milliseconds)?;
    let amount = not_nan(request.amount, "amount")?;
    let key = request.set_name;
    let value = request.value;
    on_key(store, cache, &key, |slot| {
        upsert_collection::<SortedSet, _>(slot, ttl_ms, request.refresh_ttl, |set| {
            let score = set.score(&value).unwrap_or(0.0) + amount;
            not_nan(score, "increment: the resulting score")?;
            check_collection_size(
                store.limits(),
                key.len()
                    .saturating_add(set.size_bytes())
                    .saturating_add(set.added_bytes(&value)),
            )?;
            set.insert(value.clone(), score);
            Ok(SortedSetIncrementResponse {
                score: set.score(&value).unwrap_or(score),
            })
        })
    })
}

/// `SortedSetGetRank`: `element_rank {Hit, rank}` (0-based in `order`), `element_rank {Miss}`
/// when the set exists without the element, or `missing` when the set does not exist.
pub fn get_rank(
    store: &Store,
    cache: &str,
    request: SortedSetGetRankRequest,
) -> Reply<SortedSetGetRankRequest> {
    use sorted_set_get_rank_request::Order;
    use sorted_set_get_rank_response::{Rank, RankResponsePart, SortedSetMissing};
    let order = Order::try_from(request.order)
        .map_err(|_| Status::invalid_argument("Invalid order: must be ASCENDING or DESCENDING"))?;
    on_key(store, cache, &request.set_name, |slot| {
        let rank = match SortedSet::live(slot)? {
            None => Rank::Missing(SortedSetMissing {}),
            Some(set) => match set.rank(&request.value) {
                None => Rank::ElementRank(RankResponsePart {
                    result: ECacheResult::Miss as i32,
                    rank: 0,
                }),
                Some(ascending) => {
                    let rank = match order {
                        Order::Ascending => ascending,
                        Order::Descending => set.len().saturating_sub(1).saturating_sub(ascending),
                    };
                    Rank::ElementRank(RankResponsePart {
                        result: ECacheResult::Hit as i32,
                        rank: u64::try_from(rank).unwrap_or(u64::MAX),
                    })
                }
            },
        };
        Ok(SortedSetGetRankResponse { rank: Some(rank) })
    })
}

/// `SortedSetLength`: `found {length}` or `missing`.
pub fn length(
    store: &Store,
    cache: &str,
    request: SortedSetLengthRequest,
) -> Reply<SortedSetLengthRequest> {
    use sorted_set_length_response::Found;
    read(store, cache, &request.set_name, |set: &SortedSet| Found {
        length: length_u32(set.len()),
    })
}

/// `SortedSetLengthByScore`: the number of elements whose score lies within the (inclusive,
/// exclusive or unbounded) `min` and `max`, as `found {length}`, or `missing`.
pub fn length_by_score(
    store: &Store,
    cache: &str,
    request: SortedSetLengthByScoreRequest,
) -> Reply<SortedSetLengthByScoreRequest> {
    use momento_proto::cache_client::sorted_set_length_by_score_response::Found;
    use sorted_set_length_by_score_request::{Max, Min};
    let min = match request.min {
        Some(Min::InclusiveMin(score)) => Bound::Included(not_nan(score, "min score")?),
        Some(Min::ExclusiveMin(score)) => Bound::Excluded(not_nan(score, "min score")?),
        Some(Min::UnboundedMin(_)) | None => Bound::Unbounded,
    };
    let max = match request.max {
        Some(Max::InclusiveMax(score)) => Bound::Included(not_nan(score, "max score")?),
        Some(Max::ExclusiveMax(score)) => Bound::Excluded(not_nan(score, "max score")?),
        Some(Max::UnboundedMax(_)) | None => Bound::Unbounded,
    };
    read(store, cache, &request.set_name, |set: &SortedSet| Found {
        length: length_u32(set.range_by_score(min, max).count()),
    })
}

/// Combines two weighted scores of one element with `aggregate`. A NaN sum (∞ + −∞) becomes 0,
/// as in Redis' `ZUNIONSTORE`.
fn aggregate_scores(
    aggregate: sorted_set_union_store_request::AggregateFunction,
    a: f64,
    b: f64,
) -> f64 {
    use sorted_set_union_store_request::AggregateFunction as A;
    match aggregate {
        A::Sum => {
            let sum = a + b;
            if sum.is_nan() {
                0.0
            } else {
                sum
            }
        }
        A::Min => a.min(b),
        A::Max => a.max(b),
    }
}

/// `SortedSetUnionStore`: every source's scores are multiplied by its weight (a NaN product,
/// 0 × ∞, counts as 0, as in Redis), elements found in several sources get the `aggregate`
/// (SUM, MIN or MAX) of their weighted scores, and the result replaces the destination `set_name`
/// with the request's TTL (whatever it held before; the destination is a source only when it is
/// listed). An empty result deletes the destination. Missing sources count as empty sets; a
/// source of another type is `invalid_type`; no source at all is `INVALID_ARGUMENT`, as
/// Momento answers (after the cache lookup: an unknown cache is `NOT_FOUND` first). Answers the
/// destination's new length.
///
/// The sources are read one key at a time and the destination is written afterwards, so the
/// operation is not atomic with respect to concurrent writers of the sources.
pub fn union_store(
    store: &Store,
    cache: &str,
    request: SortedSetUnionStoreRequest,
) -> Reply<SortedSetUnionStoreRequest> {
    use sorted_set_union_store_request::AggregateFunction;
    let ttl_ms = check_ttl(store.limits(), request.ttl_milliseconds)?;
    let aggregate = AggregateFunction::try_from(request.aggregate).map_err(|_| {
        Status::invalid_argument("Invalid aggregate function: must be SUM, MIN or MAX")
    })?;
    for source in &request.sources {
        not_nan(f64::from(source.weight), "weight")?;
    }
    if !store.cache_exists(cache) {
        return Err(cache_not_found(cache));
    }
    if request.sources.is_empty() {
        return Err(Status::invalid_argument(
            "Invalid sources: SortedSetUnionStore needs at least one source set",
        ));
    }

    let mut union: HashMap<Vec<u8>, f64> = HashMap::new();
    for source in &request.sources {
        let weight = f64::from(source.weight);
        on_key(store, cache, &source.set_name, |slot| {
            let Some(set) = SortedSet::live(slot)? else {
                return Ok(());
            };
            for (element, score) in set.iter() {
                let weighted = score * weight;
                let weighted = if weighted.is_nan() { 0.0 } else { weighted };
                match union.entry(element.to_vec()) {
                    Entry::Vacant(entry) => {
                        entry.insert(weighted);
                    }
                    Entry::Occupied(mut entry) => {
                        let combined = aggregate_scores(aggregate, *entry.get(), weighted);
                        entry.insert(combined);
                    }
                }
            }
            Ok(())
        })?;
    }

    let result: SortedSet = union.into_iter().collect();
    let key = request.set_name;
    check_collection_size(
        store.limits(),
        key.len().saturating_add(result.size_bytes()),
    )?;
    let length = length_u32(result.len());
    on_key(store, cache, &key, |slot| {
        if result.is_empty() {
            slot.remove();
        } else {
            let now = slot.now();
            slot.insert(Item::new(Value::SortedSet(result), now, ttl_ms));
        }
        Ok(SortedSetUnionStoreResponse { length })
    })
}
