//! Lists: the `List*` RPCs of `cache_client.Scs`.
//!
//! A list is stored as one item whose key is the request's `list_name`, holding the elements in
//! order ([`Value::List`]). Conventions (shared with the other collections):
//! - an item of another type at the key → `FAILED_PRECONDITION` with `err: invalid_type`;
//! - writes that can create the list (push, concatenate) carry a collection TTL: a new list gets
//!   `ttl_milliseconds` (which must be > 0); an existing one gets it only when `refresh_ttl` is
//!   set, otherwise its expiry is unchanged. `ListRetain` never creates a list, so its TTL is
//!   only checked (and applied) when `refresh_ttl` is set;
//! - an empty list is never stored: popping, removing, retaining or erasing the last element
//!   deletes the item, and reads of a missing list answer `missing`;
//! - key + every element ([`crate::store::element_bytes`]: payload + per-element overhead) must
//!   fit in the item size limit, else `RESOURCE_EXHAUSTED`
//!   (`err: item_size_limit_exceeded`) and nothing is written.
//!
//! Index ranges (`ListFetch`, `ListRetain`) follow Python slices, as the comment block of
//! `cacheclient.proto` ("ListFetch and ListRetain documentation and examples") documents: start
//! is inclusive and defaults to 0, end is exclusive and defaults to the length, negative indices
//! count from the end, out-of-range indices clamp, and start ≥ end selects nothing
//! (`list_[5:0] == []`; "if using ListRetain, this will remove all elements in the list").

use std::collections::VecDeque;
use std::ops::Range;

use momento_proto::cache_client::{
    list_erase_request, list_erase_response, list_fetch_request, list_fetch_response,
    list_length_response, list_pop_back_response, list_pop_front_response, list_remove_request,
    list_remove_response, list_retain_request, list_retain_response, ListConcatenateBackRequest,
    ListConcatenateBackResponse, ListConcatenateFrontRequest, ListConcatenateFrontResponse,
    ListEraseRequest, ListFetchRequest, ListLengthRequest, ListPopBackRequest, ListPopBackResponse,
    ListPopFrontRequest, ListPopFrontResponse, ListPushBackRequest, ListPushBackResponse,
    ListPushFrontRequest, ListPushFrontResponse, ListRemoveRequest, ListRetainRequest,
};
use tonic::Status;

use super::{
    check_collection_size, check_ttl, collection, length_u32, on_key, read, slice_bound,
    type_mismatch, Collection, FoundOrMissing, Reply,
};
use crate::store::{Item, Slot, Store, Value};

/// The stored representation of a list.
type List = VecDeque<Vec<u8>>;

collection!(List, List, "list");

/// Bytes charged for `values` ([`crate::store::element_bytes`] each).
fn bytes<'a>(values: impl IntoIterator<Item = &'a Vec<u8>>) -> usize {
    crate::store::elements_size(values.into_iter().map(Vec::len))
}

/// Resolves one slice index against `len`: negative counts from the end, then clamps to
/// `0..=len`.
fn resolve_index(index: i32, len: usize) -> usize {
    match usize::try_from(index) {
        Ok(index) => index.min(len),
        Err(_) => len.saturating_sub(usize::try_from(index.unsigned_abs()).unwrap_or(usize::MAX)),
    }
}

/// The positions selected by a Python-style slice `start:end` of a sequence of `len` elements
/// (`None` = unbounded: start 0, end `len`). Out-of-range indices clamp; start ≥ end is empty.
/// Shared with sorted-set fetches by rank.
pub fn slice_range(start: Option<i32>, end: Option<i32>, len: usize) -> Range<usize> {
    let start = start.map_or(0, |index| resolve_index(index, len));
    let end = end.map_or(len, |index| resolve_index(index, len));
    start..end.max(start)
}

/// Which end of the list a push or concatenation adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// New values go before the existing ones; truncation removes from the back.
    Front,
    /// New values go after the existing ones; truncation removes from the front.
    Back,
}

/// Adds `values` (in their given order) at `end` of the list, then truncates it from the other
/// end to `truncate_to` elements (0 = no truncation). Applies the collection TTL and the size
/// limit (checked on the final list, before anything is written). Returns the new length.
#[allow(clippy::too_many_arguments)]
fn add(
    store: &Store,
    cache: &str,
    key: &[u8],
    values: Vec<Vec<u8>>,
    end: End,
    truncate_to: u32,
    ttl_ms: u64,
    refresh_ttl: bool,
) -> Result<u32, Status> {
    let ttl_ms = check_ttl(store.limits(), ttl_ms)?;
    on_key(store, cache, key, |slot| {
        let empty = List::new();
        let existing = List::live(slot)?.unwrap_or(&empty);
        let total = existing.len().saturating_add(values.len());
        let keep = match usize::try_from(truncate_to) {
            Ok(limit) if limit > 0 => total.min(limit),
            _ => total,
        };
        let removed = total.saturating_sub(keep);
        // Bytes of the elements truncation drops: the last ones of `values ++ existing` for a
        // front push, the first ones of `existing ++ values` for a back push.
        let dropped = match end {
            End::Front => bytes(values.iter().chain(existing.iter()).rev().take(removed)),
            End::Back => bytes(existing.iter().chain(values.iter()).take(removed)),
        };
        let size = key
            .len()
            .saturating_add(bytes(existing))
            .saturating_add(bytes(&values))
            .saturating_sub(dropped);
        check_collection_size(store.limits(), size)?;

        let now = slot.now();
        let exists = slot.get().is_some();
        let mut list = match slot.get_mut() {
            Some(item) => match &mut item.value {
                Value::List(list) => std::mem::take(list),
                _ => return Err(type_mismatch(List::TYPE_NAME)),
            },
            None => List::new(),
        };
        match end {
            End::Front => {
                for value in values.into_iter().rev() {
                    list.push_front(value);
                }
                list.truncate(keep);
            }
            End::Back => {
                list.extend(values);
                let excess = list.len().saturating_sub(keep);
                list.drain(..excess);
            }
        }
        let length = length_u32(list.len());
        if list.is_empty() {
            slot.remove();
        } else if exists {
            if let Some(item) = slot.get_mut() {
                item.value = Value::List(list);
                if refresh_ttl {
                    item.set_ttl(now, ttl_ms);
                }
            }
        } else {
            slot.insert(Item::new(Value::List(list), now, ttl_ms));
        }
        Ok(length)
    })
}

/// Generates the push and concatenate handlers: each adds `values` (computed from the request
/// `$r`) at `End::$end` through [`add`], truncating from the other end to the request's
/// `$truncate` field, and answers the new length.
macro_rules! list_adds {
    ($(
        $(#[$doc:meta])*
        $name:ident($r:ident: $req:ident) -> $resp:ident = $values:expr, End::$end:ident, $truncate:ident;
    )*) => {$(
        $(#[$doc])*
        pub fn $name(store: &Store, cache: &str, $r: $req) -> Result<$resp, Status> {
            let list_length = add(
                store,
                cache,
                &$r.list_name,
                $values,
                End::$end,
                $r.$truncate,
                $r.ttl_milliseconds,
                $r.refresh_ttl,
            )?;
            Ok($resp { list_length })
        }
    )*};
}

list_adds! {
    /// `ListPushFront`: puts `value` first, truncates from the back to `truncate_back_to_size`
    /// (0 = no limit) and answers the new length.
    push_front(request: ListPushFrontRequest) -> ListPushFrontResponse =
        vec![request.value], End::Front, truncate_back_to_size;
    /// `ListPushBack`: puts `value` last, truncates from the front to `truncate_front_to_size`
    /// (0 = no limit) and answers the new length.
    push_back(request: ListPushBackRequest) -> ListPushBackResponse =
        vec![request.value], End::Back, truncate_front_to_size;
    /// `ListConcatenateFront`: puts `values`, in their given order, before the existing elements,
    /// truncates from the back to `truncate_back_to_size` (0 = no limit) and answers the new length.
    concatenate_front(request: ListConcatenateFrontRequest) -> ListConcatenateFrontResponse =
        request.values, End::Front, truncate_back_to_size;
    /// `ListConcatenateBack`: puts `values`, in order, after the existing elements, truncates from
    /// the front to `truncate_front_to_size` (0 = no limit) and answers the new length.
    concatenate_back(request: ListConcatenateBackRequest) -> ListConcatenateBackResponse =
        request.values, End::Back, truncate_front_to_size;
}

/// Pops one element from `end`: `Some((value, remaining length))`, or `None` when the list is
/// missing. Popping the last element deletes the list.
fn pop(slot: &mut Slot<'_>, end: End) -> Result<Option<(Vec<u8>, u32)>, Status> {
    let Some(list) = List::live_mut(slot)? else {
        return Ok(None);
    };
    let value = match end {
        End::Front => list.pop_front(),
        End::Back => list.pop_back(),
    };
    let remaining = list.len();
    if remaining == 0 {
        slot.remove();
    }
    Ok(value.map(|value| (value, length_u32(remaining))))
}

/// Generates the pop handlers: [`pop`] from `End::$end`, answered as `found {$value,
/// list_length}` or `missing`.
macro_rules! list_pops {
    ($(
        $(#[$doc:meta])*
        $name:ident($req:ident) -> $resp:ident in $module:ident = End::$end:ident, $value:ident;
    )*) => {$(
        $(#[$doc])*
        pub fn $name(store: &Store, cache: &str, request: $req) -> Result<$resp, Status> {
            use $module::{Found, List as L, Missing};
            on_key(store, cache, &request.list_name, |slot| {
                let list = match pop(slot, End::$end)? {
                    Some(($value, list_length)) => L::Found(Found { $value, list_length }),
                    None => L::Missing(Missing {}),
                };
                Ok($resp { list: Some(list) })
            })
        }
    )*};
}

list_pops! {
    /// `ListPopFront`: `found {front, list_length}` or `missing`.
    pop_front(ListPopFrontRequest) -> ListPopFrontResponse in list_pop_front_response =
        End::Front, front;
    /// `ListPopBack`: `found {back, list_length}` or `missing`.
    pop_back(ListPopBackRequest) -> ListPopBackResponse in list_pop_back_response =
        End::Back, back;
}

/// The in-place edits (`ListErase`, `ListRemove`, `ListRetain`): runs `change` on the list at
/// `key` and answers `found` with its new length (deleting it once empty, else resetting its
/// TTL to `refresh_ttl_ms` when given), or `missing` when there is no list.
fn edit<R: FoundOrMissing>(
    store: &Store,
    cache: &str,
    key: &[u8],
    refresh_ttl_ms: Option<u64>,
    found: impl FnOnce(u32) -> R::Found,
    change: impl FnOnce(&mut List),
) -> Result<R, Status> {
    on_key(store, cache, key, |slot| {
        let now = slot.now();
        let Some(list) = List::live_mut(slot)? else {
            return Ok(R::missing());
        };
        change(list);
        let list_length = length_u32(list.len());
        if list_length == 0 {
            slot.remove();
        } else if let (Some(ttl_ms), Some(item)) = (refresh_ttl_ms, slot.get_mut()) {
            item.set_ttl(now, ttl_ms);
        }
        Ok(R::found(found(list_length)))
    })
}

/// `ListErase`: `some` removes every `(begin_index, count)` range, all resolved against the
/// list as it was before the call (out-of-range parts are ignored); `all` deletes the list.
/// Answers `found {list_length}` (0 once deleted) or `missing`. Not used by the official SDKs.
pub fn erase(store: &Store, cache: &str, request: ListEraseRequest) -> Reply<ListEraseRequest> {
    use list_erase_request::Erase;
    use list_erase_response::Found;
    let erase = request
        .erase
        .ok_or_else(|| Status::invalid_argument("ListErase requires `some` ranges or `all`"))?;
    let found = |list_length| Found { list_length };
    let change = |list: &mut List| match erase {
        Erase::All(_) => list.clear(),
        Erase::Some(ranges) => {
            let len = list.len();
            let mut keep = vec![true; len];
            for range in ranges.ranges {
                let begin = usize::try_from(range.begin_index).unwrap_or(usize::MAX);
                let count = usize::try_from(range.count).unwrap_or(usize::MAX);
                let end = begin.saturating_add(count).min(len);
                for flag in keep.iter_mut().take(end).skip(begin) {
                    *flag = false;
                }
            }
            let mut flags = keep.into_iter();
            list.retain(|_| flags.next().unwrap_or(true));
        }
    };
    edit(store, cache, &request.list_name, None, found, change)
}

/// `ListRemove`: removes every element equal to `all_elements_with_value`; `found
/// {list_length}` (0 once deleted) or `missing`.
pub fn remove(store: &Store, cache: &str, request: ListRemoveRequest) -> Reply<ListRemoveRequest> {
    use list_remove_request::Remove;
    use list_remove_response::Found;
    let Some(Remove::AllElementsWithValue(value)) = request.remove else {
        return Err(Status::invalid_argument(
            "ListRemove requires all_elements_with_value",
        ));
    };
    let found = |list_length| Found { list_length };
    edit(store, cache, &request.list_name, None, found, |list| {
        list.retain(|element| *element != value);
    })
}

/// `ListFetch`: the slice `start:end` (see the module docs) as `found {values}` (possibly
/// empty), or `missing`.
pub fn fetch(store: &Store, cache: &str, request: ListFetchRequest) -> Reply<ListFetchRequest> {
    use list_fetch_request::{EndIndex, StartIndex};
    let start = slice_bound!(request.start_index, StartIndex::InclusiveStart);
    let end = slice_bound!(request.end_index, EndIndex::ExclusiveEnd);
    read(store, cache, &request.list_name, |list: &List| {
        let range = slice_range(start, end, list.len());
        list_fetch_response::Found {
            values: list
                .iter()
                .skip(range.start)
                .take(range.len())
                .cloned()
                .collect(),
        }
    })
}

/// `ListLength`: `found {length}` or `missing`.
pub fn length(store: &Store, cache: &str, request: ListLengthRequest) -> Reply<ListLengthRequest> {
    use list_length_response::Found;
    read(store, cache, &request.list_name, |list: &List| Found {
        length: length_u32(list.len()),
    })
}

/// `ListRetain`: keeps only the slice `start:end` (see the module docs), deleting the list when
/// nothing is left; refreshes the TTL when `refresh_ttl`. `found {list_length}` (0 once deleted)
/// or `missing`.
pub fn retain(store: &Store, cache: &str, request: ListRetainRequest) -> Reply<ListRetainRequest> {
    use list_retain_request::{EndIndex, StartIndex};
    use list_retain_response::Found;
    let start = slice_bound!(request.start_index, StartIndex::InclusiveStart);
    let end = slice_bound!(request.end_index, EndIndex::ExclusiveEnd);
    let refresh = if request.refresh_ttl {
        Some(check_ttl(store.limits(), request.ttl_milliseconds)?)
    } else {
        None
    };
    let found = |list_length| Found { list_length };
    edit(store, cache, &request.list_name, refresh, found, |list| {
        let range = slice_range(start, end, list.len());
        list.truncate(range.end);
        list.drain(..range.start.min(list.len()));
    })
}

#[cfg(test)]
mod tests {
    use super::slice_range;

    /// The examples of the `cacheclient.proto` comment block, on a 10-element list.
    #[test]
    fn python_slices() {
        let r = |s, e| slice_range(s, e, 10);
        assert_eq!(r(Some(0), None), 0..10);
        assert_eq!(r(Some(5), None), 5..10);
        assert_eq!(r(Some(5), Some(0)).len(), 0);
        assert_eq!(r(Some(-5), None), 5..10);
        assert_eq!(r(Some(-5), Some(0)).len(), 0);
        assert_eq!(r(None, Some(5)), 0..5);
        assert_eq!(r(Some(0), Some(-5)), 0..5);
        assert_eq!(r(Some(2), Some(6)), 2..6);
        assert_eq!(r(Some(2), Some(-6)), 2..4);
        assert_eq!(r(Some(-7), Some(-2)), 3..8);
        assert_eq!(r(Some(-2), Some(-6)).len(), 0);
        assert_eq!(r(Some(0), Some(0)).len(), 0);
        assert_eq!(r(Some(-100), Some(100)), 0..10);
        assert_eq!(r(Some(i32::MIN), Some(i32::MAX)), 0..10);
        let one = |s, e| slice_range(s, e, 1);
        assert_eq!(one(Some(-1), Some(1)), 0..1);
        assert_eq!(one(Some(1), Some(-1)).len(), 0);
        assert_eq!(one(Some(0), Some(0)).len(), 0);
        assert_eq!(one(Some(0), Some(-1)).len(), 0);
    }
}
