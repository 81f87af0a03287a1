//! Momento wire protocol: the Momento `.proto` files (from
//! `momentohq/client-protos`, kept in this crate's directory) compiled to
//! [prost] message types at build time with `protox` (no `protoc` needed).
//!
//! Messages and enums only: there is no tonic or other service code here, so
//! the wasm SDK can depend on this crate alone. The server generates its
//! service traits itself (tonic-prost-build with `extern_path` pointing here)
//! and may reuse [`FILE_DESCRIPTOR_SET`].
//!
//! Naming: the protos prefix most message names with `_` (`_GetRequest`);
//! prost drops it, so the Rust type is [`cache_client::GetRequest`]. A nested
//! message or oneof lives in the snake_case module of its parent, e.g.
//! [`cache_client::get_with_hash_response::Result`] (the oneof `result`) and
//! [`cache_client::get_with_hash_response::Found`] (the nested `_Found`).
//! `bytes` fields are `Vec<u8>`; enum fields are `i32` with typed accessors.
//!
//! | proto package | module | gRPC services (paths `/<package>.<Service>/<Method>`) |
//! |---|---|---|
//! | `common` | [`common`] | – |
//! | (none: `extensions.proto`) | [`extensions`] | – |
//! | `cache_client` | [`cache_client`] | `Scs`, `Ping` |
//! | `cache_client.pubsub` | [`cache_client::pubsub`] | `Pubsub` |
//! | `control_client` | [`control_client`] | `ScsControl` |
//! | `permission_messages` | [`permission_messages`] | – |
//! | `auth` | [`auth`] | `Auth` |
//! | `token` | [`token`] | `Token` |
//! | `leaderboard` | [`leaderboard`] | `Leaderboard` |
//! | `webhook` | [`webhook`] | `Webhook` (served on the control endpoint) |
//!
//! [`rpc`] defines every RPC of these services once (path, messages, retries, permission,
//! fault-injection name): [`rpc::Rpc`], [`rpc::RPCS`], [`rpc::RpcRequest`].

/// Declares `pub mod $name` holding `$OUT_DIR/$file`, code a build script generated from the
/// protos, with the lints generated code cannot meet silenced (its names mirror the protos, its
/// docs are the proto comments). Exported for momento-server, whose build script generates the
/// service code of the same packages ([`service_packages`]) into its own `OUT_DIR`.
#[doc(hidden)]
#[macro_export]
macro_rules! generated {
    ($(#[$meta:meta])* $name:ident, $file:literal $(, { $($inner:tt)* })?) => {
        $(#[$meta])*
        #[allow(
            missing_docs,
            non_camel_case_types,
            clippy::all,
            clippy::pedantic,
            clippy::nursery,
            clippy::unwrap_used,
            clippy::expect_used,
            clippy::panic,
            clippy::indexing_slicing,
            rustdoc::bare_urls,
            rustdoc::broken_intra_doc_links,
            rustdoc::invalid_html_tags
        )]
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/", $file));
            $($($inner)*)?
        }
    };
}

/// The [`generated`] modules of the proto packages that define gRPC services: this crate's
/// messages, and momento-server's service traits and clients (the table in the crate docs).
#[doc(hidden)]
#[macro_export]
macro_rules! service_packages {
    () => {
        $crate::generated!(
            /// Package `cache_client`: the data plane (`Scs`) and `Ping`.
            cache_client, "cache_client.rs", {
                $crate::generated!(
                    /// Package `cache_client.pubsub`: topics (`Pubsub`).
                    pubsub, "cache_client.pubsub.rs"
                );
            }
        );
        $crate::generated!(
            /// Package `control_client`: caches, signing keys, indexes (`ScsControl`).
            control_client, "control_client.rs"
        );
        $crate::generated!(
            /// Package `auth`: API key login, generation and refresh (`Auth`).
            auth, "auth.rs"
        );
        $crate::generated!(
            /// Package `token`: disposable tokens (`Token`).
            token, "token.rs"
        );
        $crate::generated!(
            /// Package `leaderboard`: leaderboards (`Leaderboard`).
            leaderboard, "leaderboard.rs"
        );
        $crate::generated!(
            /// Package `webhook`: topic webhooks (`Webhook`), on the control endpoint.
            webhook, "webhook.rs"
        );
    };
}

generated!(
    /// Package `common`: set conditions, `_Unbounded`, `_Empty`.
    common, "common.rs"
);

generated!(
    /// `extensions.proto` (no package): the `retry_semantic` message option's
    /// enum. prost does not generate extensions themselves.
    extensions, "extensions.rs"
);

generated!(
    /// Package `permission_messages`: permissions of API keys and tokens.
    permission_messages, "permission_messages.rs"
);

service_packages!();

pub mod rpc;

/// Encoded `google.protobuf.FileDescriptorSet` of every proto in this crate,
/// plus its imports (`google/protobuf/descriptor.proto`), with source info.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/momento_descriptor.bin"));
