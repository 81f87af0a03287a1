//! `getBatch`: `/cache_client.Scs/GetBatch`, server-streaming — one `_GetResponse` per key, in request order.

use momento_proto::cache_client::{
    GetBatchRequest as Proto, GetRequest as ProtoGet, GetResponse as ProtoResponse,
};

use super::get::{GetRequest, GetResponse};
use super::Keys;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `getBatch` request.
#[derive(Debug)]
pub struct GetBatchRequest {
    batch: Keys,
}

impl GetBatchRequest {
    /// Validates the cache name and every key.
    pub fn new(cache: String, keys: Vec<Vec<u8>>) -> Result<Self, MomentoError> {
        let batch = Keys::new(cache, keys)?;
        Ok(Self { batch })
    }
}

/// The result of a `getBatch`: one `get` result per key, in the order the keys were given (the caller pairs
/// them with its keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBatchResponse {
    /// Hit or Miss per key.
    pub results: Vec<GetResponse>,
}

call!(GetBatchRequest: Proto => GetBatchResponse, batch.cache);

impl UnaryRpc for GetBatchRequest {
    fn into_proto(self) -> Proto {
        Proto {
            items: self
                .batch
                .keys
                .into_iter()
                .map(|cache_key| ProtoGet { cache_key })
                .collect(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<GetBatchResponse, MomentoError> {
        Self::from_stream(vec![reply])
    }

    fn from_stream(items: Vec<ProtoResponse>) -> Result<GetBatchResponse, MomentoError> {
        let results = items
            .into_iter()
            .map(GetRequest::from_proto)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(GetBatchResponse { results })
    }
}
