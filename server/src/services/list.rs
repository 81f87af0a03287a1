//! Lists: the `list` RPCs of `cache_client.Scs` (issue #4 fills these in).

use momento_proto::cache_client::*;
use tonic::Status;

use super::not_implemented;
use crate::store::Store;

/// `ListPushFront`.
pub fn push_front(
    _store: &Store,
    _cache: &str,
    _request: ListPushFrontRequest,
) -> Result<ListPushFrontResponse, Status> {
    Err(not_implemented("ListPushFront"))
}

/// `ListPushBack`.
pub fn push_back(
    _store: &Store,
    _cache: &str,
    _request: ListPushBackRequest,
) -> Result<ListPushBackResponse, Status> {
    Err(not_implemented("ListPushBack"))
}

/// `ListPopFront`.
pub fn pop_front(
    _store: &Store,
    _cache: &str,
    _request: ListPopFrontRequest,
) -> Result<ListPopFrontResponse, Status> {
    Err(not_implemented("ListPopFront"))
}

/// `ListPopBack`.
pub fn pop_back(
    _store: &Store,
    _cache: &str,
    _request: ListPopBackRequest,
) -> Result<ListPopBackResponse, Status> {
    Err(not_implemented("ListPopBack"))
}

/// `ListErase`.
pub fn erase(
    _store: &Store,
    _cache: &str,
    _request: ListEraseRequest,
) -> Result<ListEraseResponse, Status> {
    Err(not_implemented("ListErase"))
}

/// `ListRemove`.
pub fn remove(
    _store: &Store,
    _cache: &str,
    _request: ListRemoveRequest,
) -> Result<ListRemoveResponse, Status> {
    Err(not_implemented("ListRemove"))
}

/// `ListFetch`.
pub fn fetch(
    _store: &Store,
    _cache: &str,
    _request: ListFetchRequest,
) -> Result<ListFetchResponse, Status> {
    Err(not_implemented("ListFetch"))
}

/// `ListLength`.
pub fn length(
    _store: &Store,
    _cache: &str,
    _request: ListLengthRequest,
) -> Result<ListLengthResponse, Status> {
    Err(not_implemented("ListLength"))
}

/// `ListConcatenateFront`.
pub fn concatenate_front(
    _store: &Store,
    _cache: &str,
    _request: ListConcatenateFrontRequest,
) -> Result<ListConcatenateFrontResponse, Status> {
    Err(not_implemented("ListConcatenateFront"))
}

/// `ListConcatenateBack`.
pub fn concatenate_back(
    _store: &Store,
    _cache: &str,
    _request: ListConcatenateBackRequest,
) -> Result<ListConcatenateBackResponse, Status> {
    Err(not_implemented("ListConcatenateBack"))
}

/// `ListRetain`.
pub fn retain(
    _store: &Store,
    _cache: &str,
    _request: ListRetainRequest,
) -> Result<ListRetainResponse, Status> {
    Err(not_implemented("ListRetain"))
}
