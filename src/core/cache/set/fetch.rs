//! `setFetch`: `/cache_client.Scs/SetFetch` → every element, or Miss.

use momento_proto::cache_client::{set_fetch_response::Set, SetFetchRequest as Proto};

use super::SetElementsResponse;
use crate::core::collection::{NamedRequest, Set as Family};
use crate::core::rpc::{found_or_missing, unary};

/// A validated `setFetch` request.
pub type SetFetchRequest = NamedRequest<Family, Proto>;

unary! {
    SetFetchRequest: Proto => SetElementsResponse, cache;
    |self| Proto { set_name: self.name.into_bytes() };
    |reply| found_or_missing!(reply.set, Set, "SetFetch",
        |found| Ok(SetElementsResponse::Hit {
            elements: found.elements,
        }),
        Ok(SetElementsResponse::Miss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::set_fetch_response::{Found, Missing};
    use momento_proto::cache_client::SetFetchResponse as ProtoResponse;

    #[test]
    fn validates_and_maps() {
        assert!(SetFetchRequest::new("c".into(), " ".into()).is_err());
        assert_eq!(
            SetFetchRequest::new("c".into(), "s".into())
                .unwrap()
                .into_proto()
                .set_name,
            b"s"
        );
        let found = ProtoResponse {
            set: Some(Set::Found(Found {
                elements: vec![b"a".to_vec()],
            })),
        };
        assert_reply::<SetFetchRequest>(
            found,
            SetElementsResponse::Hit {
                elements: vec![b"a".to_vec()],
            },
        );
        let missing = ProtoResponse {
            set: Some(Set::Missing(Missing {})),
        };
        assert_reply::<SetFetchRequest>(missing, SetElementsResponse::Miss);
        assert!(SetFetchRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
