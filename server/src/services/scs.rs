//! `cache_client.Scs`, the data plane.
//!
//! The trait impl only extracts the cache name from the `cache` header and routes each RPC to
//! the module of its data type: [`super::scalar`], [`super::dictionary`], [`super::set`],
//! [`super::list`] and [`super::sorted_set`].

use std::sync::Arc;

use momento_proto::cache_client::*;
use momento_proto::rpc::RpcRequest;
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
                    .map_err(|e| response_too_large(Req::RPC.method(), bytes, e))?;
            }
        }
        let response = op(&self.store, &cache, request.into_inner())?;
        if let Some(admission) = admission {
            admission.settle_response(to_u64(size(&response)));
        }
        Ok(Response::new(response))
    }

    /// [`ScsService::run`] for server-streaming RPCs whose items are computed up front, bounded
    /// by [`stored_bytes`].
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
    if !Req::RPC.returns_stored_data() {
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

/// Generates the `Scs` impl from one row per RPC: `method(Request) = handler` answers through
/// [`ScsService::run`] (bounded by [`stored_bytes`] or the row's `bound`), `streaming` rows
/// (with the stream's associated type) through [`ScsService::call_stream`].
macro_rules! scs_routes {
    (
        unary { $($method:ident($req:ident) = $op:expr $(, bound $bound:expr)?;)* }
        streaming { $($smethod:ident($sreq:ident) as $stream:ident = $sop:expr;)* }
    ) => {
        #[tonic::async_trait]
        impl Scs for ScsService {
            $(
                async fn $method(
                    &self,
                    request: Request<$req>,
                ) -> Result<Response<<$req as RpcRequest>::Response>, Status> {
                    self.run(request, $op, scs_bound!($($bound)?), prost::Message::encoded_len)
                        .await
                }
            )*
            $(
                type $stream = ResponseStream<<$sreq as RpcRequest>::Response>;

                async fn $smethod(
                    &self,
                    request: Request<$sreq>,
                ) -> Result<Response<Self::$stream>, Status> {
                    self.call_stream(request, $sop).await
                }
            )*
        }
    };
}

/// The response bound of a [`scs_routes`] row: [`stored_bytes`] unless the row names one.
macro_rules! scs_bound {
    () => {
        stored_bytes
    };
    ($bound:expr) => {
        $bound
    };
}

scs_routes! {
    unary {
        get(GetRequest) = scalar::get;
        get_with_hash(GetWithHashRequest) = scalar::get_with_hash;
        set(SetRequest) = scalar::set;
        set_if(SetIfRequest) = scalar::set_if;
        set_if_hash(SetIfHashRequest) = scalar::set_if_hash;
        set_if_not_exists(SetIfNotExistsRequest) = scalar::set_if_not_exists;
        delete(DeleteRequest) = scalar::delete;
        keys_exist(KeysExistRequest) = scalar::keys_exist;
        increment(IncrementRequest) = scalar::increment;
        update_ttl(UpdateTtlRequest) = scalar::update_ttl;
        item_get_ttl(ItemGetTtlRequest) = scalar::item_get_ttl;
        item_get_type(ItemGetTypeRequest) = scalar::item_get_type;
        dictionary_get(DictionaryGetRequest) = dictionary::get, bound dictionary::get_response_bound;
        dictionary_fetch(DictionaryFetchRequest) = dictionary::fetch;
        dictionary_set(DictionarySetRequest) = dictionary::set;
        dictionary_increment(DictionaryIncrementRequest) = dictionary::increment;
        dictionary_delete(DictionaryDeleteRequest) = dictionary::delete;
        dictionary_length(DictionaryLengthRequest) = dictionary::length;
        set_fetch(SetFetchRequest) = set::fetch;
        set_sample(SetSampleRequest) = set::sample;
        set_union(SetUnionRequest) = set::union;
        set_difference(SetDifferenceRequest) = set::difference;
        set_contains(SetContainsRequest) = set::contains;
        set_length(SetLengthRequest) = set::length;
        set_pop(SetPopRequest) = set::pop;
        list_push_front(ListPushFrontRequest) = list::push_front;
        list_push_back(ListPushBackRequest) = list::push_back;
        list_pop_front(ListPopFrontRequest) = list::pop_front;
        list_pop_back(ListPopBackRequest) = list::pop_back;
        list_erase(ListEraseRequest) = list::erase;
        list_remove(ListRemoveRequest) = list::remove;
        list_fetch(ListFetchRequest) = list::fetch;
        list_length(ListLengthRequest) = list::length;
        list_concatenate_front(ListConcatenateFrontRequest) = list::concatenate_front;
        list_concatenate_back(ListConcatenateBackRequest) = list::concatenate_back;
        list_retain(ListRetainRequest) = list::retain;
        sorted_set_put(SortedSetPutRequest) = sorted_set::put;
        sorted_set_fetch(SortedSetFetchRequest) = sorted_set::fetch;
        sorted_set_get_score(SortedSetGetScoreRequest) = sorted_set::get_score;
        sorted_set_remove(SortedSetRemoveRequest) = sorted_set::remove;
        sorted_set_increment(SortedSetIncrementRequest) = sorted_set::increment;
        sorted_set_get_rank(SortedSetGetRankRequest) = sorted_set::get_rank;
        sorted_set_length(SortedSetLengthRequest) = sorted_set::length;
        sorted_set_length_by_score(SortedSetLengthByScoreRequest) = sorted_set::length_by_score;
        sorted_set_union_store(SortedSetUnionStoreRequest) = sorted_set::union_store;
    }
    streaming {
        get_batch(GetBatchRequest) as GetBatchStream = scalar::get_batch;
        set_batch(SetBatchRequest) as SetBatchStream = scalar::set_batch;
    }
}
