//! The two ends of a list. Momento has a pair of RPCs for each end-wise operation (push, concatenate, pop); they differ
//! only in their proto messages, their paths and which end a push truncates, so [`End`] carries exactly that and
//! `push`, `concatenate` and `pop` are written once, generic over the end they touch.

use momento_proto::cache_client::{
    list_pop_back_response, list_pop_front_response, ListConcatenateBackRequest,
    ListConcatenateBackResponse, ListConcatenateFrontRequest, ListConcatenateFrontResponse,
    ListPopBackRequest, ListPopBackResponse, ListPopFrontRequest, ListPopFrontResponse,
    ListPushBackRequest, ListPushBackResponse, ListPushFrontRequest, ListPushFrontResponse,
};
use prost::Message;

use crate::core::collection_ttl::CollectionTtl;
use crate::core::rpc::Rpc;

/// One end of a list: the messages and paths of its push, concatenate and pop RPCs.
pub trait End {
    /// The option that truncates the *other* end after a push or concatenation (`truncateBackToSize` for the
    /// front), as the official SDKs name it.
    const TRUNCATE_OPTION: &'static str;
    /// `ListPush<End>`.
    const PUSH: Rpc;
    /// `ListConcatenate<End>`.
    const CONCATENATE: Rpc;
    /// `ListPop<End>`.
    const POP: Rpc;
    /// The push request message.
    type Push: Message;
    /// The push reply.
    type PushReply: Message + Default;
    /// The concatenate request message.
    type Concatenate: Message;
    /// The concatenate reply.
    type ConcatenateReply: Message + Default;
    /// The pop request message.
    type Pop: Message;
    /// The pop reply.
    type PopReply: Message + Default;
    /// A push of `value`; `truncate` is the other end's size limit (0 = none).
    fn push(list: Vec<u8>, value: Vec<u8>, ttl: CollectionTtl, truncate: u32) -> Self::Push;
    /// The list's length after a push.
    fn pushed(reply: Self::PushReply) -> u32;
    /// A concatenation of `values`, in order.
    fn concatenate(
        list: Vec<u8>,
        values: Vec<Vec<u8>>,
        ttl: CollectionTtl,
        truncate: u32,
    ) -> Self::Concatenate;
    /// The list's length after a concatenation.
    fn concatenated(reply: Self::ConcatenateReply) -> u32;
    /// A pop.
    fn pop(list: Vec<u8>) -> Self::Pop;
    /// The popped element (`Some(Some(value))`), a missing list (`Some(None)`), or no result at all (`None`).
    fn popped(reply: Self::PopReply) -> Option<Option<Vec<u8>>>;
}

/// The first element's end.
#[derive(Debug)]
pub enum Front {}

/// The last element's end.
#[derive(Debug)]
pub enum Back {}

impl End for Front {
    const TRUNCATE_OPTION: &'static str = "truncateBackToSize";
    const PUSH: Rpc = Rpc::scs("/cache_client.Scs/ListPushFront");
    const CONCATENATE: Rpc = Rpc::scs("/cache_client.Scs/ListConcatenateFront");
    const POP: Rpc = Rpc::scs("/cache_client.Scs/ListPopFront");
    type Push = ListPushFrontRequest;
    type PushReply = ListPushFrontResponse;
    type Concatenate = ListConcatenateFrontRequest;
    type ConcatenateReply = ListConcatenateFrontResponse;
    type Pop = ListPopFrontRequest;
    type PopReply = ListPopFrontResponse;

    fn push(list_name: Vec<u8>, value: Vec<u8>, ttl: CollectionTtl, truncate: u32) -> Self::Push {
        ListPushFrontRequest {
            list_name,
            value,
            ttl_milliseconds: ttl.ttl_ms,
            refresh_ttl: ttl.refresh,
            truncate_back_to_size: truncate,
        }
    }
    fn pushed(reply: Self::PushReply) -> u32 {
        reply.list_length
    }
    fn concatenate(
        list_name: Vec<u8>,
        values: Vec<Vec<u8>>,
        ttl: CollectionTtl,
        truncate: u32,
    ) -> Self::Concatenate {
        ListConcatenateFrontRequest {
            list_name,
            values,
            ttl_milliseconds: ttl.ttl_ms,
            refresh_ttl: ttl.refresh,
            truncate_back_to_size: truncate,
        }
    }
    fn concatenated(reply: Self::ConcatenateReply) -> u32 {
        reply.list_length
    }
    fn pop(list_name: Vec<u8>) -> Self::Pop {
        ListPopFrontRequest { list_name }
    }
    fn popped(reply: Self::PopReply) -> Option<Option<Vec<u8>>> {
        match reply.list? {
            list_pop_front_response::List::Found(found) => Some(Some(found.front)),
            list_pop_front_response::List::Missing(_) => Some(None),
        }
    }
}

impl End for Back {
    const TRUNCATE_OPTION: &'static str = "truncateFrontToSize";
    const PUSH: Rpc = Rpc::scs("/cache_client.Scs/ListPushBack");
    const CONCATENATE: Rpc = Rpc::scs("/cache_client.Scs/ListConcatenateBack");
    const POP: Rpc = Rpc::scs("/cache_client.Scs/ListPopBack");
    type Push = ListPushBackRequest;
    type PushReply = ListPushBackResponse;
    type Concatenate = ListConcatenateBackRequest;
    type ConcatenateReply = ListConcatenateBackResponse;
    type Pop = ListPopBackRequest;
    type PopReply = ListPopBackResponse;

    fn push(list_name: Vec<u8>, value: Vec<u8>, ttl: CollectionTtl, truncate: u32) -> Self::Push {
        ListPushBackRequest {
            list_name,
            value,
            ttl_milliseconds: ttl.ttl_ms,
            refresh_ttl: ttl.refresh,
            truncate_front_to_size: truncate,
        }
    }
    fn pushed(reply: Self::PushReply) -> u32 {
        reply.list_length
    }
    fn concatenate(
        list_name: Vec<u8>,
        values: Vec<Vec<u8>>,
        ttl: CollectionTtl,
        truncate: u32,
    ) -> Self::Concatenate {
        ListConcatenateBackRequest {
            list_name,
            values,
            ttl_milliseconds: ttl.ttl_ms,
            refresh_ttl: ttl.refresh,
            truncate_front_to_size: truncate,
        }
    }
    fn concatenated(reply: Self::ConcatenateReply) -> u32 {
        reply.list_length
    }
    fn pop(list_name: Vec<u8>) -> Self::Pop {
        ListPopBackRequest { list_name }
    }
    fn popped(reply: Self::PopReply) -> Option<Option<Vec<u8>>> {
        match reply.list? {
            list_pop_back_response::List::Found(found) => Some(Some(found.back)),
            list_pop_back_response::List::Missing(_) => Some(None),
        }
    }
}
