//! `sortedSetGetRank`: `/cache_client.Scs/SortedSetGetRank` → Hit with the element's zero-based rank in the
//! requested order, or Miss when the element or the sorted set does not exist.

use momento_proto::cache_client::{
    sorted_set_get_rank_response::Rank, SortedSetGetRankRequest as Proto,
};

use super::SortedSetOrder;
use crate::core::cache::is_hit;
use crate::core::collection::collection_request;
use crate::core::error::MomentoError;
use crate::core::rpc::{hit_or_miss, unary};

collection_request! {
    /// A validated `sortedSetGetRank` request.
    SortedSetGetRankRequest: SortedSet, set { value: Vec<u8>, order: SortedSetOrder }
    "Validates the cache and sorted-set names."
}

hit_or_miss! {
    /// The result of `sortedSetGetRank`.
    SortedSetGetRankResponse: "The element exists." => rank: u64, "Its rank: 0 is the lowest score (ascending) or the highest (descending).", "The element or the sorted set does not exist."
}

unary! {
    SortedSetGetRankRequest: Proto => SortedSetGetRankResponse, cache;
    |self| Proto { set_name: self.set.into_bytes(), value: self.value, order: self.order.proto() };
    |reply| match reply.rank {
        Some(Rank::ElementRank(part)) => {
            if is_hit(part.result, "SortedSetGetRank", None)? {
                Ok(SortedSetGetRankResponse::Hit { rank: part.rank })
            } else {
                Ok(SortedSetGetRankResponse::Miss)
            }
        }
        Some(Rank::Missing(_)) => Ok(SortedSetGetRankResponse::Miss),
        None => Err(MomentoError::unknown_service(
            "SortedSetGetRank response without a result",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::sorted_set_get_rank_response::{
        RankResponsePart, SortedSetMissing,
    };
    use momento_proto::cache_client::ECacheResult;
    use momento_proto::cache_client::SortedSetGetRankResponse as ProtoResponse;

    #[test]
    fn encodes_order() {
        let p = SortedSetGetRankRequest::new(
            "c".into(),
            "z".into(),
            b"a".to_vec(),
            SortedSetOrder::Descending,
        )
        .unwrap()
        .into_proto();
        assert_eq!(
            (p.set_name, p.value, p.order),
            (b"z".to_vec(), b"a".to_vec(), 1)
        );
        assert!(SortedSetGetRankRequest::new(
            "c".into(),
            "".into(),
            vec![],
            SortedSetOrder::Ascending
        )
        .is_err());
    }

    #[test]
    fn maps_results() {
        let rank = |result: ECacheResult, rank| ProtoResponse {
            rank: Some(Rank::ElementRank(RankResponsePart {
                result: result as i32,
                rank,
            })),
        };
        assert_reply::<SortedSetGetRankRequest>(
            rank(ECacheResult::Hit, 3),
            SortedSetGetRankResponse::Hit { rank: 3 },
        );
        assert_reply::<SortedSetGetRankRequest>(
            rank(ECacheResult::Miss, 0),
            SortedSetGetRankResponse::Miss,
        );
        assert!(SortedSetGetRankRequest::from_proto(rank(ECacheResult::Ok, 0)).is_err());
        let missing = ProtoResponse {
            rank: Some(Rank::Missing(SortedSetMissing {})),
        };
        assert_reply::<SortedSetGetRankRequest>(missing, SortedSetGetRankResponse::Miss);
        assert!(SortedSetGetRankRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
