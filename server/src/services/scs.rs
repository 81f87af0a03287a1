//! `cache_client.Scs`, the data plane.
//!
//! The trait impl only extracts the cache name from the `cache` header and routes each RPC to
//! the module of its data type: [`super::scalar`] today. Collection RPCs (dictionaries, sets,
//! lists, sorted sets) answer `UNIMPLEMENTED` (`"<Rpc> is not implemented yet in
//! momento-server"`); implementing one means moving its line from the `unimplemented` list of
//! `scs_impl!` below into the `implemented` block, delegating to a new module.

use std::sync::Arc;

use momento_proto::cache_client::*;
use tonic::{Request, Response, Status};

use super::{cache_name, not_implemented, scalar, ResponseStream};
use crate::grpc::cache_client::scs_server::Scs;
use crate::store::Store;

/// The data-plane service.
#[derive(Debug, Clone)]
pub struct ScsService {
    store: Arc<Store>,
}

impl ScsService {
    /// A data plane over `store`.
    pub fn new(store: Arc<Store>) -> Self {
        Self { store }
    }

    /// Decodes the request, reads its cache name and runs `op` on the store.
    fn call<Req, Resp>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Resp, Status>,
    ) -> Result<Response<Resp>, Status> {
        let cache = cache_name(&request)?;
        op(&self.store, &cache, request.into_inner()).map(Response::new)
    }

    /// Like [`ScsService::call`] for server-streaming RPCs whose items are computed up front.
    fn call_stream<Req, Item: Send + 'static>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Vec<Item>, Status>,
    ) -> Result<Response<ResponseStream<Item>>, Status> {
        let items = self.call(request, op)?.into_inner();
        let stream: ResponseStream<Item> = Box::pin(tokio_stream::iter(items.into_iter().map(Ok)));
        Ok(Response::new(stream))
    }
}

/// Expands to the `Scs` impl: the `implemented` methods verbatim, plus an `UNIMPLEMENTED` stub
/// per `unimplemented` line (`method(Request) -> Response = "RpcName";`).
macro_rules! scs_impl {
    (
        implemented { $($implemented:tt)* }
        unimplemented { $($method:ident($req:ty) -> $resp:ty = $rpc:literal;)* }
    ) => {
        #[tonic::async_trait]
        impl Scs for ScsService {
            $($implemented)*

            $(
                async fn $method(&self, _request: Request<$req>) -> Result<Response<$resp>, Status> {
                    Err(not_implemented($rpc))
                }
            )*
        }
    };
}

scs_impl! {
    implemented {
        async fn get(&self, request: Request<GetRequest>) -> Result<Response<GetResponse>, Status> {
            self.call(request, scalar::get)
        }

        async fn get_with_hash(
            &self,
            request: Request<GetWithHashRequest>,
        ) -> Result<Response<GetWithHashResponse>, Status> {
            self.call(request, scalar::get_with_hash)
        }

        type GetBatchStream = ResponseStream<GetResponse>;

        async fn get_batch(
            &self,
            request: Request<GetBatchRequest>,
        ) -> Result<Response<Self::GetBatchStream>, Status> {
            self.call_stream(request, scalar::get_batch)
        }

        async fn set(&self, request: Request<SetRequest>) -> Result<Response<SetResponse>, Status> {
            self.call(request, scalar::set)
        }

        type SetBatchStream = ResponseStream<SetResponse>;

        async fn set_batch(
            &self,
            request: Request<SetBatchRequest>,
        ) -> Result<Response<Self::SetBatchStream>, Status> {
            self.call_stream(request, scalar::set_batch)
        }

        async fn set_if(
            &self,
            request: Request<SetIfRequest>,
        ) -> Result<Response<SetIfResponse>, Status> {
            self.call(request, scalar::set_if)
        }

        async fn set_if_hash(
            &self,
            request: Request<SetIfHashRequest>,
        ) -> Result<Response<SetIfHashResponse>, Status> {
            self.call(request, scalar::set_if_hash)
        }

        async fn set_if_not_exists(
            &self,
            request: Request<SetIfNotExistsRequest>,
        ) -> Result<Response<SetIfNotExistsResponse>, Status> {
            self.call(request, scalar::set_if_not_exists)
        }

        async fn delete(
            &self,
            request: Request<DeleteRequest>,
        ) -> Result<Response<DeleteResponse>, Status> {
            self.call(request, scalar::delete)
        }

        async fn keys_exist(
            &self,
            request: Request<KeysExistRequest>,
        ) -> Result<Response<KeysExistResponse>, Status> {
            self.call(request, scalar::keys_exist)
        }

        async fn increment(
            &self,
            request: Request<IncrementRequest>,
        ) -> Result<Response<IncrementResponse>, Status> {
            self.call(request, scalar::increment)
        }

        async fn update_ttl(
            &self,
            request: Request<UpdateTtlRequest>,
        ) -> Result<Response<UpdateTtlResponse>, Status> {
            self.call(request, scalar::update_ttl)
        }

        async fn item_get_ttl(
            &self,
            request: Request<ItemGetTtlRequest>,
        ) -> Result<Response<ItemGetTtlResponse>, Status> {
            self.call(request, scalar::item_get_ttl)
        }

        async fn item_get_type(
            &self,
            request: Request<ItemGetTypeRequest>,
        ) -> Result<Response<ItemGetTypeResponse>, Status> {
            self.call(request, scalar::item_get_type)
        }
    }
    unimplemented {
        dictionary_get(DictionaryGetRequest) -> DictionaryGetResponse = "DictionaryGet";
        dictionary_fetch(DictionaryFetchRequest) -> DictionaryFetchResponse = "DictionaryFetch";
        dictionary_set(DictionarySetRequest) -> DictionarySetResponse = "DictionarySet";
        dictionary_increment(DictionaryIncrementRequest) -> DictionaryIncrementResponse = "DictionaryIncrement";
        dictionary_delete(DictionaryDeleteRequest) -> DictionaryDeleteResponse = "DictionaryDelete";
        dictionary_length(DictionaryLengthRequest) -> DictionaryLengthResponse = "DictionaryLength";
        set_fetch(SetFetchRequest) -> SetFetchResponse = "SetFetch";
        set_sample(SetSampleRequest) -> SetSampleResponse = "SetSample";
        set_union(SetUnionRequest) -> SetUnionResponse = "SetUnion";
        set_difference(SetDifferenceRequest) -> SetDifferenceResponse = "SetDifference";
        set_contains(SetContainsRequest) -> SetContainsResponse = "SetContains";
        set_length(SetLengthRequest) -> SetLengthResponse = "SetLength";
        set_pop(SetPopRequest) -> SetPopResponse = "SetPop";
        list_push_front(ListPushFrontRequest) -> ListPushFrontResponse = "ListPushFront";
        list_push_back(ListPushBackRequest) -> ListPushBackResponse = "ListPushBack";
        list_pop_front(ListPopFrontRequest) -> ListPopFrontResponse = "ListPopFront";
        list_pop_back(ListPopBackRequest) -> ListPopBackResponse = "ListPopBack";
        list_erase(ListEraseRequest) -> ListEraseResponse = "ListErase";
        list_remove(ListRemoveRequest) -> ListRemoveResponse = "ListRemove";
        list_fetch(ListFetchRequest) -> ListFetchResponse = "ListFetch";
        list_length(ListLengthRequest) -> ListLengthResponse = "ListLength";
        list_concatenate_front(ListConcatenateFrontRequest) -> ListConcatenateFrontResponse = "ListConcatenateFront";
        list_concatenate_back(ListConcatenateBackRequest) -> ListConcatenateBackResponse = "ListConcatenateBack";
        list_retain(ListRetainRequest) -> ListRetainResponse = "ListRetain";
        sorted_set_put(SortedSetPutRequest) -> SortedSetPutResponse = "SortedSetPut";
        sorted_set_fetch(SortedSetFetchRequest) -> SortedSetFetchResponse = "SortedSetFetch";
        sorted_set_get_score(SortedSetGetScoreRequest) -> SortedSetGetScoreResponse = "SortedSetGetScore";
        sorted_set_remove(SortedSetRemoveRequest) -> SortedSetRemoveResponse = "SortedSetRemove";
        sorted_set_increment(SortedSetIncrementRequest) -> SortedSetIncrementResponse = "SortedSetIncrement";
        sorted_set_get_rank(SortedSetGetRankRequest) -> SortedSetGetRankResponse = "SortedSetGetRank";
        sorted_set_length(SortedSetLengthRequest) -> SortedSetLengthResponse = "SortedSetLength";
        sorted_set_length_by_score(SortedSetLengthByScoreRequest) -> SortedSetLengthByScoreResponse = "SortedSetLengthByScore";
        sorted_set_union_store(SortedSetUnionStoreRequest) -> SortedSetUnionStoreResponse = "SortedSetUnionStore";
    }
}
