//! `listLength`: `/cache_client.Scs/ListLength` → Hit with the number of elements, or Miss when the list does
//! not exist.

use momento_proto::cache_client::{
    list_length_response::List, ListLengthRequest as Proto, ListLengthResponse as ProtoResponse,
};

use crate::core::collection::{List as Family, NamedRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, found_or_missing, UnaryRpc};

/// A validated `listLength` request.
pub type ListLengthRequest = NamedRequest<Family, Proto>;

/// The result of `listLength`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListLengthResponse {
    /// The list exists.
    Hit {
        /// Its number of elements.
        length: u32,
    },
    /// The list does not exist.
    Miss,
}

call!(ListLengthRequest: Proto => ListLengthResponse, cache);

impl UnaryRpc for ListLengthRequest {
    fn into_proto(self) -> Proto {
        Proto {
            list_name: self.name.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<ListLengthResponse, MomentoError> {
        found_or_missing!(
            reply.list,
            List,
            "ListLength",
            |found| Ok(ListLengthResponse::Hit {
                length: found.length,
            }),
            Ok(ListLengthResponse::Miss)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::list_length_response::{Found, Missing};

    #[test]
    fn validates_and_maps_results() {
        assert!(ListLengthRequest::new("c".into(), "".into()).is_err());
        let p = ListLengthRequest::new("c".into(), "l".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
        let found = ProtoResponse {
            list: Some(List::Found(Found { length: 3 })),
        };
        assert_eq!(
            ListLengthRequest::from_proto(found).unwrap(),
            ListLengthResponse::Hit { length: 3 }
        );
        let missing = ProtoResponse {
            list: Some(List::Missing(Missing {})),
        };
        assert_eq!(
            ListLengthRequest::from_proto(missing).unwrap(),
            ListLengthResponse::Miss
        );
        assert!(ListLengthRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
