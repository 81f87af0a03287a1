//! `sortedSetLengthByScore`: `/cache_client.Scs/SortedSetLengthByScore` counts the elements scored between
//! `minScore` and `maxScore` (both inclusive, default unbounded) → Hit with the count, or Miss
//! ([`LengthResponse`]).

use momento_proto::cache_client::{
    sorted_set_length_by_score_request::{Max, Min},
    sorted_set_length_by_score_response::SortedSet,
    SortedSetLengthByScoreRequest as Proto,
};
use momento_proto::common::Unbounded;

use super::check_scores;
use crate::core::cache::length::LengthResponse;
use crate::core::collection::collection_request;
use crate::core::rpc::unary;

collection_request! {
    /// A validated `sortedSetLengthByScore` request.
    SortedSetLengthByScoreRequest: SortedSet, set { min_score: Option<f64>, max_score: Option<f64> }
    check check_scores(min_score, max_score);
    "Validates the names and the score range (`minScore` ≤ `maxScore` when both are given)."
}

// Miss also when no element is scored in the range, as in both official JS SDKs.
unary! {
    SortedSetLengthByScoreRequest: Proto => LengthResponse, cache;
    |self| Proto {
        set_name: self.set.into_bytes(),
        min: Some(match self.min_score {
            Some(s) => Min::InclusiveMin(s),
            None => Min::UnboundedMin(Unbounded {}),
        }),
        max: Some(match self.max_score {
            Some(s) => Max::InclusiveMax(s),
            None => Max::UnboundedMax(Unbounded {}),
        }),
    };
    |reply| {
        let result = reply.sorted_set.map(|result| match result {
            SortedSet::Found(found) => Some(found.length),
            SortedSet::Missing(_) => None,
        });
        LengthResponse::of(
            result,
            1,
            "SortedSetLengthByScore response without a result",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn encodes_inclusive_or_unbounded_bounds() {
        let p = SortedSetLengthByScoreRequest::new("c".into(), "z".into(), Some(1.0), None)
            .unwrap()
            .into_proto();
        assert_eq!(p.min, Some(Min::InclusiveMin(1.0)));
        assert_eq!(p.max, Some(Max::UnboundedMax(Unbounded {})));
        let e = SortedSetLengthByScoreRequest::new("c".into(), "z".into(), Some(2.0), Some(1.0));
        assert_eq!(
            e.unwrap_err().message,
            "minScore must be less than or equal to maxScore"
        );
    }
}
