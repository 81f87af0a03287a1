//! `delete`: `/cache_client.Scs/Delete` → Success (also when the key did not exist).

use momento_proto::cache_client::{DeleteRequest as Proto, DeleteResponse as ProtoResponse};

use super::KeyRequest;
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated `delete` request.
pub type DeleteRequest = KeyRequest<Proto>;

/// The result of a `delete`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteResponse {
    /// The key no longer exists.
    Success,
}

call!(DeleteRequest: Proto => DeleteResponse, cache);

impl UnaryRpc for DeleteRequest {
    fn into_proto(self) -> Proto {
        Proto {
            cache_key: self.key,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<DeleteResponse, MomentoError> {
        Ok(DeleteResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_encodes() {
        assert!(DeleteRequest::new("c".into(), vec![]).is_err());
        let p = DeleteRequest::new("c".into(), b"k".to_vec())
            .unwrap()
            .into_proto();
        assert_eq!(p.cache_key, b"k");
    }
}
