//! The tests of tests/wasm/suite.rs in a module service worker in headless Chromium: no window, as in edge
//! runtimes. See tests/browser.rs.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_service_worker);

include!("wasm/suite.rs");
