//! `get`: `/cache_client.Scs/Get` → Hit with the value, or Miss.

use momento_proto::cache_client::{GetRequest as Proto, GetResponse as ProtoResponse};

use super::KeyRequest;
use crate::core::cache::is_hit;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, hit_or_miss, UnaryRpc};

/// A validated `get` request.
pub type GetRequest = KeyRequest<Proto>;

hit_or_miss! {
    /// The result of a `get`.
    GetResponse: "The key exists; its value." => value: Vec<u8>, "The stored bytes.", "The key does not exist (or expired)."
}

call!(GetRequest: Proto => GetResponse, cache);

impl UnaryRpc for GetRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_key: self.key,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<GetResponse, MomentoError> {
        if is_hit(reply.result, "Get", Some(&reply.message))? {
            Ok(GetResponse::Hit {
                value: reply.cache_body,
            })
        } else {
            Ok(GetResponse::Miss)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use momento_proto::cache_client::ECacheResult;

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
