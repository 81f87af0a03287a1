//! `sortedSetGetScore` / `sortedSetGetScores`: `/cache_client.Scs/SortedSetGetScore` → Hit with one
//! score-or-miss per requested value (in request order), or Miss when the sorted set does not exist. The single
//! form is the plural with one value, as in the official SDKs.

use momento_proto::cache_client::{
    sorted_set_get_score_response::SortedSet, SortedSetGetScoreRequest as Proto,
};

use crate::core::cache::is_hit;
use crate::core::collection::collection_request;
use crate::core::rpc::{found_or_missing, unary};

collection_request! {
    /// A validated `sortedSetGetScore(s)` request.
    SortedSetGetScoresRequest: SortedSet, set { values: Vec<Vec<u8>> }
    "Validates the cache and sorted-set names."
}

/// The result of `sortedSetGetScore(s)`.
#[derive(Debug, Clone, PartialEq)]
pub enum SortedSetGetScoresResponse {
    /// The sorted set exists.
    Hit {
        /// `scores[i]` answers the i-th requested value: its score, or `None` if it is not an element.
        scores: Vec<Option<f64>>,
    },
    /// The sorted set does not exist.
    Miss,
}

unary! {
    SortedSetGetScoresRequest: Proto => SortedSetGetScoresResponse, cache;
    |self| Proto { set_name: self.set.into_bytes(), values: self.values };
    |reply| found_or_missing!(reply.sorted_set, SortedSet, "SortedSetGetScore",
        |found| {
            let scores = found
                .elements
                .into_iter()
                .map(|part| {
                    let hit = is_hit(part.result, "SortedSetGetScore element", None)?;
                    Ok(hit.then_some(part.score))
                })
                .collect::<Result<_, _>>()?;
            Ok(SortedSetGetScoresResponse::Hit { scores })
        },
        Ok(SortedSetGetScoresResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::sorted_set_get_score_response::{
        SortedSetFound, SortedSetGetScoreResponsePart as Part, SortedSetMissing,
    };
    use momento_proto::cache_client::ECacheResult;
    use momento_proto::cache_client::SortedSetGetScoreResponse as ProtoResponse;

    #[test]
    fn validates_and_encodes() {
        assert!(SortedSetGetScoresRequest::new("c".into(), "".into(), vec![]).is_err());
        let p = SortedSetGetScoresRequest::new("c".into(), "z".into(), vec![b"a".to_vec()])
            .unwrap()
            .into_proto();
        assert_eq!((p.set_name, p.values), (b"z".to_vec(), vec![b"a".to_vec()]));
    }

    #[test]
    fn maps_per_value_results() {
        let part = |result: ECacheResult, score| Part {
            result: result as i32,
            score,
        };
        let found = ProtoResponse {
            sorted_set: Some(SortedSet::Found(SortedSetFound {
                elements: vec![part(ECacheResult::Hit, 2.5), part(ECacheResult::Miss, 0.0)],
            })),
        };
        assert_reply::<SortedSetGetScoresRequest>(
            found,
            SortedSetGetScoresResponse::Hit {
                scores: vec![Some(2.5), None],
            },
        );
        let missing = ProtoResponse {
            sorted_set: Some(SortedSet::Missing(SortedSetMissing {})),
        };
        assert_reply::<SortedSetGetScoresRequest>(missing, SortedSetGetScoresResponse::Miss);
        let invalid = ProtoResponse {
            sorted_set: Some(SortedSet::Found(SortedSetFound {
                elements: vec![part(ECacheResult::Invalid, 0.0)],
            })),
        };
        assert!(SortedSetGetScoresRequest::from_proto(invalid).is_err());
        assert!(SortedSetGetScoresRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
