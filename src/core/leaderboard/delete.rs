//! `delete`: `/leaderboard.Leaderboard/DeleteLeaderboard` → Success (also for a leaderboard that does not
//! exist).

use momento_proto::leaderboard::DeleteLeaderboardRequest as Proto;

use crate::core::collection::{Leaderboard as Family, NamedRequest};
use crate::core::rpc::success_rpc;

/// A validated leaderboard `delete` request.
pub type DeleteRequest = NamedRequest<Family, Proto>;

success_rpc! {
    /// The result of a leaderboard `delete`.
    DeleteResponse { "The leaderboard is gone." } for DeleteRequest: Proto, cache;
    |self| Proto { leaderboard: self.name }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;

    #[test]
    fn encodes_the_name() {
        let r = DeleteRequest::new("c".into(), "lb".into()).unwrap();
        assert_eq!(r.cache_name(), Some("c"));
        assert_eq!(r.into_proto().leaderboard, "lb");
        assert!(DeleteRequest::new(" ".into(), "lb".into()).is_err());
        assert_reply::<DeleteRequest>(Default::default(), DeleteResponse::Success);
    }
}
