//! `removeElements`: `/leaderboard.Leaderboard/RemoveElements` → Success (unknown ids are ignored). At least
//! one id (the service allows at most 8192).

use momento_proto::leaderboard::RemoveElementsRequest as Proto;

use super::at_least_one;
use crate::core::collection::collection_request;
use crate::core::rpc::success_rpc;

collection_request! {
    /// A validated `removeElements` request.
    RemoveElementsRequest: Leaderboard, leaderboard { ids: Vec<u32> as &[f64] => super::ids(ids)? }
    check at_least_one(ids.len());
    "Validates the names and ids."
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
