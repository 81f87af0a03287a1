//! `getRank`: `/leaderboard.Leaderboard/GetRank` → the given elements with their ranks in the requested order,
//! in the order of the ids asked for; unknown ids are left out. An empty id list is the service's
//! INVALID_ARGUMENT (the official SDK does not check it client-side either).

use momento_proto::leaderboard::GetRankRequest as Proto;

use super::{FetchResponse, Order};
use crate::core::collection::collection_request;
use crate::core::rpc::unary;

collection_request! {
    /// A validated `getRank` request.
    GetRankRequest: Leaderboard, leaderboard { ids: Vec<u32> as &[f64] => super::ids(ids)?, order: Order }
    "Validates the names and ids."
}

unary! {
    GetRankRequest: Proto => FetchResponse, cache;
    |self| Proto { leaderboard: self.leaderboard, ids: self.ids, order: self.order.into_proto() };
    |reply| Ok(FetchResponse::from_elements(reply.elements))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn encodes_ids_and_order() {
        let p = GetRankRequest::new("c".into(), "lb".into(), &[1.0, 3.0], Order::Ascending)
            .unwrap()
            .into_proto();
        assert_eq!(p.ids, [1, 3]);
        assert_eq!(p.order, 0);
        assert!(GetRankRequest::new("c".into(), "lb".into(), &[0.5], Order::Ascending).is_err());
    }
}
