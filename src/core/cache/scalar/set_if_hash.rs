//! Hash-conditioned sets over `/cache_client.Scs/SetIfHash`: `setWithHash` (unconditional) and
//! `setIfPresentAndHashEqual`, `setIfPresentAndHashNotEqual`, `setIfAbsentOrHashEqual`,
//! `setIfAbsentOrHashNotEqual`. `Stored` carries the hash of the new value.

use momento_proto::cache_client::{
    set_if_hash_request::Condition as ProtoCondition, set_if_hash_response,
    SetIfHashRequest as Proto, SetIfHashResponse as ProtoResponse,
};
use momento_proto::common;

use super::set::ConditionalSet;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// When the value is stored, by the hash of the current value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashCondition {
    /// Always (`setWithHash`).
    Unconditional,
    /// The key exists and its hash equals this.
    PresentAndHashEqual(Vec<u8>),
    /// The key exists and its hash differs from this.
    PresentAndHashNotEqual(Vec<u8>),
    /// The key is absent or its hash equals this.
    AbsentOrHashEqual(Vec<u8>),
    /// The key is absent or its hash differs from this.
    AbsentOrHashNotEqual(Vec<u8>),
}

/// A validated hash-conditioned set.
pub type SetIfHashRequest = ConditionalSet<HashCondition>;

/// The result of a hash-conditioned set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetIfHashResponse {
    /// Stored; the hash of the new value.
    Stored {
        /// Hash of the stored value.
        hash: Vec<u8>,
    },
    /// The condition did not hold.
    NotStored,
}

call!(SetIfHashRequest: Proto => SetIfHashResponse, set.cache);

impl UnaryRpc for SetIfHashRequest {
    fn into_proto(self) -> Proto {
        let condition = match self.condition {
            HashCondition::Unconditional => ProtoCondition::Unconditional(common::Unconditional {}),
            HashCondition::PresentAndHashEqual(h) => {
                ProtoCondition::PresentAndHashEqual(common::PresentAndHashEqual {
                    hash_to_check: h,
                })
            }
            HashCondition::PresentAndHashNotEqual(h) => {
                ProtoCondition::PresentAndNotHashEqual(common::PresentAndNotHashEqual {
                    hash_to_check: h,
                })
            }
            HashCondition::AbsentOrHashEqual(h) => {
                ProtoCondition::AbsentOrHashEqual(common::AbsentOrHashEqual { hash_to_check: h })
            }
            HashCondition::AbsentOrHashNotEqual(h) => {
                ProtoCondition::AbsentOrNotHashEqual(common::AbsentOrNotHashEqual {
                    hash_to_check: h,
                })
            }
        };
        Proto {
            cache_key: self.set.key,
            cache_body: self.set.value,
            ttl_milliseconds: self.set.ttl_ms,
            condition: Some(condition),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetIfHashResponse, MomentoError> {
        match reply.result {
            Some(set_if_hash_response::Result::Stored(s)) => {
                Ok(SetIfHashResponse::Stored { hash: s.new_hash })
            }
            Some(set_if_hash_response::Result::NotStored(_)) => Ok(SetIfHashResponse::NotStored),
            None => Err(MomentoError::unknown_service(
                "SetIfHash response without a result",
            )),
        }
    }
}
