//! Dictionaries: the `dictionary` RPCs of `cache_client.Scs` (issue #4 fills these in).

use momento_proto::cache_client::*;
use tonic::Status;

use super::not_implemented;
use crate::store::Store;

/// `DictionaryGet`.
pub fn get(
    _store: &Store,
    _cache: &str,
    _request: DictionaryGetRequest,
) -> Result<DictionaryGetResponse, Status> {
    Err(not_implemented("DictionaryGet"))
}

/// `DictionaryFetch`.
pub fn fetch(
    _store: &Store,
    _cache: &str,
    _request: DictionaryFetchRequest,
) -> Result<DictionaryFetchResponse, Status> {
    Err(not_implemented("DictionaryFetch"))
}

/// `DictionarySet`.
pub fn set(
    _store: &Store,
    _cache: &str,
    _request: DictionarySetRequest,
) -> Result<DictionarySetResponse, Status> {
    Err(not_implemented("DictionarySet"))
}

/// `DictionaryIncrement`.
pub fn increment(
    _store: &Store,
    _cache: &str,
    _request: DictionaryIncrementRequest,
) -> Result<DictionaryIncrementResponse, Status> {
    Err(not_implemented("DictionaryIncrement"))
}

/// `DictionaryDelete`.
pub fn delete(
    _store: &Store,
    _cache: &str,
    _request: DictionaryDeleteRequest,
) -> Result<DictionaryDeleteResponse, Status> {
    Err(not_implemented("DictionaryDelete"))
}

/// `DictionaryLength`.
pub fn length(
    _store: &Store,
    _cache: &str,
    _request: DictionaryLengthRequest,
) -> Result<DictionaryLengthResponse, Status> {
    Err(not_implemented("DictionaryLength"))
}
