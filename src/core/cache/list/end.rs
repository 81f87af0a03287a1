//! The two ends of a list. Momento has a pair of RPCs for each end-wise operation (push, concatenate, pop); they differ
//! only in their proto messages, their paths and which end a push truncates, so [`End`] carries exactly that and
//! `push`, `concatenate` and `pop` are written once, generic over the end they touch.

use momento_proto::cache_client::{
    list_pop_back_response, list_pop_front_response, ListConcatenateBackRequest,
    ListConcatenateFrontRequest, ListPopBackRequest, ListPopFrontRequest, ListPushBackRequest,
    ListPushFrontRequest,
};
use momento_proto::rpc::RpcRequest;

use crate::core::collection_ttl::CollectionTtl;

/// The reply message of request message `M` (from the RPC table).
type ReplyOf<M> = <M as RpcRequest>::Response;

/// One end of a list: the messages of its push, concatenate and pop RPCs (the RPC table gives their paths and
/// replies).
pub trait End {
    /// The option that truncates the *other* end after a push or concatenation (`truncateBackToSize` for the
    /// front), as the official SDKs name it.
    const TRUNCATE_OPTION: &'static str;
    /// The `ListPush<End>` request message.
    type Push: RpcRequest;
    /// The `ListConcatenate<End>` request message.
    type Concatenate: RpcRequest;
    /// The `ListPop<End>` request message.
    type Pop: RpcRequest;
    /// A push of `value`; `truncate` is the other end's size limit (0 = none).
    fn push(list: Vec<u8>, value: Vec<u8>, ttl: CollectionTtl, truncate: u32) -> Self::Push;
    /// The list's length after a push.
    fn pushed(reply: ReplyOf<Self::Push>) -> u32;
    /// A concatenation of `values`, in order.
    fn concatenate(
        list: Vec<u8>,
        values: Vec<Vec<u8>>,
        ttl: CollectionTtl,
        truncate: u32,
    ) -> Self::Concatenate;
    /// The list's length after a concatenation.
    fn concatenated(reply: ReplyOf<Self::Concatenate>) -> u32;
    /// A pop.
    fn pop(list: Vec<u8>) -> Self::Pop;
    /// The popped element (`Some(Some(value))`), a missing list (`Some(None)`), or no result at all (`None`).
    fn popped(reply: ReplyOf<Self::Pop>) -> Option<Option<Vec<u8>>>;
}

/// The first element's end.
#[derive(Debug)]
pub enum Front {}

/// The last element's end.
#[derive(Debug)]
pub enum Back {}

/// Writes [`End`] for one end from what differs between the two: the messages, the truncation option and field,
/// and the pop reply's module and field.
macro_rules! end {
    ($end:ident, $option:literal, $truncate:ident, $push:ident, $concatenate:ident, $pop:ident, $popped:ident::$field:ident) => {
        impl End for $end {
            const TRUNCATE_OPTION: &'static str = $option;
            type Push = $push;
            type Concatenate = $concatenate;
            type Pop = $pop;

            fn push(
                list_name: Vec<u8>,
                value: Vec<u8>,
                ttl: CollectionTtl,
                truncate: u32,
            ) -> $push {
                $push {
                    list_name,
                    value,
                    ttl_milliseconds: ttl.ttl_ms,
                    refresh_ttl: ttl.refresh,
                    $truncate: truncate,
                }
            }
            fn pushed(reply: ReplyOf<$push>) -> u32 {
                reply.list_length
            }
            fn concatenate(
                list_name: Vec<u8>,
                values: Vec<Vec<u8>>,
                ttl: CollectionTtl,
                truncate: u32,
            ) -> $concatenate {
                $concatenate {
                    list_name,
                    values,
                    ttl_milliseconds: ttl.ttl_ms,
                    refresh_ttl: ttl.refresh,
                    $truncate: truncate,
                }
            }
            fn concatenated(reply: ReplyOf<$concatenate>) -> u32 {
                reply.list_length
            }
            fn pop(list_name: Vec<u8>) -> $pop {
                $pop { list_name }
            }
            fn popped(reply: ReplyOf<$pop>) -> Option<Option<Vec<u8>>> {
                match reply.list? {
                    $popped::List::Found(found) => Some(Some(found.$field)),
                    $popped::List::Missing(_) => Some(None),
                }
            }
        }
    };
}

end!(
    Front,
    "truncateBackToSize",
    truncate_back_to_size,
    ListPushFrontRequest,
    ListConcatenateFrontRequest,
    ListPopFrontRequest,
    list_pop_front_response::front
);
end!(
    Back,
    "truncateFrontToSize",
    truncate_front_to_size,
    ListPushBackRequest,
    ListConcatenateBackRequest,
    ListPopBackRequest,
    list_pop_back_response::back
);
