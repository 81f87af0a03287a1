//! `listPopBack`: `/cache_client.Scs/ListPopBack` → Hit with the removed last element, or Miss when the list does not exist.
//! Never retried: a repeat would remove a second element.

use momento_proto::cache_client::{
    list_pop_back_response::List, ListPopBackRequest as Proto, ListPopBackResponse as ProtoResponse,
};

use crate::core::error::MomentoError;
use crate::core::rpc::{Rpc, UnaryRpc};
use crate::core::validation;

/// A validated `listPopBack` request.
#[derive(Debug)]
pub struct ListPopBackRequest {
    cache: String,
    list: String,
}

impl ListPopBackRequest {
    /// Validates the cache and list names.
    pub fn new(cache: String, list: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        validation::name("list", &list)?;
        Ok(Self { cache, list })
    }
}

/// The result of `listPopBack`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListPopBackResponse {
    /// The last element, now removed from the list. (An empty value is a Hit too: the official web SDK
    /// reports it as a Miss although the element is gone.)
    Hit {
        /// The removed element.
        value: Vec<u8>,
    },
    /// The list does not exist.
    Miss,
}

impl UnaryRpc for ListPopBackRequest {
    type Proto = Proto;
    type ProtoResponse = ProtoResponse;
    type Response = ListPopBackResponse;
    const RPC: Rpc = Rpc::scs("/cache_client.Scs/ListPopBack");

    fn cache_name(&self) -> Option<&str> {
        Some(&self.cache)
    }

    fn into_proto(self) -> Proto {
        Proto {
            list_name: self.list.into_bytes(),
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<ListPopBackResponse, MomentoError> {
        match reply.list {
            Some(List::Found(found)) => Ok(ListPopBackResponse::Hit { value: found.back }),
            Some(List::Missing(_)) => Ok(ListPopBackResponse::Miss),
            None => Err(MomentoError::unknown_service(
                "ListPopBack response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use momento_proto::cache_client::list_pop_back_response::{Found, Missing};

    #[test]
    fn validates_and_encodes() {
        assert_eq!(
            ListPopBackRequest::new("c".into(), "".into())
                .unwrap_err()
                .message,
            "list name must not be empty"
        );
        assert!(ListPopBackRequest::new(" ".into(), "l".into()).is_err());
        let p = ListPopBackRequest::new("c".into(), "l".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
    }

    #[test]
    fn maps_results() {
        let found = ProtoResponse {
            list: Some(List::Found(Found {
                back: b"x".to_vec(),
                list_length: 2,
            })),
        };
        assert_eq!(
            ListPopBackRequest::from_proto(found).unwrap(),
            ListPopBackResponse::Hit {
                value: b"x".to_vec()
            }
        );
        let empty = ProtoResponse {
            list: Some(List::Found(Found::default())),
        };
        assert_eq!(
            ListPopBackRequest::from_proto(empty).unwrap(),
            ListPopBackResponse::Hit { value: vec![] }
        );
        let missing = ProtoResponse {
            list: Some(List::Missing(Missing {})),
        };
        assert_eq!(
            ListPopBackRequest::from_proto(missing).unwrap(),
            ListPopBackResponse::Miss
        );
        assert!(ListPopBackRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
