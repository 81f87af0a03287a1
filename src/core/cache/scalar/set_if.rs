//! Conditional sets over `/cache_client.Scs/SetIf`: `setIfAbsent`, `setIfPresent`, `setIfEqual`,
//! `setIfNotEqual`, `setIfPresentAndNotEqual`, `setIfAbsentOrEqual`, and the deprecated `setIfNotExists`
//! (sent as SetIf + absent, as the official SDKs do). Never retried: a repeat could store twice.

use momento_proto::cache_client::{
    set_if_request::Condition as ProtoCondition, set_if_response, SetIfRequest as Proto,
    SetIfResponse as ProtoResponse,
};
use momento_proto::common;

use super::set::ConditionalSet;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// When the value is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The key does not exist (`setIfAbsent`, `setIfNotExists`).
    Absent,
    /// The key exists (`setIfPresent`).
    Present,
    /// The current value equals this (`setIfEqual`).
    Equal(Vec<u8>),
    /// The key is absent or its value differs from this (`setIfNotEqual`).
    NotEqual(Vec<u8>),
    /// The key exists and its value differs from this (`setIfPresentAndNotEqual`).
    PresentAndNotEqual(Vec<u8>),
    /// The key is absent or its value equals this (`setIfAbsentOrEqual`).
    AbsentOrEqual(Vec<u8>),
}

/// A validated conditional set.
pub type SetIfRequest = ConditionalSet<Condition>;

/// The result of a conditional set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetIfResponse {
    /// The condition held and the value was stored.
    Stored,
    /// The condition did not hold; nothing changed.
    NotStored,
}

call!(SetIfRequest: Proto => SetIfResponse, set.cache);

impl UnaryRpc for SetIfRequest {
    fn into_proto(self) -> Proto {
        let condition = match self.condition {
            Condition::Absent => ProtoCondition::Absent(common::Absent {}),
            Condition::Present => ProtoCondition::Present(common::Present {}),
            Condition::Equal(v) => ProtoCondition::Equal(common::Equal { value_to_check: v }),
            Condition::NotEqual(v) => {
                ProtoCondition::NotEqual(common::NotEqual { value_to_check: v })
            }
            Condition::PresentAndNotEqual(v) => {
                ProtoCondition::PresentAndNotEqual(common::PresentAndNotEqual { value_to_check: v })
            }
            Condition::AbsentOrEqual(v) => {
                ProtoCondition::AbsentOrEqual(common::AbsentOrEqual { value_to_check: v })
            }
        };
        Proto {
            cache_key: self.set.key,
            cache_body: self.set.value,
            ttl_milliseconds: self.set.ttl_ms,
            condition: Some(condition),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetIfResponse, MomentoError> {
        match reply.result {
            Some(set_if_response::Result::Stored(_)) => Ok(SetIfResponse::Stored),
            Some(set_if_response::Result::NotStored(_)) => Ok(SetIfResponse::NotStored),
            None => Err(MomentoError::unknown_service(
                "SetIf response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_each_condition() {
        let p = |c| {
            SetIfRequest::new("c".into(), b"k".to_vec(), b"v".to_vec(), c, None, 9)
                .unwrap()
                .into_proto()
        };
        assert!(matches!(
            p(Condition::Absent).condition,
            Some(ProtoCondition::Absent(_))
        ));
        assert!(matches!(
            p(Condition::Present).condition,
            Some(ProtoCondition::Present(_))
        ));
        assert!(matches!(
            p(Condition::Equal(b"x".to_vec())).condition,
            Some(ProtoCondition::Equal(common::Equal { value_to_check })) if value_to_check == b"x"
        ));
        assert!(matches!(
            p(Condition::NotEqual(vec![])).condition,
            Some(ProtoCondition::NotEqual(_))
        ));
        assert!(matches!(
            p(Condition::PresentAndNotEqual(vec![])).condition,
            Some(ProtoCondition::PresentAndNotEqual(_))
        ));
        assert!(matches!(
            p(Condition::AbsentOrEqual(vec![])).condition,
            Some(ProtoCondition::AbsentOrEqual(_))
        ));
        assert_eq!(p(Condition::Absent).ttl_milliseconds, 9);
    }

    #[test]
    fn maps_results() {
        let r = |result| SetIfRequest::from_proto(ProtoResponse { result });
        assert_eq!(
            r(Some(set_if_response::Result::Stored(
                set_if_response::Stored {}
            )))
            .unwrap(),
            SetIfResponse::Stored
        );
        assert_eq!(
            r(Some(set_if_response::Result::NotStored(
                set_if_response::NotStored {}
            )))
            .unwrap(),
            SetIfResponse::NotStored
        );
        assert!(r(None).is_err());
    }
}
