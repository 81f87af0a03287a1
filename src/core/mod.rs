//! Pure Rust, no wasm imports: validation, credentials, configurations, one file per RPC, gRPC-web framing,
//! status → [`error::MomentoErrorCode`] mapping, retries, and the call pipeline. Tested with plain `cargo test`.

pub mod auth;
pub mod base64;
pub mod cache;
pub mod client;
pub mod collection;
pub mod collection_ttl;
pub mod config;
pub mod control;
pub mod credentials;
pub mod error;
pub mod grpc_web;
pub mod json;
pub mod leaderboard;
pub mod ping;
pub mod retry;
pub mod rpc;
pub mod text;
pub mod topics;
pub mod validation;
