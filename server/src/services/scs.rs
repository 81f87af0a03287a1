//! `cache_client.Scs`, the data plane.
//!
//! The trait impl only extracts the cache name from the `cache` header and routes each RPC to
//! the module of its data type: [`super::scalar`], [`super::dictionary`], [`super::set`],
//! [`super::list`] and [`super::sorted_set`].

use std::sync::Arc;

use momento_proto::cache_client::*;
use tonic::{Request, Response, Status};

use super::{cache_name, dictionary, list, scalar, set, sorted_set, ResponseStream};
use crate::auth::Claims;
use crate::grpc::cache_client::scs_server::Scs;
use crate::permissions::{self, ScsRequest};
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

    /// Decodes the request, reads its cache name, authorizes the call against the caller's
    /// token ([`permissions::authorize_scs`]) and runs `op` on the store.
    fn call<Req: ScsRequest, Resp>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Resp, Status>,
    ) -> Result<Response<Resp>, Status> {
        let cache = cache_name(&request)?;
        permissions::authorize_scs(
            request.extensions().get::<Claims>(),
            &cache,
            request.get_ref(),
        )?;
        op(&self.store, &cache, request.into_inner()).map(Response::new)
    }

    /// Like [`ScsService::call`] for server-streaming RPCs whose items are computed up front.
    fn call_stream<Req: ScsRequest, Item: Send + 'static>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Vec<Item>, Status>,
    ) -> Result<Response<ResponseStream<Item>>, Status> {
        let items = self.call(request, op)?.into_inner();
        let stream: ResponseStream<Item> = Box::pin(tokio_stream::iter(items.into_iter().map(Ok)));
        Ok(Response::new(stream))
    }
}

#[tonic::async_trait]
impl Scs for ScsService {
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

    async fn dictionary_get(
        &self,
        request: Request<DictionaryGetRequest>,
    ) -> Result<Response<DictionaryGetResponse>, Status> {
        self.call(request, dictionary::get)
    }

    async fn dictionary_fetch(
        &self,
        request: Request<DictionaryFetchRequest>,
    ) -> Result<Response<DictionaryFetchResponse>, Status> {
        self.call(request, dictionary::fetch)
    }

    async fn dictionary_set(
        &self,
        request: Request<DictionarySetRequest>,
    ) -> Result<Response<DictionarySetResponse>, Status> {
        self.call(request, dictionary::set)
    }

    async fn dictionary_increment(
        &self,
        request: Request<DictionaryIncrementRequest>,
    ) -> Result<Response<DictionaryIncrementResponse>, Status> {
        self.call(request, dictionary::increment)
    }

    async fn dictionary_delete(
        &self,
        request: Request<DictionaryDeleteRequest>,
    ) -> Result<Response<DictionaryDeleteResponse>, Status> {
        self.call(request, dictionary::delete)
    }

    async fn dictionary_length(
        &self,
        request: Request<DictionaryLengthRequest>,
    ) -> Result<Response<DictionaryLengthResponse>, Status> {
        self.call(request, dictionary::length)
    }

    async fn set_fetch(
        &self,
        request: Request<SetFetchRequest>,
    ) -> Result<Response<SetFetchResponse>, Status> {
        self.call(request, set::fetch)
    }

    async fn set_sample(
        &self,
        request: Request<SetSampleRequest>,
    ) -> Result<Response<SetSampleResponse>, Status> {
        self.call(request, set::sample)
    }

    async fn set_union(
        &self,
        request: Request<SetUnionRequest>,
    ) -> Result<Response<SetUnionResponse>, Status> {
        self.call(request, set::union)
    }

    async fn set_difference(
        &self,
        request: Request<SetDifferenceRequest>,
    ) -> Result<Response<SetDifferenceResponse>, Status> {
        self.call(request, set::difference)
    }

    async fn set_contains(
        &self,
        request: Request<SetContainsRequest>,
    ) -> Result<Response<SetContainsResponse>, Status> {
        self.call(request, set::contains)
    }

    async fn set_length(
        &self,
        request: Request<SetLengthRequest>,
    ) -> Result<Response<SetLengthResponse>, Status> {
        self.call(request, set::length)
    }

    async fn set_pop(
        &self,
        request: Request<SetPopRequest>,
    ) -> Result<Response<SetPopResponse>, Status> {
        self.call(request, set::pop)
    }

    async fn list_push_front(
        &self,
        request: Request<ListPushFrontRequest>,
    ) -> Result<Response<ListPushFrontResponse>, Status> {
        self.call(request, list::push_front)
    }

    async fn list_push_back(
        &self,
        request: Request<ListPushBackRequest>,
    ) -> Result<Response<ListPushBackResponse>, Status> {
        self.call(request, list::push_back)
    }

    async fn list_pop_front(
        &self,
        request: Request<ListPopFrontRequest>,
    ) -> Result<Response<ListPopFrontResponse>, Status> {
        self.call(request, list::pop_front)
    }

    async fn list_pop_back(
        &self,
        request: Request<ListPopBackRequest>,
    ) -> Result<Response<ListPopBackResponse>, Status> {
        self.call(request, list::pop_back)
    }

    async fn list_erase(
        &self,
        request: Request<ListEraseRequest>,
    ) -> Result<Response<ListEraseResponse>, Status> {
        self.call(request, list::erase)
    }

    async fn list_remove(
        &self,
        request: Request<ListRemoveRequest>,
    ) -> Result<Response<ListRemoveResponse>, Status> {
        self.call(request, list::remove)
    }

    async fn list_fetch(
        &self,
        request: Request<ListFetchRequest>,
    ) -> Result<Response<ListFetchResponse>, Status> {
        self.call(request, list::fetch)
    }

    async fn list_length(
        &self,
        request: Request<ListLengthRequest>,
    ) -> Result<Response<ListLengthResponse>, Status> {
        self.call(request, list::length)
    }

    async fn list_concatenate_front(
        &self,
        request: Request<ListConcatenateFrontRequest>,
    ) -> Result<Response<ListConcatenateFrontResponse>, Status> {
        self.call(request, list::concatenate_front)
    }

    async fn list_concatenate_back(
        &self,
        request: Request<ListConcatenateBackRequest>,
    ) -> Result<Response<ListConcatenateBackResponse>, Status> {
        self.call(request, list::concatenate_back)
    }

    async fn list_retain(
        &self,
        request: Request<ListRetainRequest>,
    ) -> Result<Response<ListRetainResponse>, Status> {
        self.call(request, list::retain)
    }

    async fn sorted_set_put(
        &self,
        request: Request<SortedSetPutRequest>,
    ) -> Result<Response<SortedSetPutResponse>, Status> {
        self.call(request, sorted_set::put)
    }

    async fn sorted_set_fetch(
        &self,
        request: Request<SortedSetFetchRequest>,
    ) -> Result<Response<SortedSetFetchResponse>, Status> {
        self.call(request, sorted_set::fetch)
    }

    async fn sorted_set_get_score(
        &self,
        request: Request<SortedSetGetScoreRequest>,
    ) -> Result<Response<SortedSetGetScoreResponse>, Status> {
        self.call(request, sorted_set::get_score)
    }

    async fn sorted_set_remove(
        &self,
        request: Request<SortedSetRemoveRequest>,
    ) -> Result<Response<SortedSetRemoveResponse>, Status> {
        self.call(request, sorted_set::remove)
    }

    async fn sorted_set_increment(
        &self,
        request: Request<SortedSetIncrementRequest>,
    ) -> Result<Response<SortedSetIncrementResponse>, Status> {
        self.call(request, sorted_set::increment)
    }

    async fn sorted_set_get_rank(
        &self,
        request: Request<SortedSetGetRankRequest>,
    ) -> Result<Response<SortedSetGetRankResponse>, Status> {
        self.call(request, sorted_set::get_rank)
    }

    async fn sorted_set_length(
        &self,
        request: Request<SortedSetLengthRequest>,
    ) -> Result<Response<SortedSetLengthResponse>, Status> {
        self.call(request, sorted_set::length)
    }

    async fn sorted_set_length_by_score(
        &self,
        request: Request<SortedSetLengthByScoreRequest>,
    ) -> Result<Response<SortedSetLengthByScoreResponse>, Status> {
        self.call(request, sorted_set::length_by_score)
    }

    async fn sorted_set_union_store(
        &self,
        request: Request<SortedSetUnionStoreRequest>,
    ) -> Result<Response<SortedSetUnionStoreResponse>, Status> {
        self.call(request, sorted_set::union_store)
    }
}
