//! The core client over the real `fetch` transport in headless Chromium, as a page, against a running momento-server
//! (CORS across origins): `wasm-pack test --headless --chrome` or `cargo test --target wasm32-unknown-unknown --test
//! browser` with wasm-bindgen-test-runner. The tests are in tests/wasm/suite.rs (tests/service_worker.rs runs them in
//! a service worker). `MOMENTO_TEST_API_KEY` is read at compile time: scripts/test starts the server and sets it.
//! Every call runs under the SDK's own driver (`drive`, the Rust twin of js/drive.js).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

include!("wasm/suite.rs");
