//! CORS for browser gRPC-web clients (protocol reference §8).
//!
//! - Origin: mirrored from the request by default, or checked against `--cors-origin` values.
//! - Credentials allowed (the official web SDK's test environment forces `withCredentials`), so
//!   nothing may be the wildcard `*`: headers, methods and exposed headers are listed explicitly.
//! - Preflight answers list [`ALLOWED_HEADERS`]; responses expose [`EXPOSED_HEADERS`] so that
//!   trailers-only errors (`grpc-status` as a response header) and Momento's `err` are readable.

use std::time::Duration;

use http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Request headers browsers may send (Momento SDK headers, gRPC-web headers, momento-local's
/// `request-id`).
pub const ALLOWED_HEADERS: &[&str] = &[
    "authorization",
    "agent",
    "runtime-version",
    "x-user-agent",
    "x-grpc-web",
    "cache",
    "grpc-timeout",
    "read-concern",
    "content-type",
    "request-id",
];

/// Response headers scripts may read.
pub const EXPOSED_HEADERS: &[&str] = &[
    "grpc-status",
    "grpc-message",
    "grpc-status-details-bin",
    "err",
];

/// How long browsers may cache a preflight answer.
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// The CORS layer: mirror any origin when `origins` is empty, else allow exactly `origins`
/// (values that are not valid header values are skipped; the CLI rejects them earlier).
pub fn cors_layer(origins: &[String]) -> CorsLayer {
    let allow_origin = if origins.is_empty() {
        AllowOrigin::mirror_request()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter(|o| o.as_str() != "*")
                .filter_map(|o| HeaderValue::from_str(o).ok()),
        )
    };
    CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_credentials(true)
        .allow_methods([Method::POST, Method::OPTIONS])
        .allow_headers(header_names(ALLOWED_HEADERS))
        .expose_headers(header_names(EXPOSED_HEADERS))
        .max_age(PREFLIGHT_MAX_AGE)
}

fn header_names(names: &[&'static str]) -> Vec<HeaderName> {
    names
        .iter()
        .map(|name| HeaderName::from_static(name))
        .collect()
}
