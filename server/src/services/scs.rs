//! `cache_client.Scs`, the data plane.
//!
//! The trait impl only extracts the cache name from the `cache` header and routes each RPC to
//! the module of its data type: [`super::scalar`], [`super::dictionary`], [`super::set`],
//! [`super::list`] and [`super::sorted_set`].

use std::sync::Arc;

use momento_proto::cache_client::*;
use tonic::{Request, Response, Status};

use super::{cache_name, dictionary, list, scalar, set, sorted_set, ResponseStream};
use crate::budget::{Admission, ResponseTooLarge};
use crate::grpc::cache_client::scs_server::Scs;
use crate::metrics::to_u64;
use crate::permissions::{self, ScsRequest};
use crate::store::Store;
use crate::token::Claims;

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
    ///
    /// Under a memory cap the call also takes its response's share of the in-flight budget
    /// ([`crate::budget`]): before `op` copies anything out of the store, room for what
    /// `bound` says the response may carry (a response that cannot fit in the whole budget is
    /// refused with `RESOURCE_EXHAUSTED`); afterwards, exactly what the response (`size` bytes
    /// encoded) needs.
    async fn run<Req: ScsRequest + Send, Resp>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Resp, Status> + Send,
        bound: impl FnOnce(&Store, &str, &Req) -> Option<u64> + Send,
        size: impl FnOnce(&Resp) -> usize + Send,
    ) -> Result<Response<Resp>, Status> {
        let cache = cache_name(&request)?;
        permissions::authorize_scs(
            request.extensions().get::<Claims>(),
            &cache,
            request.get_ref(),
        )?;
        let admission = request.extensions().get::<Admission>().cloned();
        if let Some(admission) = &admission {
            if let Some(bytes) = bound(&self.store, &cache, request.get_ref()) {
                admission
                    .reserve_response(bytes)
                    .await
                    .map_err(|e| response_too_large(Req::RPC, bytes, e))?;
            }
        }
        let response = op(&self.store, &cache, request.into_inner())?;
        if let Some(admission) = admission {
            admission.settle_response(to_u64(size(&response)));
        }
        Ok(Response::new(response))
    }

    /// [`ScsService::run`] for unary RPCs, bounded by [`stored_bytes`].
    async fn call<Req: ScsRequest + Send, Resp: prost::Message>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Resp, Status> + Send,
    ) -> Result<Response<Resp>, Status> {
        self.run(request, op, stored_bytes, Resp::encoded_len).await
    }

    /// Like [`ScsService::call`] for server-streaming RPCs whose items are computed up front.
    async fn call_stream<Req: ScsRequest + Send, Item: prost::Message + Send + 'static>(
        &self,
        request: Request<Req>,
        op: impl FnOnce(&Store, &str, Req) -> Result<Vec<Item>, Status> + Send,
    ) -> Result<Response<ResponseStream<Item>>, Status> {
        // Each item is its own gRPC message: 5 bytes of length prefix each.
        let size = |items: &Vec<Item>| {
            items
                .iter()
                .map(|item| item.encoded_len().saturating_add(5))
                .fold(0usize, usize::saturating_add)
        };
        let items = self
            .run(request, op, stored_bytes, size)
            .await?
            .into_inner();
        let stream: ResponseStream<Item> = Box::pin(tokio_stream::iter(items.into_iter().map(Ok)));
        Ok(Response::new(stream))
    }
}

/// What the stored items a response of `request` may return weigh: every key it names counted
/// as often as it is named (a GetBatch naming one key 200 times returns it 200 times). `None`
/// when the response carries no stored data or they do not exist.
fn stored_bytes<Req: ScsRequest>(store: &Store, cache: &str, request: &Req) -> Option<u64> {
    if !request.returns_stored_data() {
        return None;
    }
    let total = request
        .keys()
        .into_iter()
        .chain(request.read_keys())
        .filter_map(|key| store.charged_size(cache, key))
        .fold(0usize, usize::saturating_add);
    (total > 0).then(|| to_u64(total))
}

/// `RESOURCE_EXHAUSTED` for a response that could not fit in the in-flight budget even alone.
fn response_too_large(rpc: &str, bytes: u64, error: ResponseTooLarge) -> Status {
    crate::log_warn!(
        "event=response_too_large rpc={rpc} stored_bytes={bytes} cost_bytes={} \
         in_flight_budget_bytes={}",
        error.cost_bytes,
        error.budget_bytes
    );
    Status::resource_exhausted(format!(
        "Response size limit exceeded: {rpc} would return about {bytes} bytes of stored data, \
         more than one response may carry under this server's memory cap (its in-flight budget \
         is {} bytes; --max-memory-mb); ask for fewer or smaller items",
        error.budget_bytes
    ))
}

#[tonic::async_trait]
impl Scs for ScsService {
    async fn get(&self, request: Request<GetRequest>) -> Result<Response<GetResponse>, Status> {
        self.call(request, scalar::get).await
    }

    async fn get_with_hash(
        &self,
        request: Request<GetWithHashRequest>,
    ) -> Result<Response<GetWithHashResponse>, Status> {
        self.call(request, scalar::get_with_hash).await
    }

    type GetBatchStream = ResponseStream<GetResponse>;

    async fn get_batch(
        &self,
        request: Request<GetBatchRequest>,
    ) -> Result<Response<Self::GetBatchStream>, Status> {
        self.call_stream(request, scalar::get_batch).await
    }

    async fn set(&self, request: Request<SetRequest>) -> Result<Response<SetResponse>, Status> {
        self.call(request, scalar::set).await
    }

    type SetBatchStream = ResponseStream<SetResponse>;

    async fn set_batch(
        &self,
        request: Request<SetBatchRequest>,
    ) -> Result<Response<Self::SetBatchStream>, Status> {
        self.call_stream(request, scalar::set_batch).await
    }

    async fn set_if(
        &self,
        request: Request<SetIfRequest>,
    ) -> Result<Response<SetIfResponse>, Status> {
        self.call(request, scalar::set_if).await
    }

    async fn set_if_hash(
        &self,
        request: Request<SetIfHashRequest>,
    ) -> Result<Response<SetIfHashResponse>, Status> {
        self.call(request, scalar::set_if_hash).await
    }

    async fn set_if_not_exists(
        &self,
        request: Request<SetIfNotExistsRequest>,
    ) -> Result<Response<SetIfNotExistsResponse>, Status> {
        self.call(request, scalar::set_if_not_exists).await
    }

    async fn delete(
        &self,
        request: Request<DeleteRequest>,
    ) -> Result<Response<DeleteResponse>, Status> {
        self.call(request, scalar::delete).await
    }

    async fn keys_exist(
        &self,
        request: Request<KeysExistRequest>,
    ) -> Result<Response<KeysExistResponse>, Status> {
        self.call(request, scalar::keys_exist).await
    }

    async fn increment(
        &self,
        request: Request<IncrementRequest>,
    ) -> Result<Response<IncrementResponse>, Status> {
        self.call(request, scalar::increment).await
    }

    async fn update_ttl(
        &self,
        request: Request<UpdateTtlRequest>,
    ) -> Result<Response<UpdateTtlResponse>, Status> {
        self.call(request, scalar::update_ttl).await
    }

    async fn item_get_ttl(
        &self,
        request: Request<ItemGetTtlRequest>,
    ) -> Result<Response<ItemGetTtlResponse>, Status> {
        self.call(request, scalar::item_get_ttl).await
    }

    async fn item_get_type(
        &self,
        request: Request<ItemGetTypeRequest>,
    ) -> Result<Response<ItemGetTypeResponse>, Status> {
        self.call(request, scalar::item_get_type).await
    }

    async fn dictionary_get(
        &self,
        request: Request<DictionaryGetRequest>,
    ) -> Result<Response<DictionaryGetResponse>, Status> {
        self.run(
            request,
            dictionary::get,
            dictionary::get_response_bound,
            prost::Message::encoded_len,
        )
        .await
    }

    async fn dictionary_fetch(
        &self,
        request: Request<DictionaryFetchRequest>,
    ) -> Result<Response<DictionaryFetchResponse>, Status> {
        self.call(request, dictionary::fetch).await
    }

    async fn dictionary_set(
        &self,
        request: Request<DictionarySetRequest>,
    ) -> Result<Response<DictionarySetResponse>, Status> {
        self.call(request, dictionary::set).await
    }

    async fn dictionary_increment(
        &self,
        request: Request<DictionaryIncrementRequest>,
    ) -> Result<Response<DictionaryIncrementResponse>, Status> {
        self.call(request, dictionary::increment).await
    }

    async fn dictionary_delete(
        &self,
        request: Request<DictionaryDeleteRequest>,
    ) -> Result<Response<DictionaryDeleteResponse>, Status> {
        self.call(request, dictionary::delete).await
    }

    async fn dictionary_length(
        &self,
        request: Request<DictionaryLengthRequest>,
    ) -> Result<Response<DictionaryLengthResponse>, Status> {
        self.call(request, dictionary::length).await
    }

    async fn set_fetch(
        &self,
        request: Request<SetFetchRequest>,
    ) -> Result<Response<SetFetchResponse>, Status> {
        self.call(request, set::fetch).await
    }

    async fn set_sample(
        &self,
        request: Request<SetSampleRequest>,
    ) -> Result<Response<SetSampleResponse>, Status> {
        self.call(request, set::sample).await
    }

    async fn set_union(
        &self,
        request: Request<SetUnionRequest>,
    ) -> Result<Response<SetUnionResponse>, Status> {
        self.call(request, set::union).await
    }

    async fn set_difference(
        &self,
        request: Request<SetDifferenceRequest>,
    ) -> Result<Response<SetDifferenceResponse>, Status> {
        self.call(request, set::difference).await
    }

    async fn set_contains(
        &self,
        request: Request<SetContainsRequest>,
    ) -> Result<Response<SetContainsResponse>, Status> {
        self.call(request, set::contains).await
    }

    async fn set_length(
        &self,
        request: Request<SetLengthRequest>,
    ) -> Result<Response<SetLengthResponse>, Status> {
        self.call(request, set::length).await
    }

    async fn set_pop(
        &self,
        request: Request<SetPopRequest>,
    ) -> Result<Response<SetPopResponse>, Status> {
        self.call(request, set::pop).await
    }

    async fn list_push_front(
        &self,
        request: Request<ListPushFrontRequest>,
    ) -> Result<Response<ListPushFrontResponse>, Status> {
        self.call(request, list::push_front).await
    }

    async fn list_push_back(
        &self,
        request: Request<ListPushBackRequest>,
    ) -> Result<Response<ListPushBackResponse>, Status> {
        self.call(request, list::push_back).await
    }

    async fn list_pop_front(
        &self,
        request: Request<ListPopFrontRequest>,
    ) -> Result<Response<ListPopFrontResponse>, Status> {
        self.call(request, list::pop_front).await
    }

    async fn list_pop_back(
        &self,
        request: Request<ListPopBackRequest>,
    ) -> Result<Response<ListPopBackResponse>, Status> {
        self.call(request, list::pop_back).await
    }

    async fn list_erase(
        &self,
        request: Request<ListEraseRequest>,
    ) -> Result<Response<ListEraseResponse>, Status> {
        self.call(request, list::erase).await
    }

    async fn list_remove(
        &self,
        request: Request<ListRemoveRequest>,
    ) -> Result<Response<ListRemoveResponse>, Status> {
        self.call(request, list::remove).await
    }

    async fn list_fetch(
        &self,
        request: Request<ListFetchRequest>,
    ) -> Result<Response<ListFetchResponse>, Status> {
        self.call(request, list::fetch).await
    }

    async fn list_length(
        &self,
        request: Request<ListLengthRequest>,
    ) -> Result<Response<ListLengthResponse>, Status> {
        self.call(request, list::length).await
    }

    async fn list_concatenate_front(
        &self,
        request: Request<ListConcatenateFrontRequest>,
    ) -> Result<Response<ListConcatenateFrontResponse>, Status> {
        self.call(request, list::concatenate_front).await
    }

    async fn list_concatenate_back(
        &self,
        request: Request<ListConcatenateBackRequest>,
    ) -> Result<Response<ListConcatenateBackResponse>, Status> {
        self.call(request, list::concatenate_back).await
    }

    async fn list_retain(
        &self,
        request: Request<ListRetainRequest>,
    ) -> Result<Response<ListRetainResponse>, Status> {
        self.call(request, list::retain).await
    }

    async fn sorted_set_put(
        &self,
        request: Request<SortedSetPutRequest>,
    ) -> Result<Response<SortedSetPutResponse>, Status> {
        self.call(request, sorted_set::put).await
    }

    async fn sorted_set_fetch(
        &self,
        request: Request<SortedSetFetchRequest>,
    ) -> Result<Response<SortedSetFetchResponse>, Status> {
        self.call(request, sorted_set::fetch).await
    }

    async fn sorted_set_get_score(
        &self,
        request: Request<SortedSetGetScoreRequest>,
    ) -> Result<Response<SortedSetGetScoreResponse>, Status> {
        self.call(request, sorted_set::get_score).await
    }

    async fn sorted_set_remove(
        &self,
        request: Request<SortedSetRemoveRequest>,
    ) -> Result<Response<SortedSetRemoveResponse>, Status> {
        self.call(request, sorted_set::remove).await
    }

    async fn sorted_set_increment(
        &self,
        request: Request<SortedSetIncrementRequest>,
    ) -> Result<Response<SortedSetIncrementResponse>, Status> {
        self.call(request, sorted_set::increment).await
    }

    async fn sorted_set_get_rank(
        &self,
        request: Request<SortedSetGetRankRequest>,
    ) -> Result<Response<SortedSetGetRankResponse>, Status> {
        self.call(request, sorted_set::get_rank).await
    }

    async fn sorted_set_length(
        &self,
        request: Request<SortedSetLengthRequest>,
    ) -> Result<Response<SortedSetLengthResponse>, Status> {
        self.call(request, sorted_set::length).await
    }

    async fn sorted_set_length_by_score(
        &self,
        request: Request<SortedSetLengthByScoreRequest>,
    ) -> Result<Response<SortedSetLengthByScoreResponse>, Status> {
        self.call(request, sorted_set::length_by_score).await
    }

    async fn sorted_set_union_store(
        &self,
        request: Request<SortedSetUnionStoreRequest>,
    ) -> Result<Response<SortedSetUnionStoreResponse>, Status> {
        self.call(request, sorted_set::union_store).await
    }
}
