//! The JS surface: the only module with wasm-bindgen exports. Thin synchronous methods that return promises
//! from one shared runner over `core`; camelCase names (parameters too); conversions in `convert`. One file per
//! family, each behind its cargo feature so the lite build (get/set/delete) carries nothing else. A family has one
//! spelling across the layers: module `scalar_extra` = feature `scalar-extra` = js/methods/scalar-extra.js,
//! js/responses/scalar-extra.js and js/types/scalar-extra.d.ts (likewise `topics`, `auth`, `leaderboard`, `list`…).

#[cfg(feature = "auth")]
pub mod auth;
pub mod cache_client;
pub mod config;
#[cfg(feature = "control")]
pub mod control;
pub mod convert;
#[cfg(feature = "collections")]
pub mod dictionary;
#[cfg(feature = "leaderboard")]
pub mod leaderboard;
#[cfg(feature = "collections")]
pub mod list;
pub mod scalar;
#[cfg(feature = "scalar-extra")]
pub mod scalar_extra;
#[cfg(feature = "collections")]
pub mod set;
#[cfg(feature = "collections")]
pub mod sorted_set;
#[cfg(feature = "topics")]
pub mod topics;
