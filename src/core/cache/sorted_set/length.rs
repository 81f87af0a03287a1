//! `sortedSetLength`: `/cache_client.Scs/SortedSetLength` → Hit with the number of elements, or Miss when the
//! sorted set does not exist.

use momento_proto::cache_client::{
    sorted_set_length_response::SortedSet, SortedSetLengthRequest as Proto,
    SortedSetLengthResponse as ProtoResponse,
};

use crate::core::collection::{NamedRequest, SortedSet as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `sortedSetLength` request.
pub type SortedSetLengthRequest = NamedRequest<Family, Proto>;

/// The result of `sortedSetLength`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortedSetLengthResponse {
    /// The sorted set exists.
    Hit {
        /// Its number of elements.
        length: u32,
    },
    /// The sorted set does not exist (a found length of 0 is reported as Miss too, as the official SDKs do).
    Miss,
}

call!(SortedSetLengthRequest: Proto => SortedSetLengthResponse, cache);

impl UnaryRpc for SortedSetLengthRequest {
    fn into_proto(self) -> Proto {
        Proto {
            set_name: self.name.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<SortedSetLengthResponse, MomentoError> {
        match reply.sorted_set {
            Some(SortedSet::Found(found)) if found.length > 0 => Ok(SortedSetLengthResponse::Hit {
                length: found.length,
            }),
            Some(_) => Ok(SortedSetLengthResponse::Miss),
            None => Err(MomentoError::unknown_service(
                "SortedSetLength response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::sorted_set_length_response::{Found, Missing};

    #[test]
    fn validates_and_maps_results() {
        assert!(SortedSetLengthRequest::new("c".into(), "".into()).is_err());
        let found = |length| ProtoResponse {
            sorted_set: Some(SortedSet::Found(Found { length })),
        };
        assert_eq!(
            SortedSetLengthRequest::from_proto(found(2)).unwrap(),
            SortedSetLengthResponse::Hit { length: 2 }
        );
        assert_eq!(
            SortedSetLengthRequest::from_proto(found(0)).unwrap(),
            SortedSetLengthResponse::Miss
        );
        let missing = ProtoResponse {
            sorted_set: Some(SortedSet::Missing(Missing {})),
        };
        assert_eq!(
            SortedSetLengthRequest::from_proto(missing).unwrap(),
            SortedSetLengthResponse::Miss
        );
        assert!(SortedSetLengthRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
