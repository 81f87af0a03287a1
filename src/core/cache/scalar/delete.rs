//! `delete`: `/cache_client.Scs/Delete` → Success (also when the key did not exist).

use momento_proto::cache_client::DeleteRequest as Proto;

use super::KeyRequest;
use crate::core::rpc::success_rpc;

/// A validated `delete` request.
pub type DeleteRequest = KeyRequest<Proto>;

success_rpc! {
    /// The result of a `delete`.
    DeleteResponse { "The key no longer exists." } for DeleteRequest: Proto, cache;
    |self| Proto { cache_key: self.key }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn validates_and_encodes() {
        assert!(DeleteRequest::new("c".into(), vec![]).is_err());
        let p = DeleteRequest::new("c".into(), b"k".to_vec())
            .unwrap()
            .into_proto();
        assert_eq!(p.cache_key, b"k");
    }
}
