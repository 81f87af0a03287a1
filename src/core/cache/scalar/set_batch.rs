//! `setBatch`: `/cache_client.Scs/SetBatch`, server-streaming — one `_SetResponse` per item, in order.

use momento_proto::cache_client::{
    SetBatchRequest as Proto, SetRequest as ProtoSet, SetResponse as ProtoResponse,
};

use super::set::{SetRequest, SetResponse};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};
use crate::core::validation;

/// One item of a `setBatch`: key, value and an optional TTL in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    /// Key bytes.
    pub key: Vec<u8>,
    /// Value bytes.
    pub value: Vec<u8>,
    /// TTL in seconds (`None` = the batch TTL, else the client default).
    pub ttl_seconds: Option<f64>,
}

/// A validated `setBatch` request.
#[derive(Debug)]
pub struct SetBatchRequest {
    cache: String,
    items: Vec<ProtoSet>,
}

impl SetBatchRequest {
    /// Validates every item; per-item TTL wins over `ttl_seconds`, which wins over the client default.
    pub fn new(
        cache: String,
        items: Vec<BatchItem>,
        ttl_seconds: Option<f64>,
        default_ttl_ms: u64,
    ) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        let batch_ttl = validation::ttl_seconds_or(ttl_seconds, default_ttl_ms)?;
        let items = items
            .into_iter()
            .map(|item| {
                validation::key(&item.key)?;
                Ok(ProtoSet {
                    cache_key: item.key,
                    cache_body: item.value,
                    ttl_milliseconds: validation::ttl_seconds_or(item.ttl_seconds, batch_ttl)?,
                })
            })
            .collect::<Result<Vec<_>, MomentoError>>()?;
        Ok(Self { cache, items })
    }
}

/// The result of a `setBatch`: one `set` result per item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetBatchResponse {
    /// Success per item, in order.
    pub results: Vec<SetResponse>,
}

call!(SetBatchRequest: Proto => SetBatchResponse, cache);

impl UnaryRpc for SetBatchRequest {
    fn into_proto(self) -> Proto {
        Proto { items: self.items }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetBatchResponse, MomentoError> {
        Self::from_stream(vec![reply])
    }

    fn from_stream(items: Vec<ProtoResponse>) -> Result<SetBatchResponse, MomentoError> {
        let results = items
            .into_iter()
            .map(SetRequest::from_proto)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SetBatchResponse { results })
    }
}
