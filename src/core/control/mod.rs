//! Control-plane RPCs of `control_client.ScsControl`: `createCache` and `listCaches` a file each, `deleteCache` and
//! `flushCache` (the cache name in, Success out) rows of `success_rpcs!` here.

pub mod create_cache;
pub mod list_caches;

use std::marker::PhantomData;

use momento_proto::control_client as pb;

use crate::core::error::MomentoError;
use crate::core::rpc::success_rpc;
use crate::core::validation;

/// A validated request naming one cache and nothing else (`createCache`, `deleteCache`, `flushCache`,
/// `listWebhooks`); `P`, the proto request message, says which RPC. The cache travels in the message, not the
/// `cache` header.
#[derive(Debug)]
pub struct CacheRequest<P> {
    pub(crate) cache: String,
    rpc: PhantomData<P>,
}

impl<P> CacheRequest<P> {
    /// Validates the cache name.
    pub fn new(cache: String) -> Result<Self, MomentoError> {
        validation::cache_name(&cache)?;
        Ok(Self {
            cache,
            rpc: PhantomData,
        })
    }
}

/// Defines the RPCs that send only the cache name and answer with Success, a row each: `Request => Response:
/// "what Success means";` (the proto messages are `control_client::<Request>`/`<Response>`).
macro_rules! success_rpcs {
    ($($(#[$doc:meta])* $request:ident => $response:ident: $success:literal;)+) => {$(
        $(#[$doc])*
        pub type $request = CacheRequest<pb::$request>;

        success_rpc! {
            #[doc = concat!("The result of a `", stringify!($request), "`.")]
            $response { $success } for $request: pb::$request;
            |self| pb::$request { cache_name: self.cache }
        }
    )+};
}

success_rpcs! {
    /// A validated `deleteCache` request: `/control_client.ScsControl/DeleteCache` (NOT_FOUND is an error).
    DeleteCacheRequest => DeleteCacheResponse: "The cache is gone.";
    /// A validated `flushCache` request: `/control_client.ScsControl/FlushCache` (every item removed, the cache kept).
    FlushCacheRequest => FlushCacheResponse: "The cache is empty.";
}
