//! momento-wasm: a Momento-compatible cache SDK in Rust, compiled to WebAssembly.
//!
//! Layers (each a folder):
//! - [`core`]: pure Rust — validation, credentials, configurations, one file per RPC (request → proto,
//!   proto → response enum), gRPC-web framing, status → `MomentoErrorCode`, retries, the call pipeline.
//! - [`transport`]: the HTTP layer behind one trait — the global `fetch` on wasm, reqwest for host tests.
//! - `bindings` (wasm only): the JS surface (the only wasm-bindgen exports) that the facade in `js/` wraps.
//!
//! Conventions: service outcomes are values (`Result<Response, MomentoError>` in Rust, tagged objects in JS);
//! bytes are bytes end to end; nothing in library code may panic (the release build aborts on panic).
#![warn(missing_docs)]

pub mod core;
pub mod transport;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
