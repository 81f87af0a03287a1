//! Sorted sets: the `sorted_set` RPCs of `cache_client.Scs` (issue #4 fills these in).

use momento_proto::cache_client::*;
use tonic::Status;

use super::not_implemented;
use crate::store::Store;

/// `SortedSetPut`.
pub fn put(
    _store: &Store,
    _cache: &str,
    _request: SortedSetPutRequest,
) -> Result<SortedSetPutResponse, Status> {
    Err(not_implemented("SortedSetPut"))
}

/// `SortedSetFetch`.
pub fn fetch(
    _store: &Store,
    _cache: &str,
    _request: SortedSetFetchRequest,
) -> Result<SortedSetFetchResponse, Status> {
    Err(not_implemented("SortedSetFetch"))
}

/// `SortedSetGetScore`.
pub fn get_score(
    _store: &Store,
    _cache: &str,
    _request: SortedSetGetScoreRequest,
) -> Result<SortedSetGetScoreResponse, Status> {
    Err(not_implemented("SortedSetGetScore"))
}

/// `SortedSetRemove`.
pub fn remove(
    _store: &Store,
    _cache: &str,
    _request: SortedSetRemoveRequest,
) -> Result<SortedSetRemoveResponse, Status> {
    Err(not_implemented("SortedSetRemove"))
}

/// `SortedSetIncrement`.
pub fn increment(
    _store: &Store,
    _cache: &str,
    _request: SortedSetIncrementRequest,
) -> Result<SortedSetIncrementResponse, Status> {
    Err(not_implemented("SortedSetIncrement"))
}

/// `SortedSetGetRank`.
pub fn get_rank(
    _store: &Store,
    _cache: &str,
    _request: SortedSetGetRankRequest,
) -> Result<SortedSetGetRankResponse, Status> {
    Err(not_implemented("SortedSetGetRank"))
}

/// `SortedSetLength`.
pub fn length(
    _store: &Store,
    _cache: &str,
    _request: SortedSetLengthRequest,
) -> Result<SortedSetLengthResponse, Status> {
    Err(not_implemented("SortedSetLength"))
}

/// `SortedSetLengthByScore`.
pub fn length_by_score(
    _store: &Store,
    _cache: &str,
    _request: SortedSetLengthByScoreRequest,
) -> Result<SortedSetLengthByScoreResponse, Status> {
    Err(not_implemented("SortedSetLengthByScore"))
}

/// `SortedSetUnionStore`.
pub fn union_store(
    _store: &Store,
    _cache: &str,
    _request: SortedSetUnionStoreRequest,
) -> Result<SortedSetUnionStoreResponse, Status> {
    Err(not_implemented("SortedSetUnionStore"))
}
