//! The scalar essentials of `CacheClientCore`: get, set and delete (in every build, the lite one too). The other
//! scalar methods are in `scalar_extra` (feature `scalar-extra`). Each resolves to a tagged object (see
//! `CoreResult`).

use super::cache_client::{prepare, CacheClientCore};
use super::convert::{self, into_js, methods, uint8, Bytes, CallOptions, Text, TtlOptions};
use crate::core::cache::scalar::delete::{DeleteRequest, DeleteResponse};
use crate::core::cache::scalar::get::{GetRequest, GetResponse};
use crate::core::cache::scalar::set::{SetRequest, SetResponse};

methods! {
    CacheClientCore {
        #[doc = " Reads a key: `{type: 'Hit', value: Uint8Array}` or `{type: 'Miss'}`."]
        fn get as get(&self, cacheName: Text, key: Bytes; options: CallOptions) {
            self.cache_call(&cacheName, &key, "key", convert::bytes, GetRequest::new, &options)
        }

        #[doc = " Stores a value for `ttl` seconds (default: the client's `defaultTtlSeconds`); `ttl: 0` is rejected."]
        fn set as set(&self, cacheName: Text, key: Bytes, value: Bytes; options: TtlOptions) {
            self.start(&options, || {
                let cacheName = convert::text(&cacheName, "cache name")?;
                Ok(prepare(SetRequest::new(
                    cacheName,
                    convert::bytes(&key, "key")?,
                    convert::bytes(&value, "value")?,
                    convert::opt_number(&options, "ttl")?,
                    self.default_ttl_ms,
                )?))
            })
        }

        #[doc = " Deletes a key: `{type: 'Success'}`."]
        fn delete as delete(&self, cacheName: Text, key: Bytes; options: CallOptions) {
            self.cache_call(&cacheName, &key, "key", convert::bytes, DeleteRequest::new, &options)
        }
    }
}

into_js! {
    GetResponse {
        GetResponse::Hit { value } => "Hit" { "value": uint8(&value) },
        GetResponse::Miss => "Miss",
    }
    SetResponse { _ => "Success" }
    DeleteResponse { _ => "Success" }
}
