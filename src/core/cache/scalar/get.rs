//! `get`: `/cache_client.Scs/Get` → Hit with the value, or Miss.

use momento_proto::cache_client::GetRequest as Proto;

use super::KeyRequest;
use crate::core::cache::is_hit;
use crate::core::rpc::{hit_or_miss, unary};

/// A validated `get` request.
pub type GetRequest = KeyRequest<Proto>;

hit_or_miss! {
    /// The result of a `get`.
    GetResponse: "The key exists; its value." => value: Vec<u8>, "The stored bytes.", "The key does not exist (or expired)."
}

unary! {
    GetRequest: Proto => GetResponse, cache;
    |self| Proto { cache_key: self.key };
    |reply| if is_hit(reply.result, "Get", Some(&reply.message))? {
        Ok(GetResponse::Hit {
            value: reply.cache_body,
        })
    } else {
        Ok(GetResponse::Miss)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::cache_client::ECacheResult;
    use momento_proto::cache_client::GetResponse as ProtoResponse;

    #[test]
    fn validates_before_sending() {
        assert!(GetRequest::new("".into(), b"k".to_vec()).is_err());
        assert!(GetRequest::new("c".into(), vec![]).is_err());
    }

    #[test]
    fn maps_results() {
        let hit = ProtoResponse {
            result: ECacheResult::Hit as i32,
            cache_body: b"v".to_vec(),
            message: String::new(),
        };
        assert_reply::<GetRequest>(
            hit,
            GetResponse::Hit {
                value: b"v".to_vec(),
            },
        );
        let miss = ProtoResponse {
            result: ECacheResult::Miss as i32,
            ..Default::default()
        };
        assert_eq!(GetRequest::from_proto(miss).unwrap(), GetResponse::Miss);
        assert!(GetRequest::from_proto(ProtoResponse::default()).is_err());
    }
}
