//! The JS surface: the only module with wasm-bindgen exports. Thin synchronous methods that return promises
//! from one shared runner over `core`; camelCase names (parameters too); conversions in `convert`. One file per
//! family, each behind its cargo feature so the lite build (get/set/delete) carries nothing else.

#[cfg(feature = "auth")]
pub mod auth_client;
pub mod cache_client;
pub mod config;
#[cfg(feature = "control")]
pub mod control;
pub mod convert;
#[cfg(feature = "collections")]
pub mod dictionary;
#[cfg(feature = "leaderboard")]
pub mod leaderboard_client;
#[cfg(feature = "collections")]
pub mod list;
pub mod scalar;
#[cfg(feature = "scalars-extra")]
pub mod scalar_extra;
#[cfg(feature = "collections")]
pub mod set;
#[cfg(feature = "collections")]
pub mod sorted_set;
#[cfg(feature = "topics")]
pub mod topic_client;
