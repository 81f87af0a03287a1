//! `length`: `/leaderboard.Leaderboard/GetLeaderboardLength` → the number of elements (0 for a missing
//! leaderboard).

use momento_proto::leaderboard::GetLeaderboardLengthRequest as Proto;

use crate::core::collection::{Leaderboard as Family, NamedRequest};
use crate::core::rpc::{success_with, unary};

/// A validated `length` request.
pub type LengthRequest = NamedRequest<Family, Proto>;

success_with! {
    /// The result of a `length`.
    LengthResponse: "The number of elements." => length: u32, "How many elements the leaderboard has."
}

unary! {
    LengthRequest: Proto => LengthResponse, cache;
    |self| Proto { leaderboard: self.name };
    |reply| Ok(LengthResponse::Success {
        length: reply.count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;
    use crate::core::rpc::UnaryRpc;
    use momento_proto::leaderboard::GetLeaderboardLengthResponse as ProtoResponse;

    #[test]
    fn maps_the_count() {
        let r = LengthRequest::new("c".into(), "lb".into()).unwrap();
        assert_eq!(r.cache_name(), Some("c"));
        assert_eq!(r.into_proto().leaderboard, "lb");
        assert_reply::<LengthRequest>(
            ProtoResponse { count: 4 },
            LengthResponse::Success { length: 4 },
        );
        assert!(LengthRequest::new("c".into(), "\t".into()).is_err());
    }
}
