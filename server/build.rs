//! Generates the tonic service code (server traits and clients) for the Momento protos.
//!
//! - The `.proto` files are shared with the `momento-proto` crate (`../proto/*.proto`) and parsed
//!   with `protox`, so no system `protoc` is needed.
//! - Message types are NOT generated here: every proto package is mapped with `extern_path` onto
//!   the `momento-proto` crate, so the server and the SDK share one set of prost types. Only the
//!   service modules (`scs_server`, `scs_client`, ...) end up in `$OUT_DIR/<package>.rs`.

use std::path::{Path, PathBuf};

/// Proto package → Rust path of its prost types in `momento-proto`.
const EXTERN_PATHS: &[(&str, &str)] = &[
    (
        ".cache_client.pubsub",
        "::momento_proto::cache_client::pubsub",
    ),
    (".cache_client", "::momento_proto::cache_client"),
    (".control_client", "::momento_proto::control_client"),
    (".common", "::momento_proto::common"),
    (".auth", "::momento_proto::auth"),
    (".token", "::momento_proto::token"),
    (
        ".permission_messages",
        "::momento_proto::permission_messages",
    ),
    (".leaderboard", "::momento_proto::leaderboard"),
    (".webhook", "::momento_proto::webhook"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../proto");
    println!("cargo:rerun-if-changed={}", proto_dir.display());

    let mut protos: Vec<PathBuf> = std::fs::read_dir(&proto_dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "proto"))
        .collect();
    // Deterministic order → deterministic generated code.
    protos.sort();
    for proto in &protos {
        println!("cargo:rerun-if-changed={}", proto.display());
    }

    let fds = protox::compile(&protos, [&proto_dir])?;

    let mut builder = tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .build_transport(true)
        // Decoding errors answer INVALID_ARGUMENT (src/codec.rs).
        .codec_path("crate::codec::Codec");
    for (proto_path, rust_path) in EXTERN_PATHS {
        builder = builder.extern_path(*proto_path, *rust_path);
    }
    builder.compile_fds(fds)?;
    Ok(())
}
