//! `delete`: `/leaderboard.Leaderboard/DeleteLeaderboard` → Success (also for a leaderboard that does not
//! exist).

use momento_proto::common::Empty as ProtoResponse;
use momento_proto::leaderboard::DeleteLeaderboardRequest as Proto;

use crate::core::collection::{Leaderboard as Family, NamedRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, UnaryRpc};

/// A validated leaderboard `delete` request.
pub type DeleteRequest = NamedRequest<Family, Proto>;

/// The result of a leaderboard `delete`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteResponse {
    /// The leaderboard is gone.
    Success,
}

call!(DeleteRequest: Proto => DeleteResponse, cache);

impl UnaryRpc for DeleteRequest {
    fn into_proto(self) -> Proto {
        Proto {
            leaderboard: self.name,
        }
    }

    fn from_proto(_reply: ProtoResponse) -> Result<DeleteResponse, MomentoError> {
        Ok(DeleteResponse::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;

    #[test]
    fn encodes_the_name() {
        let r = DeleteRequest::new("c".into(), "lb".into()).unwrap();
        assert_eq!(r.cache_name(), Some("c"));
        assert_eq!(r.into_proto().leaderboard, "lb");
        assert!(DeleteRequest::new(" ".into(), "lb".into()).is_err());
        assert_reply::<DeleteRequest>(ProtoResponse {}, DeleteResponse::Success);
    }
}
