//! `setRemoveElement` / `setRemoveElements`: `/cache_client.Scs/SetDifference` with a subtrahend set → Success
//! (also when the set does not exist, as in the official SDKs).

use momento_proto::cache_client::{
    set_difference_request::{
        subtrahend::{Set as SubtrahendElements, SubtrahendSet},
        Difference, Subtrahend,
    },
    SetDifferenceRequest as Proto, SetDifferenceResponse as ProtoResponse,
};

use crate::core::collection::{ItemsRequest, Set as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `setRemoveElements` request (`setRemoveElement` sends one element).
pub type SetDifferenceRequest = ItemsRequest<Family, Proto>;

/// The result of a `setRemoveElements`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetDifferenceResponse {
    /// The elements are no longer in the set.
    Success,
}

call!(SetDifferenceRequest: Proto => SetDifferenceResponse, cache);

impl UnaryRpc for SetDifferenceRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.name,
            difference: Some(Difference::Subtrahend(Subtrahend {
                subtrahend_set: Some(SubtrahendSet::Set(SubtrahendElements {
                    elements: self.items,
                })),
            })),
        }
    }

    /// Found and Missing both mean the elements are gone.
    fn from_proto(_reply: ProtoResponse) -> Result<SetDifferenceResponse, MomentoError> {
        Ok(SetDifferenceResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use momento_proto::cache_client::set_difference_response::{Missing, Set};

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
