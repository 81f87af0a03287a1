//! CORS for browser gRPC-web clients (protocol reference §8).
//!
//! - Origin: allowed when it is a loopback origin ([`is_loopback_origin`]: `http(s)://localhost`,
//!   `127.x.x.x` or `[::1]`, any port) or one of the `--cors-origin` values; any other origin,
//!   `null` included, gets no `access-control-allow-origin`, so the browser keeps the response
//!   from the page. Arbitrary origins are never reflected: with credentials allowed (and with
//!   `--auth none` not even a token needed) that would let any web page use the server.
//! - Credentials allowed (the official web SDK's test environment forces `withCredentials`), so
//!   nothing may be the wildcard `*`: headers, methods and exposed headers are listed explicitly.
//! - Preflight answers list [`ALLOWED_HEADERS`]; responses expose [`EXPOSED_HEADERS`] so that
//!   trailers-only errors (`grpc-status` as a response header) and Momento's `err` are readable.

use std::time::Duration;

use http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Request headers browsers may send (Momento SDK headers, gRPC-web headers, momento-local's
/// fault-injection metadata).
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
    "return-error",
    "error-rpcs",
    "error-count",
    "delay-rpcs",
    "delay-ms",
    "delay-count",
    "stream-error-rpcs",
    "stream-error",
    "stream-error-message-limit",
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

/// Whether `origin` is `http://` or `https://` followed by a loopback host (`localhost`, an
/// IPv4 address in 127.0.0.0/8 or `[::1]`) and an optional port, and nothing else.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    // `[v6]:port` or `host:port`, the port optional.
    let (host, port) = match rest.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, "")) => (format!("[{addr}]"), None),
            Some((addr, after)) => match after.strip_prefix(':') {
                Some(port) => (format!("[{addr}]"), Some(port)),
                None => return false,
            },
            None => return false,
        },
        None => match rest.split_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (rest.to_owned(), None),
        },
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok()
    });
    let host_ok = host.eq_ignore_ascii_case("localhost")
        || host == "[::1]"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    port_ok && host_ok
}

/// The CORS layer: loopback origins ([`is_loopback_origin`]) and exactly `origins` are allowed
/// (values that are not valid header values are skipped; the CLI rejects them earlier).
pub fn cors_layer(origins: &[String]) -> CorsLayer {
    let listed: Vec<HeaderValue> = origins
        .iter()
        .filter(|o| o.as_str() != "*" && o.as_str() != "null")
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let allow_origin = AllowOrigin::predicate(move |origin: &HeaderValue, _| {
        listed.contains(origin) || origin.to_str().is_ok_and(is_loopback_origin)
    });
    CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_credentials(true)
        // POST for gRPC-web; GET, PUT and DELETE for the HTTP API (crate::http_api).
        .allow_methods([
            Method::GET,
            Method::PUT,
            Method::POST,
            Method::DELETE,
            Method::OPTIONS,
        ])
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

#[cfg(test)]
mod tests {
    use super::is_loopback_origin;

    #[test]
    fn loopback_origins() {
        for yes in [
            "http://localhost",
            "https://localhost:8443",
            "http://LOCALHOST:3000",
            "http://127.0.0.1:8081",
            "http://127.1.2.3",
            "http://[::1]:5173",
            "https://[::1]",
        ] {
            assert!(is_loopback_origin(yes), "{yes}");
        }
        for no in [
            "null",
            "localhost",
            "file://",
            "ftp://localhost",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example",
            "http://evil.example#localhost",
            "http://localhost:3000/path",
            "http://localhost:",
            "http://localhost:99999",
            "http://localhost:80:80",
            "http://[::1]evil",
            "http://[::2]:80",
            "http://user@localhost",
            "http://10.0.0.1",
        ] {
            assert!(!is_loopback_origin(no), "{no}");
        }
    }
}
