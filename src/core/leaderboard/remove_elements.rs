//! `removeElements`: `/leaderboard.Leaderboard/RemoveElements` → Success (unknown ids are ignored). At least
//! one id (the service allows at most 8192).

use momento_proto::common::Empty as ProtoResponse;
use momento_proto::leaderboard::RemoveElementsRequest as Proto;

use super::{at_least_one, ids};
use crate::core::collection::{validate, Leaderboard as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `removeElements` request.
#[derive(Debug)]
pub struct RemoveElementsRequest {
    cache: String,
    leaderboard: String,
    ids: Vec<u32>,
}

impl RemoveElementsRequest {
    /// Validates the names and ids.
    pub fn new(
        cache: String,
        leaderboard: String,
        element_ids: &[f64],
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &leaderboard)?;
        at_least_one(element_ids.len())?;
        Ok(Self {
            cache,
            leaderboard,
            ids: ids(element_ids)?,
        })
    }
}

/// The result of a `removeElements`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoveElementsResponse {
    /// The elements are gone.
    Success,
}

call!(RemoveElementsRequest: Proto => RemoveElementsResponse, cache);

impl UnaryRpc for RemoveElementsRequest {
    fn into_proto(self) -> Proto {
        Proto {
            leaderboard: self.leaderboard,
            ids: self.ids,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<RemoveElementsResponse, MomentoError> {
        Ok(RemoveElementsResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_encodes() {
        let p = RemoveElementsRequest::new("c".into(), "lb".into(), &[1.0])
            .unwrap()
            .into_proto();
        assert_eq!(p.ids, [1]);
        assert_eq!(
            RemoveElementsRequest::new("c".into(), "lb".into(), &[])
                .unwrap_err()
                .message,
            "must provide at least one element"
        );
    }
}
