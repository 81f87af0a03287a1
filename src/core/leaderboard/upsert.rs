//! `upsert`: `/leaderboard.Leaderboard/UpsertElements` → Success. Inserts elements or updates their scores;
//! the leaderboard is created if needed. At least one element (the service allows at most 8192).

use momento_proto::leaderboard::{Element, UpsertElementsRequest as Proto};

use super::{at_least_one, id};
use crate::core::collection::collection_request;
use crate::core::error::MomentoError;
use crate::core::rpc::success_rpc;

collection_request! {
    /// A validated `upsert` request.
    UpsertRequest: Leaderboard, leaderboard {
        elements: Vec<Element> as &[(f64, f64)] => elements
            .iter()
            .map(|&(element_id, score)| Ok(Element { id: id(element_id)?, score }))
            .collect::<Result<_, MomentoError>>()?,
    }
    check at_least_one(elements.len());
    "Validates the names and the `(id, score)` pairs (ids: integers from 0 to 2^32 - 1)."
}

success_rpc! {
    /// The result of an `upsert`.
    UpsertResponse { "The elements are stored." } for UpsertRequest: Proto, cache;
    |self| Proto { leaderboard: self.leaderboard, elements: self.elements }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn validates_and_encodes() {
        let r = UpsertRequest::new("c".into(), "lb".into(), &[(1.0, 10.5), (2.0, -3.0)]).unwrap();
        assert_eq!(r.cache_name(), Some("c"));
        let p = r.into_proto();
        assert_eq!(p.leaderboard, "lb");
        assert_eq!(
            p.elements,
            [
                Element { id: 1, score: 10.5 },
                Element { id: 2, score: -3.0 }
            ]
        );
        assert_eq!(
            UpsertRequest::new("c".into(), "lb".into(), &[])
                .unwrap_err()
                .message,
            "must provide at least one element"
        );
        assert!(UpsertRequest::new("c".into(), "lb".into(), &[(-1.0, 1.0)]).is_err());
        assert!(UpsertRequest::new("c".into(), "".into(), &[(1.0, 1.0)]).is_err());
        assert_reply::<UpsertRequest>(Default::default(), UpsertResponse::Success);
    }
}
