//! The collections' length RPCs, a row each: `dictionaryLength`, `listLength`, `setLength` and `sortedSetLength`
//! (`/cache_client.Scs/<Family>Length`) → Hit with the number of fields or elements, or Miss when the collection does
//! not exist (or expired). `sortedSetLength` reports a found length of 0 as Miss too, as the official SDKs do.

use momento_proto::cache_client as pb;

use crate::core::collection::{self, NamedRequest};
use crate::core::error::MomentoError;
use crate::core::rpc::{call, hit_or_miss, UnaryRpc};

hit_or_miss! {
    /// The result of a length RPC (`sortedSetLengthByScore` answers with it too).
    LengthResponse: "The collection exists." => length: u32, "Its number of fields or elements.", "The collection does not exist (or expired)."
}

impl LengthResponse {
    /// A reply's result: `Some(Some(length))` found, `Some(None)` missing, `None` no result (the `UNKNOWN` error
    /// `no_result`). A found length below `min_hit` is a Miss.
    pub(crate) fn of(
        result: Option<Option<u32>>,
        min_hit: u32,
        no_result: &'static str,
    ) -> Result<Self, MomentoError> {
        match result {
            Some(Some(length)) if length >= min_hit => Ok(Self::Hit { length }),
            Some(_) => Ok(Self::Miss),
            None => Err(MomentoError::unknown_service(no_result)),
        }
    }
}

/// Defines the length RPCs, a row each: `Request = Family, Proto { name_field } => reply.field: module::Oneof,
/// "Rpc", min_hit` (the smallest found length that is a Hit).
macro_rules! lengths {
    ($($(#[$doc:meta])* $request:ident = $family:ident, $proto:ident { $name:ident } => reply.$field:ident: $module:ident::$oneof:ident, $rpc:literal, $min_hit:literal;)+) => {$(
        $(#[$doc])*
        pub type $request = NamedRequest<collection::$family, pb::$proto>;

        call!($request: pb::$proto => LengthResponse, cache);

        impl UnaryRpc for $request {
            fn into_proto(self) -> pb::$proto {
                pb::$proto { $name: self.name.into_bytes() }
            }

            fn from_proto(reply: crate::core::rpc::ProtoReply<Self>) -> Result<LengthResponse, MomentoError> {
                let result = reply.$field.map(|result| match result {
                    pb::$module::$oneof::Found(found) => Some(found.length),
                    pb::$module::$oneof::Missing(_) => None,
                });
                LengthResponse::of(result, $min_hit, concat!($rpc, " response without a result"))
            }
        }
    )+};
}

lengths! {
    /// A validated `dictionaryLength` request.
    DictionaryLengthRequest = Dictionary, DictionaryLengthRequest { dictionary_name } => reply.dictionary: dictionary_length_response::Dictionary, "DictionaryLength", 0;
    /// A validated `listLength` request.
    ListLengthRequest = List, ListLengthRequest { list_name } => reply.list: list_length_response::List, "ListLength", 0;
    /// A validated `setLength` request.
    SetLengthRequest = Set, SetLengthRequest { set_name } => reply.set: set_length_response::Set, "SetLength", 0;
    /// A validated `sortedSetLength` request.
    SortedSetLengthRequest = SortedSet, SortedSetLengthRequest { set_name } => reply.sorted_set: sorted_set_length_response::SortedSet, "SortedSetLength", 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::cache::sorted_set::length_by_score::SortedSetLengthByScoreRequest;

    /// Per RPC (with the arguments after the names): the name field it sends, its reply with a found length, with Missing and with no result, and whether
    /// a found 0 is a Miss.
    macro_rules! check {
        ($($request:ty $(, $arg:expr)* => $name:ident, $module:ident::$oneof:ident, $field:ident, $rpc:literal, $zero_is_miss:literal;)+) => {$({
            use pb::$module::{Found, Missing};
            assert!(<$request>::new("c".into(), "".into() $(, $arg)*).is_err());
            let p = <$request>::new("c".into(), "n".into() $(, $arg)*).unwrap().into_proto();
            assert_eq!(p.$name, b"n");
            let found = |length| ProtoReply { $field: Some(pb::$module::$oneof::Found(Found { length })) };
            let missing = ProtoReply { $field: Some(pb::$module::$oneof::Missing(Missing {})) };
            type ProtoReply = crate::core::rpc::ProtoReply<$request>;
            assert_eq!(<$request>::from_proto(found(3)).unwrap(), LengthResponse::Hit { length: 3 });
            let zero = if $zero_is_miss { LengthResponse::Miss } else { LengthResponse::Hit { length: 0 } };
            assert_eq!(<$request>::from_proto(found(0)).unwrap(), zero);
            assert_eq!(<$request>::from_proto(missing).unwrap(), LengthResponse::Miss);
            let none = <$request>::from_proto(ProtoReply::default()).unwrap_err();
            assert_eq!(none.message, concat!($rpc, " response without a result"));
        })+};
    }

    #[test]
    fn validates_encodes_and_maps_results() {
        check! {
            DictionaryLengthRequest => dictionary_name, dictionary_length_response::Dictionary, dictionary, "DictionaryLength", false;
            ListLengthRequest => list_name, list_length_response::List, list, "ListLength", false;
            SetLengthRequest => set_name, set_length_response::Set, set, "SetLength", false;
            SortedSetLengthRequest => set_name, sorted_set_length_response::SortedSet, sorted_set, "SortedSetLength", true;
            SortedSetLengthByScoreRequest, None, None => set_name, sorted_set_length_by_score_response::SortedSet, sorted_set, "SortedSetLengthByScore", true;
        }
    }
}
