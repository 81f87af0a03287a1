//! `listPopFront`: `/cache_client.Scs/ListPopFront` → Hit with the removed first element, or Miss when the list does not exist.
//! Never retried: a repeat would remove a second element.

use momento_proto::cache_client::{
    list_pop_front_response::List, ListPopFrontRequest as Proto,
    ListPopFrontResponse as ProtoResponse,
};

use crate::core::error::MomentoError;
use crate::core::rpc::{Rpc, UnaryRpc};
use crate::core::validation;

/// A validated `listPopFront` request.
#[derive(Debug)]
pub struct ListPopFrontRequest {
    cache: String,
    list: String,
}

impl ListPopFrontRequest {
    /// Validates the cache and list names.
    pub fn new(cache: String, list: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("list", &list)?;
        Ok(Self { cache, list })
    }
}

/// The result of `listPopFront`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListPopFrontResponse {
    /// The first element, now removed from the list. (An empty value is a Hit too: the official web SDK
    /// reports it as a Miss although the element is gone.)
    Hit {
        /// The removed element.
        value: Vec<u8>,
    },
    /// The list does not exist.
    Miss,
}

impl UnaryRpc for ListPopFrontRequest {
    type Proto = Proto;
    type ProtoResponse = ProtoResponse;
    type Response = ListPopFrontResponse;
    const RPC: Rpc = Rpc::scs("/cache_client.Scs/ListPopFront");

    fn cache_name(&self) -> Option<&str> {
        Some(&self.cache)
    }

    fn into_proto(self) -> Proto {
        Proto {
            list_name: self.list.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<ListPopFrontResponse, MomentoError> {
        match reply.list {
            Some(List::Found(found)) => Ok(ListPopFrontResponse::Hit { value: found.front }),
            Some(List::Missing(_)) => Ok(ListPopFrontResponse::Miss),
            None => Err(MomentoError::unknown_service(
                "ListPopFront response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::list_pop_front_response::{Found, Missing};

    #[test]
    fn validates_and_encodes() {
        assert_eq!(
            ListPopFrontRequest::new("c".into(), "".into())
                .unwrap_err()
                .message,
            "list name must not be empty"
        );
        assert!(ListPopFrontRequest::new(" ".into(), "l".into()).is_err());
        let p = ListPopFrontRequest::new("c".into(), "l".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            list: Some(List::Found(Found {
                front: b"x".to_vec(),
                list_length: 2,
            })),
        };
        assert_eq!(
            ListPopFrontRequest::from_proto(found).unwrap(),
            ListPopFrontResponse::Hit {
                value: b"x".to_vec()
            }
        );
        let empty = ProtoResponse {
            list: Some(List::Found(Found::default())),
        };
        assert_eq!(
            ListPopFrontRequest::from_proto(empty).unwrap(),
            ListPopFrontResponse::Hit { value: vec![] }
        );
        let missing = ProtoResponse {
            list: Some(List::Missing(Missing {})),
        };
        assert_eq!(
            ListPopFrontRequest::from_proto(missing).unwrap(),
            ListPopFrontResponse::Miss
        );
        assert!(ListPopFrontRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
