//! `length`: `/leaderboard.Leaderboard/GetLeaderboardLength` → the number of elements (0 for a missing
//! leaderboard).

use momento_proto::leaderboard::{
    GetLeaderboardLengthRequest as Proto, GetLeaderboardLengthResponse as ProtoResponse,
};

use crate::core::collection::{Leaderboard as Family, NamedRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, success_with, UnaryRpc};

/// A validated `length` request.
pub type LengthRequest = NamedRequest<Family, Proto>;

success_with! {
    /// The result of a `length`.
    LengthResponse: "The number of elements." => length: u32, "How many elements the leaderboard has."
}

call!(LengthRequest: Proto => LengthResponse, cache);

impl UnaryRpc for LengthRequest {
    fn into_proto(self) -> Proto {
        Proto {
            leaderboard: self.name,
        }
    }

    fn from_proto(reply: ProtoResponse) -> Result<LengthResponse, MomentoError> {
        Ok(LengthResponse::Success {
            length: reply.count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::rpc::assert_reply;
    use crate::core::rpc::Call;

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
