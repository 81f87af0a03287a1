//! `setRemoveElement` / `setRemoveElements`: `/cache_client.Scs/SetDifference` with a subtrahend set → Success
//! (also when the set does not exist, as in the official SDKs).

use momento_proto::cache_client::{
    set_difference_request::{
        subtrahend::{Set as SubtrahendElements, SubtrahendSet},
        Difference, Subtrahend,
    },
    SetDifferenceRequest as Proto,
};

use crate::core::collection::{ItemsRequest, Set as Family};
use crate::core::rpc::success_rpc;

/// A validated `setRemoveElements` request (`setRemoveElement` sends one element).
pub type SetDifferenceRequest = ItemsRequest<Family, Proto>;

// Found and Missing both mean the elements are gone.
success_rpc! {
    /// The result of a `setRemoveElements`.
    SetDifferenceResponse { "The elements are no longer in the set." } for SetDifferenceRequest: Proto, cache;
    |self| Proto {
        set_name: self.name,
        difference: Some(Difference::Subtrahend(Subtrahend {
            subtrahend_set: Some(SubtrahendSet::Set(SubtrahendElements {
                elements: self.items,
            })),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::set_difference_response::{Missing, Set};
    use momento_proto::cache_client::SetDifferenceResponse as ProtoResponse;

    #[test]
    fn sends_a_subtrahend_set() {
        let p = SetDifferenceRequest::new("c".into(), "s".into(), vec![b"a".to_vec()])
            .unwrap()
            .into_proto();
        assert_eq!(p.set_name, b"s");
        assert_eq!(
            p.difference,
            Some(Difference::Subtrahend(Subtrahend {
                subtrahend_set: Some(SubtrahendSet::Set(SubtrahendElements {
                    elements: vec![b"a".to_vec()]
                }))
            }))
        );
        assert!(SetDifferenceRequest::new("".into(), "s".into(), vec![]).is_err());
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_reply::<SetDifferenceRequest>(missing, SetDifferenceResponse::Success);
    }
}
