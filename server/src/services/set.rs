//! Sets: the `set` RPCs of `cache_client.Scs` (issue #4 fills these in).

use momento_proto::cache_client::*;
use tonic::Status;

use super::not_implemented;
use crate::store::Store;

/// `SetFetch`.
pub fn fetch(
    _store: &Store,
    _cache: &str,
    _request: SetFetchRequest,
) -> Result<SetFetchResponse, Status> {
    Err(not_implemented("SetFetch"))
}

/// `SetSample`.
pub fn sample(
    _store: &Store,
    _cache: &str,
    _request: SetSampleRequest,
) -> Result<SetSampleResponse, Status> {
    Err(not_implemented("SetSample"))
}

/// `SetUnion`.
pub fn union(
    _store: &Store,
    _cache: &str,
    _request: SetUnionRequest,
) -> Result<SetUnionResponse, Status> {
    Err(not_implemented("SetUnion"))
}

/// `SetDifference`.
pub fn difference(
    _store: &Store,
    _cache: &str,
    _request: SetDifferenceRequest,
) -> Result<SetDifferenceResponse, Status> {
    Err(not_implemented("SetDifference"))
}

/// `SetContains`.
pub fn contains(
    _store: &Store,
    _cache: &str,
    _request: SetContainsRequest,
) -> Result<SetContainsResponse, Status> {
    Err(not_implemented("SetContains"))
}

/// `SetLength`.
pub fn length(
    _store: &Store,
    _cache: &str,
    _request: SetLengthRequest,
) -> Result<SetLengthResponse, Status> {
    Err(not_implemented("SetLength"))
}

/// `SetPop`.
pub fn pop(
    _store: &Store,
    _cache: &str,
    _request: SetPopRequest,
) -> Result<SetPopResponse, Status> {
    Err(not_implemented("SetPop"))
}
