//! `setContainsElement` / `setContainsElements`: `/cache_client.Scs/SetContains` → one boolean per element, in
//! request order, or Miss.

use momento_proto::cache_client::{set_contains_response::Set, SetContainsRequest as Proto};

use crate::core::collection::{ItemsRequest, Set as Family};
use crate::core::rpc::{found_or_missing, hit_or_miss, unary};

/// A validated `setContainsElements` request (`setContainsElement` sends one element).
pub type SetContainsRequest = ItemsRequest<Family, Proto>;

hit_or_miss! {
    /// The result of a `setContainsElements`.
    SetContainsResponse: "The set exists." => contains: Vec<bool>, "`contains[i]` answers for the i-th requested element.", "The set does not exist (or expired)."
}

unary! {
    SetContainsRequest: Proto => SetContainsResponse, cache;
    |self| Proto { set_name: self.name, elements: self.items };
    |reply| found_or_missing!(reply.set, Set, "SetContains",
        |found| Ok(SetContainsResponse::Hit {
            contains: found.contains,
        }),
        Ok(SetContainsResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::set_contains_response::{Found, Missing};
    use momento_proto::cache_client::SetContainsResponse as ProtoResponse;

    #[test]
    fn validates_encodes_and_maps() {
        assert!(SetContainsRequest::new("c".into(), " ".into(), vec![]).is_err());
        let p = SetContainsRequest::new("c".into(), "s".into(), vec![b"a".to_vec()])
            .unwrap()
            .into_proto();
        assert_eq!(
            (p.set_name, p.elements),
            (b"s".to_vec(), vec![b"a".to_vec()])
        );
        let found = ProtoResponse {
            set: Some(Set::Found(Found {
                contains: vec![true, false],
            })),
        };
        assert_reply::<SetContainsRequest>(
            found,
            SetContainsResponse::Hit {
                contains: vec![true, false],
            },
        );
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_reply::<SetContainsRequest>(missing, SetContainsResponse::Miss);
        assert!(SetContainsRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
