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

/// The allocator of the wasm build: TLSF (constant-time allocation and free, coalescing free blocks) costs ~1.5 KB
/// of wasm where the default dlmalloc costs ~8 KB (−2.5 KB gzip for the get/set app).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf<AllocatorOptions> = rlsf::GlobalTlsf::new();

/// rlsf's code-size options, except that memory pools from successive `memory.grow` calls are merged: values of
/// several MB come and go, and unmerged pools would leave the freed space of one unusable for a larger next value.
#[cfg(target_arch = "wasm32")]
#[derive(Debug)]
struct AllocatorOptions;

#[cfg(target_arch = "wasm32")]
impl rlsf::GlobalTlsfOptions for AllocatorOptions {
    const ENABLE_REALLOCATION: bool = false;
    const COALESCE_POOLS: bool = true;
}
