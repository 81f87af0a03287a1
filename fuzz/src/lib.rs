//! Helpers shared by the fuzz targets and the seed generator (`examples/make_seeds.rs`).
//!
//! The `server_http` target reads its input as up to [`MAX_REQUESTS`] requests in a small text
//! format (see [`parse_requests`]) so that seeds are readable and easy to write by hand:
//!
//! ```text
//! POST /cache_client.Scs/Set
//! content-type: application/grpc-web-text
//! authorization: <token>
//! cache: c
//! @frame
//!
//! <body bytes>
//! %%
//! <next request>
//! ```
//!
//! Lines starting with `@` are directives for the harness, never sent: `@frame` frames the body
//! as one gRPC-web data frame (and base64-encodes it when the content type mentions `text`), so
//! the fuzzer can mutate a bare protobuf message; `@chunk N` delivers the body in chunks of `N`
//! bytes; `@h2` makes it an HTTP/2 request (native gRPC passes tonic-web untouched). Everything else is sent as is (invalid header names or values are skipped).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use momento_server::token::{Claims, TokenSigner, ROOT_SUBJECT};

/// The throwaway signing secret of the in-process server; seeds carry tokens signed with it.
pub const FUZZ_SECRET: &[u8] = b"momento-fuzz-throwaway-secret-0123456789";

/// Separates requests in a `server_http` input.
pub const SEPARATOR: &[u8] = b"\n%%\n";

/// Most requests one `server_http` input may send (to bound the time per run).
pub const MAX_REQUESTS: usize = 6;

/// The signer for [`FUZZ_SECRET`].
pub fn signer() -> TokenSigner {
    TokenSigner::new(FUZZ_SECRET.to_vec())
}

/// A deterministic root token (fixed `iat` and `jti`, no expiry) signed with [`FUZZ_SECRET`].
pub fn root_token() -> String {
    signer()
        .sign(&Claims {
            sub: ROOT_SUBJECT.to_owned(),
            iat: 1_700_000_000,
            exp: None,
            p: None,
            jti: Some("fuzz-root".to_owned()),
        })
        .unwrap_or_default()
}

/// A deterministic token with permissions `p` (see `momento_server::permissions`), expiring in
/// 2100, signed with [`FUZZ_SECRET`].
pub fn scoped_token(p: &str) -> String {
    signer()
        .sign(&Claims {
            sub: ROOT_SUBJECT.to_owned(),
            iat: 1_700_000_000,
            exp: Some(4_102_444_800),
            p: Some(p.to_owned()),
            jti: Some("fuzz-scoped".to_owned()),
        })
        .unwrap_or_default()
}

/// One request of a `server_http` input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FuzzRequest {
    /// HTTP method token (e.g. `POST`).
    pub method: Vec<u8>,
    /// Request target (e.g. `/cache_client.Scs/Get`).
    pub path: Vec<u8>,
    /// Header lines in order (name, value), unvalidated.
    pub headers: Vec<(Vec<u8>, Vec<u8>)>,
    /// `@frame`: wrap the body in a gRPC-web data frame.
    pub frame: bool,
    /// `@chunk N`: send the body in chunks of `N` bytes (`None`: one chunk).
    pub chunk: Option<usize>,
    /// `@h2`: an HTTP/2 request (else HTTP/1.1).
    pub h2: bool,
    /// The body (a bare message when `frame` is set).
    pub body: Vec<u8>,
}

fn split_once<'a>(data: &'a [u8], sep: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let at = data.windows(sep.len()).position(|w| w == sep)?;
    Some((data.get(..at)?, data.get(at + sep.len()..)?))
}

/// Splits a `server_http` input into at most [`MAX_REQUESTS`] requests.
pub fn parse_requests(mut data: &[u8]) -> Vec<FuzzRequest> {
    let mut out = Vec::new();
    while out.len() < MAX_REQUESTS {
        let (one, rest) = split_once(data, SEPARATOR).unwrap_or((data, &[]));
        out.push(parse_request(one));
        if rest.is_empty() {
            break;
        }
        data = rest;
    }
    out
}

fn parse_request(data: &[u8]) -> FuzzRequest {
    let (head, body) = split_once(data, b"\n\n").unwrap_or((data, &[]));
    let mut lines = head.split(|&b| b == b'\n');
    let mut req = FuzzRequest {
        body: body.to_vec(),
        ..FuzzRequest::default()
    };
    let first = lines.next().unwrap_or_default();
    let (method, path) = split_once(first, b" ").unwrap_or((first, b"/"));
    req.method = method.to_vec();
    req.path = path.to_vec();
    for line in lines {
        if let Some(directive) = line.strip_prefix(b"@") {
            if directive == b"frame" {
                req.frame = true;
            } else if directive == b"h2" {
                req.h2 = true;
            } else if let Some(n) = directive.strip_prefix(b"chunk ") {
                req.chunk = std::str::from_utf8(n)
                    .ok()
                    .and_then(|n| n.trim().parse::<usize>().ok())
                    .map(|n| n.max(1));
            }
            continue;
        }
        let (name, value) = split_once(line, b":").unwrap_or((line, b""));
        let value = value.strip_prefix(b" ").unwrap_or(value);
        req.headers.push((name.to_vec(), value.to_vec()));
    }
    req
}

impl FuzzRequest {
    /// The request in the input format ([`parse_requests`] reads it back).
    pub fn render(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&self.method);
        out.push(b' ');
        out.extend_from_slice(&self.path);
        out.push(b'\n');
        for (name, value) in &self.headers {
            out.extend_from_slice(name);
            out.extend_from_slice(b": ");
            out.extend_from_slice(value);
            out.push(b'\n');
        }
        if self.frame {
            out.extend_from_slice(b"@frame\n");
        }
        if self.h2 {
            out.extend_from_slice(b"@h2\n");
        }
        if let Some(n) = self.chunk {
            out.extend_from_slice(format!("@chunk {n}\n").as_bytes());
        }
        out.push(b'\n');
        out.extend_from_slice(&self.body);
        out
    }

    /// The value of the first header named `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| v.as_slice())
    }

    /// The body as sent: framed (and base64-encoded for a `text` content type) if `@frame`.
    pub fn wire_body(&self) -> Vec<u8> {
        if !self.frame {
            return self.body.clone();
        }
        let len = u32::try_from(self.body.len()).unwrap_or(u32::MAX);
        let mut frame = vec![0];
        frame.extend_from_slice(&len.to_be_bytes());
        frame.extend_from_slice(&self.body);
        let text = self
            .header("content-type")
            .is_some_and(|ct| ct.to_ascii_lowercase().windows(4).any(|w| w == b"text"));
        if text {
            STANDARD.encode(&frame).into_bytes()
        } else {
            frame
        }
    }
}

/// Joins requests into one `server_http` input.
pub fn render_requests(requests: &[FuzzRequest]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, r) in requests.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(SEPARATOR);
        }
        out.extend_from_slice(&r.render());
    }
    out
}

/// Percent-encodes everything but unreserved ASCII (what servers do to `grpc-message`; spaces
/// are encoded too, since trailer values are trimmed).
pub fn percent_encode(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Deterministic chunk sizes from a seed byte (1..=`max`), for splitting bodies.
pub struct Splitter(u64);

impl Splitter {
    /// A splitter seeded with `seed`.
    pub fn new(seed: u8) -> Self {
        Splitter(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next chunk size in `1..=max`.
    pub fn next(&mut self, max: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let r = usize::try_from(self.0 >> 33).unwrap_or(0);
        r % max.max(1) + 1
    }
}

/// Splits a fuzz input into a selector byte (which check to run), the rest, and the rest as text
/// (lossy UTF-8); `None` for an empty input.
pub fn selector_and_text(data: &[u8]) -> Option<(u8, &[u8], String)> {
    let (&which, raw) = data.split_first()?;
    Some((which, raw, String::from_utf8_lossy(raw).into_owned()))
}
