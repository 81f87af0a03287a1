//! `listConcatenateFront` / `listConcatenateBack`: `/cache_client.Scs/ListConcatenate{Front,Back}` → the list's length
//! afterwards. Puts the values, in order, at the [`End`]; truncates the other end. Never retried: a repeat would add
//! twice.

use super::end::{Back, End, Front};
use super::{insert, ListInsertRequest};

insert! {
    /// A validated concatenation at end `E`.
    ListConcatenateRequest(Vec<Vec<u8>>): Concatenate => ListConcatenateResponse, concatenate, concatenated, "The values were added."
}

/// `listConcatenateFront` (truncates from the back).
pub type ListConcatenateFrontRequest = ListConcatenateRequest<Front>;
/// `listConcatenateBack` (truncates from the front).
pub type ListConcatenateBackRequest = ListConcatenateRequest<Back>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection_ttl::CollectionTtl;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;
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
