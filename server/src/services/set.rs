//! Sets: the `Set*` RPCs of `cache_client.Scs` (unordered collections of distinct elements).
//!
//! A set is stored as one item whose key is the request's `set_name` ([`Value::Set`]).
//! Conventions (shared with the other collections):
//! - an item of another type at the key → `FAILED_PRECONDITION` with `err: invalid_type`;
//! - `SetUnion` carries a collection TTL: a new set gets `ttl_milliseconds` (which must be > 0);
//!   an existing one gets it only when `refresh_ttl` is set, otherwise its expiry is unchanged;
//! - an empty set is never stored: removing or popping the last element deletes the item, and
//!   reads of a missing set answer `missing`;
//! - key + every element ([`crate::store::element_bytes`]) must fit in the item size limit, else `RESOURCE_EXHAUSTED`
//!   (`err: item_size_limit_exceeded`) and nothing is written.
//!
//! Semantic choices where Momento's documentation is silent:
//! - `SetUnion` with no elements succeeds without creating anything (it still refreshes the TTL
//!   of an existing set when `refresh_ttl` is set).
//! - `SetDifference` answers `found` when the set existed before the call (even if the call
//!   emptied and so deleted it), `missing` otherwise. `subtrahend.set` removes the elements
//!   (stored = stored − request), `subtrahend.identity` deletes the set, and `minuend` follows
//!   the proto comment "cache = request − stored": the stored set is replaced by the request's
//!   elements that it did not contain (its TTL is kept; an empty result deletes it). On a missing
//!   set `minuend` answers `missing` and creates nothing (the request carries no TTL).
//! - `SetSample` with `limit` 0 on an existing set answers `found` with no elements (as the
//!   Momento SDK integration tests expect); a limit larger than the set returns the whole set.
//! - `SetPop` with `count` 0 is `INVALID_ARGUMENT` (the SDKs reject it too: "count must be
//!   positive").
//! - Random choices (`SetSample`, `SetPop`) are uniform, without repetition.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::time::Instant;

use momento_proto::cache_client::{
    set_contains_response, set_difference_request, set_difference_response, set_fetch_response,
    set_length_response, set_pop_response, set_sample_response, SetContainsRequest,
    SetDifferenceRequest, SetDifferenceResponse, SetFetchRequest, SetLengthRequest, SetPopRequest,
    SetPopResponse, SetSampleRequest, SetUnionRequest, SetUnionResponse,
};
use tonic::Status;

use super::{
    check_collection_size, check_ttl, collection, length_u32, on_key, read, type_mismatch,
    Collection, Reply,
};
use crate::store::{Item, Store, Value};

/// The stored representation of a set.
type Elements = HashSet<Vec<u8>>;

collection!(Elements, Set, "set");

/// Bytes of the item: key + every element ([`crate::store::element_bytes`]).
fn total_size<'a>(key: &[u8], elements: impl IntoIterator<Item = &'a Vec<u8>>) -> usize {
    key.len().saturating_add(crate::store::elements_size(
        elements.into_iter().map(Vec::len),
    ))
}

/// A small splitmix64 generator, seeded from the OS (falling back to a per-process random hash).
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed = getrandom::u64().unwrap_or_else(|_| RandomState::new().hash_one(Instant::now()));
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (`n` > 0; 0 for `n` == 0).
    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }
}

/// Up to `count` distinct elements of `set`, chosen uniformly at random (partial Fisher–Yates).
fn choose(set: &Elements, count: usize) -> Vec<Vec<u8>> {
    let mut pool: Vec<&Vec<u8>> = set.iter().collect();
    let count = count.min(pool.len());
    let mut rng = Rng::new();
    for i in 0..count {
        let remaining = pool.len().saturating_sub(i);
        let j = i.saturating_add(rng.below(remaining));
        // i < count <= len and i <= j < len: both indices are in range.
        pool.swap(i, j);
    }
    pool.truncate(count);
    pool.into_iter().cloned().collect()
}

/// `SetFetch`: `found` with every element (in no particular order), or `missing`.
pub fn fetch(store: &Store, cache: &str, request: SetFetchRequest) -> Reply<SetFetchRequest> {
    use set_fetch_response::Found;
    read(store, cache, &request.set_name, |elements: &Elements| {
        Found {
            elements: elements.iter().cloned().collect(),
        }
    })
}

/// `SetSample`: `found` with up to `limit` distinct elements chosen at random (all of them when
/// `limit` ≥ the set's length, none when `limit` is 0), or `missing`.
pub fn sample(store: &Store, cache: &str, request: SetSampleRequest) -> Reply<SetSampleRequest> {
    use set_sample_response::Found;
    let limit = usize::try_from(request.limit).unwrap_or(usize::MAX);
    read(store, cache, &request.set_name, |elements: &Elements| {
        Found {
            elements: choose(elements, limit),
        }
    })
}

/// `SetUnion`: adds the elements, creating the set when absent; collection-TTL rules as in the
/// module docs.
pub fn union(store: &Store, cache: &str, request: SetUnionRequest) -> Reply<SetUnionRequest> {
    let ttl = check_ttl(store.limits(), request.ttl_milliseconds)?;
    let SetUnionRequest {
        set_name,
        elements,
        refresh_ttl,
        ..
    } = request;
    let additions: Elements = elements.into_iter().collect();
    on_key(store, cache, &set_name, |slot| {
        let now = slot.now();
        match slot.get_mut() {
            Some(item) => {
                let Value::Set(set) = &mut item.value else {
                    return Err(type_mismatch(Elements::TYPE_NAME));
                };
                let size = total_size(
                    &set_name,
                    set.iter()
                        .chain(additions.iter().filter(|e| !set.contains(*e))),
                );
                check_collection_size(store.limits(), size)?;
                set.extend(additions);
                if refresh_ttl {
                    item.set_ttl(now, ttl);
                }
            }
            None => {
                check_collection_size(store.limits(), total_size(&set_name, &additions))?;
                if !additions.is_empty() {
                    slot.insert(Item::new(Value::Set(additions), now, ttl));
                }
            }
        }
        Ok(SetUnionResponse {})
    })
}

/// `SetDifference`: removes elements (`subtrahend.set`), deletes the set
/// (`subtrahend.identity`) or replaces it with request − stored (`minuend`); see the module docs.
/// Answers `found` when the set existed, `missing` otherwise.
pub fn difference(
    store: &Store,
    cache: &str,
    request: SetDifferenceRequest,
) -> Reply<SetDifferenceRequest> {
    use set_difference_request::subtrahend::SubtrahendSet;
    use set_difference_request::Difference;
    use set_difference_response::{Found, Missing, Set as S};
    let invalid = || {
        Status::invalid_argument(
            "Invalid request: SetDifference needs a minuend or a subtrahend (set or identity)",
        )
    };
    let SetDifferenceRequest {
        set_name,
        difference,
    } = request;
    let difference = difference.ok_or_else(invalid)?;
    if let Difference::Subtrahend(subtrahend) = &difference {
        if subtrahend.subtrahend_set.is_none() {
            return Err(invalid());
        }
    }
    on_key(store, cache, &set_name, |slot| {
        let Some(set) = Elements::live_mut(slot)? else {
            return Ok(SetDifferenceResponse {
                set: Some(S::Missing(Missing {})),
            });
        };
        let emptied = match difference {
            Difference::Subtrahend(subtrahend) => match subtrahend.subtrahend_set {
                Some(SubtrahendSet::Set(remove)) => {
                    for element in &remove.elements {
                        set.remove(element);
                    }
                    set.is_empty()
                }
                Some(SubtrahendSet::Identity(_)) | None => true,
            },
            Difference::Minuend(minuend) => {
                let result: Elements = minuend
                    .elements
                    .into_iter()
                    .filter(|e| !set.contains(e))
                    .collect();
                check_collection_size(store.limits(), total_size(&set_name, &result))?;
                *set = result;
                set.is_empty()
            }
        };
        if emptied {
            slot.remove();
        }
        Ok(SetDifferenceResponse {
            set: Some(S::Found(Found {})),
        })
    })
}

/// `SetContains`: `found` with `contains[i]` telling whether `elements[i]` is in the set, or
/// `missing`.
pub fn contains(
    store: &Store,
    cache: &str,
    request: SetContainsRequest,
) -> Reply<SetContainsRequest> {
    use set_contains_response::Found;
    read(store, cache, &request.set_name, |elements: &Elements| {
        Found {
            contains: request
                .elements
                .iter()
                .map(|e| elements.contains(e))
                .collect(),
        }
    })
}

/// `SetLength`: `found {length}` or `missing`.
pub fn length(store: &Store, cache: &str, request: SetLengthRequest) -> Reply<SetLengthRequest> {
    use set_length_response::Found;
    read(store, cache, &request.set_name, |elements: &Elements| {
        Found {
            length: length_u32(elements.len()),
        }
    })
}

/// `SetPop`: removes up to `count` random elements and answers them in `found` (deleting the set
/// when it becomes empty), or `missing`. `count` 0 is `INVALID_ARGUMENT`.
pub fn pop(store: &Store, cache: &str, request: SetPopRequest) -> Result<SetPopResponse, Status> {
    use set_pop_response::{Found, Missing, Set as S};
    if request.count == 0 {
        return Err(Status::invalid_argument(
            "Invalid request: SetPop count must be positive (> 0)",
        ));
    }
    let count = usize::try_from(request.count).unwrap_or(usize::MAX);
    on_key(store, cache, &request.set_name, |slot| {
        let Some(set) = Elements::live_mut(slot)? else {
            return Ok(SetPopResponse {
                set: Some(S::Missing(Missing {})),
            });
        };
        let popped = choose(set, count);
        for element in &popped {
            set.remove(element);
        }
        if set.is_empty() {
            slot.remove();
        }
        Ok(SetPopResponse {
            set: Some(S::Found(Found { elements: popped })),
        })
    })
}
