//! momento-server's integration tests, one binary: each module is one area, [`common`] the shared
//! test support (servers, clients, requests). Run one area with
//! `cargo test -p momento-server --test server <module>::`.
// Tests fail by panicking: every module may unwrap, expect, panic and index.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

mod auth_matrix;
mod cli;
mod control_extras;
mod dict_set;
mod grpc_web;
mod h2c;
mod hardening;
mod http_api;
mod in_flight;
mod leaderboard;
mod limits;
mod list_zset;
mod pubsub;
mod test_admin;
mod tls;
mod webhook;
