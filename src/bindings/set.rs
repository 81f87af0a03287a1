//! set methods of `CacheClientCore` (one `#[wasm_bindgen] impl` block per family).
