//! `listPushFront` / `listPushBack`: `/cache_client.Scs/ListPush{Front,Back}` → the list's length afterwards. Adds
//! one value at the [`End`]; truncates the other end. Never retried: a repeat would add twice.

use super::end::{Back, End, Front};
use super::{insert, ListInsertRequest};

insert! {
    /// A validated push at end `E`.
    ListPushRequest(Vec<u8>): Push => ListPushResponse, push, pushed, "The value was added."
}

/// `listPushFront` (truncates from the back).
pub type ListPushFrontRequest = ListPushRequest<Front>;
/// `listPushBack` (truncates from the front).
pub type ListPushBackRequest = ListPushRequest<Back>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::collection_ttl::CollectionTtl;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::ListPushFrontResponse;

    fn ttl() -> CollectionTtl {
        CollectionTtl::new(Some(5.0), false, 60_000).unwrap()
    }

    #[test]
    fn encodes_values_ttl_and_truncation_at_either_end() {
        let p = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(3.0), ttl())
            .unwrap()
            .into_proto();
        assert_eq!(p.list_name, b"l");
        assert_eq!(p.value, b"v".to_vec());
        assert_eq!(
            (p.ttl_milliseconds, p.refresh_ttl, p.truncate_back_to_size),
            (5_000, false, 3)
        );
        let p = ListPushBackRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(2.0), ttl())
            .unwrap()
            .into_proto();
        assert_eq!(p.truncate_front_to_size, 2);
        let p = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), None, ttl())
            .unwrap()
            .into_proto();
        assert_eq!(
            p.truncate_back_to_size, 0,
            "no truncation is the proto's unset 0"
        );
        assert_eq!(
            ListPushFrontRequest::RPC.path,
            "/cache_client.Scs/ListPushFront"
        );
        assert_eq!(
            ListPushBackRequest::RPC.path,
            "/cache_client.Scs/ListPushBack"
        );
    }

    #[test]
    fn validates_before_sending() {
        let e = ListPushFrontRequest::new("c".into(), " ".into(), b"v".to_vec(), None, ttl())
            .unwrap_err();
        assert_eq!(e.message, "list name must not be empty");
        let e = ListPushBackRequest::new("".into(), "l".into(), b"v".to_vec(), None, ttl())
            .unwrap_err();
        assert_eq!(e.message, "cache name must not be empty");
        let e = ListPushFrontRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(-1.0), ttl())
            .unwrap_err();
        assert_eq!(e.message, "truncateBackToSize must be a positive integer");
        let e = ListPushBackRequest::new("c".into(), "l".into(), b"v".to_vec(), Some(0.5), ttl())
            .unwrap_err();
        assert_eq!(e.message, "truncateFrontToSize must be a positive integer");
    }

    #[test]
    fn answers_the_new_length() {
        assert_reply::<ListPushFrontRequest>(
            ListPushFrontResponse { list_length: 4 },
            ListPushResponse::Success { list_length: 4 },
        );
    }
}
