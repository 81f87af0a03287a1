//! `setLength`: `/cache_client.Scs/SetLength` → the number of elements, or Miss.

use momento_proto::cache_client::{
    set_length_response::Set, SetLengthRequest as Proto, SetLengthResponse as ProtoResponse,
};

use crate::core::collection::{NamedRequest, Set as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};

/// A validated `setLength` request.
pub type SetLengthRequest = NamedRequest<Family, Proto>;

/// The result of a `setLength`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetLengthResponse {
    /// The set exists.
    Hit {
        /// Its number of elements.
        length: u32,
    },
    /// The set does not exist (or expired).
    Miss,
}

call!(SetLengthRequest: Proto => SetLengthResponse, cache);

impl UnaryRpc for SetLengthRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.name.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SetLengthResponse, MomentoError> {
        found_or_missing!(
            reply.set,
            Set,
            "SetLength",
            |found| Ok(SetLengthResponse::Hit {
                length: found.length,
            }),
            Ok(SetLengthResponse::Miss)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::set_length_response::{Found, Missing};

    #[test]
    fn maps_results() {
        assert!(SetLengthRequest::new("c".into(), "".into()).is_err());
        let found = ProtoResponse {
            set: Some(Set::Found(Found { length: 2 })),
        };
        assert_eq!(
            SetLengthRequest::from_proto(found).unwrap(),
            SetLengthResponse::Hit { length: 2 }
        );
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_eq!(
            SetLengthRequest::from_proto(missing).unwrap(),
            SetLengthResponse::Miss
        );
        assert!(SetLengthRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
