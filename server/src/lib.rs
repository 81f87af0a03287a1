//! `momento-server`: a Momento-compatible cache server for local development and tests.
//!
//! # What it speaks
//! One TCP port serves, side by side:
//! - **gRPC over HTTP/2 cleartext (h2c)**, what the official Node and Rust SDKs use with an
//!   insecure endpoint override;
//! - **gRPC-web**, binary (`application/grpc-web[+proto]`) and text (`application/grpc-web-text`),
//!   over HTTP/1.1 and HTTP/2, what `@gomomento/sdk-web` and this project's WASM SDK use;
//! - **CORS** for browsers: loopback origins (any port) and the `--cors-origin` allowlist are
//!   allowed (never `null`, never an arbitrary origin; see [`cors`]), credentials are allowed and
//!   the Momento request headers are listed explicitly.
//!
//! # Conventions
//! - The data plane (`cache_client.Scs`) reads the cache name from the `cache` request header;
//!   a missing header is `INVALID_ARGUMENT`, an unknown cache `NOT_FOUND` ("Cache not found").
//! - Every request must carry a valid token in `authorization` unless the server runs with
//!   `--auth none` (see [`token`] and [`auth`]).
//! - TTLs are milliseconds and must be greater than zero; expired items are misses (lazy expiry on
//!   access plus a periodic sweeper).
//! - Counters are stored as base-10 strings. The hash of `GetWithHash`/`SetIfHash` is the
//!   32-byte SHA-256 digest of the value.
//! - Items (key + value) are limited to 5 MiB by default; larger ones fail with
//!   `RESOURCE_EXHAUSTED` and the metadata `err: item_size_limit_exceeded`. The memory cap, item
//!   size, TTL and cache-count limits are configurable, see [`limits`]. The memory cap budgets
//!   the whole process: stored items get part of it (LRU eviction, [`store`]) and calls in
//!   flight another (admission control, [`budget`]); [`RunningServer::metrics`] reports memory
//!   use, evictions and expirations, [`RunningServer::in_flight_metrics`] the admission control.
//!
//! # Embedding (tests)
//! [`run`] binds the port, starts serving in the background and returns a [`RunningServer`]
//! with the bound address, the root credentials and a shutdown handle:
//!
//! ```no_run
//! # async fn demo() -> Result<(), momento_server::ServerError> {
//! let mut config = momento_server::Config::default();
//! config.port = 0; // ephemeral
//! let server = momento_server::run(config).await?;
//! println!("serving on {}", server.url());
//! server.shutdown().await?;
//! # Ok(())
//! # }
//! ```

/// Declares `$service<S>`, the service a tower layer produces (the inner service and a clone of
/// each of the layer's `$field`s), and `$layer`'s `tower_layer::Layer` impl, which builds it.
macro_rules! layer_service {
    ($(#[$meta:meta])* $layer:ident => $service:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $service<S> {
            inner: S,
            $($field: $ty,)*
        }

        impl<S> tower_layer::Layer<S> for $layer {
            type Service = $service<S>;

            fn layer(&self, inner: S) -> Self::Service {
                $service {
                    inner,
                    $($field: Clone::clone(&self.$field),)*
                }
            }
        }
    };
}

/// The items of a middleware's `tower_service::Service` impl that every layer shares: it answers
/// `$response` (or the inner service's error) through a [`BoxFuture`], and is ready when the inner
/// service is.
macro_rules! forward_service_items {
    ($response:ty) => {
        type Response = $response;
        type Error = S::Error;
        type Future = $crate::BoxFuture<Result<Self::Response, Self::Error>>;

        fn poll_ready(
            &mut self,
            cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Result<(), Self::Error>> {
            self.inner.poll_ready(cx)
        }
    };
}

/// The boxed future of the tower services (the middleware layers).
type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

pub mod auth;
pub mod budget;
pub mod codec;
pub mod config;
pub mod conn;
pub mod cors;
pub mod faults;
pub mod grpc;
pub mod http_api;
pub mod limits;
pub mod log;
pub mod metrics;
pub mod permissions;
pub mod secret;
pub mod server;
pub mod services;
pub mod store;
pub mod test_admin;
pub mod tls;
pub mod token;
pub mod webhook_delivery;

pub use config::{AuthMode, Config, SecretSource};
pub use limits::Limits;
pub use metrics::{CacheMetrics, StoreMetrics};
pub use server::{run, InProcessServer, RunningServer, ServerError, ShutdownHandle};
pub use webhook_delivery::DeliveryMode;
