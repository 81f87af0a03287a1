//! The JS surface: the only module with wasm-bindgen exports. Thin synchronous methods that return promises
//! from one shared runner over `core`, camelCase
//! names (parameters too), conversions in `convert`.

pub mod auth_client;
pub mod cache_client;
pub mod config;
pub mod convert;
pub mod dictionary;
pub mod leaderboard_client;
pub mod list;
pub mod scalar;
pub mod set;
pub mod sorted_set;
pub mod topic_client;
