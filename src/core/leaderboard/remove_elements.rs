//! `removeElements`: `/leaderboard.Leaderboard/RemoveElements` → Success (unknown ids are ignored). At least
//! one id (the service allows at most 8192).

use momento_proto::leaderboard::RemoveElementsRequest as Proto;

use super::{at_least_one, ids};
use crate::core::collection::{validate, Leaderboard as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::success_rpc;

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

success_rpc! {
    /// The result of a `removeElements`.
    RemoveElementsResponse { "The elements are gone." } for RemoveElementsRequest: Proto, cache;
    |self| Proto { leaderboard: self.leaderboard, ids: self.ids }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

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
