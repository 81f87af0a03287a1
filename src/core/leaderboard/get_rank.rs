//! `getRank`: `/leaderboard.Leaderboard/GetRank` → the given elements with their ranks in the requested order,
//! in the order of the ids asked for; unknown ids are left out. An empty id list is the service's
//! INVALID_ARGUMENT (the official SDK does not check it client-side either).

use momento_proto::leaderboard::GetRankRequest as Proto;

use super::{ids, FetchResponse, Order};
use crate::core::collection::{validate, Leaderboard as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::unary;

/// A validated `getRank` request.
#[derive(Debug)]
pub struct GetRankRequest {
    cache: String,
    leaderboard: String,
    ids: Vec<u32>,
    order: Order,
}

impl GetRankRequest {
    /// Validates the names and ids.
    pub fn new(
        cache: String,
        leaderboard: String,
        element_ids: &[f64],
        order: Order,
    ) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &leaderboard)?;
        Ok(Self {
            cache,
            leaderboard,
            ids: ids(element_ids)?,
            order,
        })
    }
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
