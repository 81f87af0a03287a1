//! `listConcatenateFront` / `listConcatenateBack`: `/cache_client.Scs/ListConcatenate{Front,Back}` → the list's length
//! afterwards. Puts the values, in order, at the [`End`]; truncates the other end. Never retried: a repeat would add
//! twice.

use super::end::{Back, End, Front};
use super::ListInsertRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, success_with, ProtoReply, UnaryRpc};

/// A validated concatenation at end `E`.
pub type ListConcatenateRequest<E> = ListInsertRequest<E, Vec<Vec<u8>>>;

/// `listConcatenateFront` (truncates from the back).
pub type ListConcatenateFrontRequest = ListConcatenateRequest<Front>;
/// `listConcatenateBack` (truncates from the front).
pub type ListConcatenateBackRequest = ListConcatenateRequest<Back>;

success_with! {
    /// The result of a concatenation.
    ListConcatenateResponse: "The values were added." => list_length: u32, "The list's length afterwards (after any truncation)."
}

call!(impl<E: End> ListConcatenateRequest<E>: E::Concatenate => ListConcatenateResponse, cache);

impl<E: End> UnaryRpc for ListConcatenateRequest<E> {
    fn into_proto(self) -> E::Concatenate {
        E::concatenate(
            self.list.into_bytes(),
            self.values,
            self.ttl,
            self.truncate_other_end_to,
        )
    }

    fn from_proto(reply: ProtoReply<Self>) -> Result<ListConcatenateResponse, MomentoError> {
        Ok(ListConcatenateResponse::Success {
            list_length: E::concatenated(reply),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection_ttl::CollectionTtl;
    use crate::core::rpc::Call;
    use momento_proto::cache_client::ListConcatenateBackResponse;

    fn ttl() -> CollectionTtl {
        CollectionTtl::new(None, true, 60_000).unwrap()
    }

    #[test]
    fn encodes_values_in_order_at_either_end() {
        let values = vec![b"a".to_vec(), b"b".to_vec()];
        let p = ListConcatenateFrontRequest::new(
            "c".into(),
            "l".into(),
            values.clone(),
            Some(5.0),
            ttl(),
        )
        .unwrap()
        .into_proto();
        assert_eq!(
            (p.values, p.truncate_back_to_size, p.refresh_ttl),
            (values.clone(), 5, true)
        );
        let p =
            ListConcatenateBackRequest::new("c".into(), "l".into(), values.clone(), None, ttl())
                .unwrap()
                .into_proto();
        assert_eq!(
            (p.values, p.truncate_front_to_size, p.ttl_milliseconds),
            (values, 0, 60_000)
        );
        assert_eq!(
            ListConcatenateBackRequest::RPC.path,
            "/cache_client.Scs/ListConcatenateBack"
        );
    }

    #[test]
    fn validates_and_answers_the_new_length() {
        let e = ListConcatenateBackRequest::new("c".into(), "".into(), vec![], None, ttl())
            .unwrap_err();
        assert_eq!(e.message, "list name must not be empty");
        let e = ListConcatenateFrontRequest::new("c".into(), "l".into(), vec![], Some(1e12), ttl())
            .unwrap_err();
        assert_eq!(e.message, "truncateBackToSize must be a positive integer");
        assert_eq!(
            ListConcatenateBackRequest::from_proto(ListConcatenateBackResponse { list_length: 7 })
                .unwrap(),
            ListConcatenateResponse::Success { list_length: 7 }
        );
    }
}
