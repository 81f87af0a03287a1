//! `listPopFront` / `listPopBack`: `/cache_client.Scs/ListPop{Front,Back}` → Hit with the removed element at the
//! [`End`], or Miss when the list does not exist. Never retried: a repeat would remove a second element.

use std::marker::PhantomData;

use super::end::{Back, End, Front};
use crate::core::collection::{validate, List as Family};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, ProtoReply, UnaryRpc};

/// A validated pop at end `E`.
#[derive(Debug)]
pub struct ListPopRequest<E> {
    cache: String,
    list: String,
    end: PhantomData<E>,
}

/// `listPopFront`.
pub type ListPopFrontRequest = ListPopRequest<Front>;
/// `listPopBack`.
pub type ListPopBackRequest = ListPopRequest<Back>;

impl<E: End> ListPopRequest<E> {
    /// Validates the cache and list names.
    pub fn new(cache: String, list: String) -> Result<Self, MomentoError> {
        validate::<Family>(&cache, &list)?;
        Ok(Self {
            cache,
            list,
            end: PhantomData,
        })
    }
}

/// The result of a pop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListPopResponse {
    /// The element, now removed from the list. (An empty value is a Hit too: the official web SDK reports it as a
    /// Miss although the element is gone.)
    Hit {
        /// The removed element.
        value: Vec<u8>,
    },
    /// The list does not exist.
    Miss,
}

call!(impl<E: End> ListPopRequest<E>: E::Pop => ListPopResponse, cache);

impl<E: End> UnaryRpc for ListPopRequest<E> {
    fn into_proto(self) -> E::Pop {
        E::pop(self.list.into_bytes())
    }

    fn from_proto(reply: ProtoReply<Self>) -> Result<ListPopResponse, MomentoError> {
        match E::popped(reply) {
            Some(Some(value)) => Ok(ListPopResponse::Hit { value }),
            Some(None) => Ok(ListPopResponse::Miss),
            None => Err(MomentoError::unknown_service(
                "ListPop response without a result",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::Call;
    use momento_proto::cache_client::{
        list_pop_back_response, list_pop_front_response, ListPopBackResponse, ListPopFrontResponse,
    };

    #[test]
    fn validates_and_encodes() {
        assert_eq!(
            ListPopFrontRequest::new("c".into(), "".into())
                .unwrap_err()
                .message,
            "list name must not be empty"
        );
        assert!(ListPopBackRequest::new(" ".into(), "l".into()).is_err());
        let p = ListPopBackRequest::new("c".into(), "l".into())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
        assert_eq!(
            ListPopBackRequest::RPC.path,
            "/cache_client.Scs/ListPopBack"
        );
    }

    #[test]
    fn maps_results_of_either_end() {
        let front = |list| ListPopFrontRequest::from_proto(ListPopFrontResponse { list });
        let found = list_pop_front_response::Found {
            front: b"x".to_vec(),
            list_length: 2,
        };
        assert_eq!(
            front(Some(list_pop_front_response::List::Found(found))).unwrap(),
            ListPopResponse::Hit {
                value: b"x".to_vec()
            }
        );
        let empty = list_pop_front_response::List::Found(list_pop_front_response::Found::default());
        assert_eq!(
            front(Some(empty)).unwrap(),
            ListPopResponse::Hit { value: vec![] }
        );
        let missing = list_pop_front_response::List::Missing(list_pop_front_response::Missing {});
        assert_eq!(front(Some(missing)).unwrap(), ListPopResponse::Miss);
        assert!(front(None).is_err());
        let back = |list| ListPopBackRequest::from_proto(ListPopBackResponse { list });
        let found = list_pop_back_response::Found {
            back: b"y".to_vec(),
            list_length: 0,
        };
        assert_eq!(
            back(Some(list_pop_back_response::List::Found(found))).unwrap(),
            ListPopResponse::Hit {
                value: b"y".to_vec()
            }
        );
        let missing = list_pop_back_response::List::Missing(list_pop_back_response::Missing {});
        assert_eq!(back(Some(missing)).unwrap(), ListPopResponse::Miss);
    }
}
