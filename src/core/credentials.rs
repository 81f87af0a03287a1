//! Credentials: parsing Momento API keys and disposable tokens, and deriving the gRPC-web endpoints.
//!
//! Formats (see `momento-protocol.md` §6):
//! - v1 keys and disposable tokens: base64 of `{"endpoint": "<base>", "api_key": "<jwt>"}`; the inner
//!   `api_key` is what goes in `authorization`.
//! - legacy JWTs with `c` (cache host) and `cp` (control host) claims; the whole JWT is the credential.
//! - v2 keys: a JWT with `"t":"g"` that needs its endpoint given separately.
//!
//! Endpoint derivation (the one place it happens): a base `<base>` becomes `https://cache.<base>`,
//! `https://control.<base>` and `https://token.<base>` — the hosts the official Node SDK speaks gRPC to — and gRPC-web
//! requests go to the same hosts with a `web.` prefix (`https://web.cache.<base>`…), as the official web SDK does
//! ([`Endpoints::origin`]). A base with an explicit `http://`/`https://` scheme, or an IP literal or `localhost` host (a
//! local momento-server), is used as-is for all three, by both protocols. A host given without a scheme gets
//! `https://`, except loopback hosts (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`) with a port, which get
//! `http://` (without one, a TLS server on 443): a token never travels in plain text to another machine unless the
//! caller asks for it, with an explicit `http://` or `secureConnection: false` in the endpoint overrides. Overridden endpoints never get the `web.` prefix.

use super::error::MomentoError;
use super::json;
use super::rpc::{Endpoint, Wire};
use super::text::{decimal, rsplit_once_ascii, split_ascii, trim_end_ascii};

/// The three service endpoints as full base URLs (scheme + host [+ port], no trailing slash) of their gRPC hosts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// Data plane (`cache_client.*`, pubsub, leaderboard, ping).
    pub cache: String,
    /// Control plane (`control_client.ScsControl`, `auth.Auth`).
    pub control: String,
    /// Token service (`token.Token`).
    pub token: String,
    /// Whether gRPC-web requests go to `web.<host>` (endpoints derived from a key's base endpoint or a legacy JWT's
    /// claims; never for overridden, IP or `localhost` endpoints).
    pub web_prefix: bool,
}

impl Endpoints {
    /// The same URL for all three endpoints, with no `web.` prefix (a local server, an explicit URL).
    fn single(url: String) -> Self {
        Self {
            cache: url.clone(),
            control: url.clone(),
            token: url,
            web_prefix: false,
        }
    }

    /// The origin (`scheme://host[:port]`) requests of `endpoint` go to over `wire`.
    pub fn origin(&self, endpoint: Endpoint, wire: Wire) -> String {
        let url = match endpoint {
            Endpoint::Cache => &self.cache,
            Endpoint::Control => &self.control,
            Endpoint::Token => &self.token,
        };
        if self.web_prefix && wire == Wire::GrpcWeb {
            for scheme in ["https://", "http://"] {
                if let Some(host) = url.strip_prefix(scheme) {
                    return [scheme, "web.", host].concat();
                }
            }
        }
        url.clone()
    }
}

/// Endpoint overrides a caller can give instead of the key's own endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointOverrides {
    /// All three endpoints given explicitly (`https://` is added when no scheme is given).
    All {
        /// Cache (data plane) endpoint.
        cache: String,
        /// Control plane endpoint.
        control: String,
        /// Token endpoint.
        token: String,
        /// `secureConnection`: `Some(false)` sends scheme-less hosts over `http://`, `Some(true)` over `https://`,
        /// `None` decides by host (loopback → `http://`).
        secure: Option<bool>,
    },
    /// A base endpoint from which `cache.`, `control.` and `token.` hosts are derived (after an optional prefix).
    Base {
        /// The base endpoint, e.g. `cell-4-us-west-2-1.prod.a.momentohq.com`.
        base: String,
        /// Optional extra host prefix (`<prefix>.cache.<base>`).
        prefix: Option<String>,
        /// `secureConnection`, as for [`EndpointOverrides::All`].
        secure: Option<bool>,
    },
}

/// A parsed credential: the token sent as `authorization` and the endpoints it is valid for.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The raw token for the `authorization` header (empty for an open momento-local style server).
    pub auth_token: String,
    /// Where to send requests.
    pub endpoints: Endpoints,
    /// Expiry of the token in epoch seconds when the JWT says so (`exp`).
    pub expires_at: Option<u64>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token itself.
        f.debug_struct("Credentials")
            .field("auth_token", &"<redacted>")
            .field("endpoints", &self.endpoints)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl Credentials {
    /// Parses a v1 API key / disposable token or a legacy JWT (`CredentialProvider.fromString`).
    pub fn from_string(
        api_key: &str,
        overrides: Option<&EndpointOverrides>,
    ) -> Result<Self, MomentoError> {
        let key = api_key.trim_ascii();
        if key.is_empty() {
            return Err(MomentoError::invalid_argument(
                "Auth token is an empty string",
            ));
        }
        if let Some(claims) = jwt_claims(key) {
            if json::str_field(&claims, "t") == Some("g") {
                return Err(MomentoError::invalid_argument(
                    "Received a v2 API key. Are you using the correct key? Or did you mean to use `fromApiKeyV2()` or `fromEnvVarV2()` instead?",
                ));
            }
            let expires_at = exp_claim(&claims);
            let endpoints = match overrides {
                Some(o) => overridden(o),
                None => {
                    let cache = json::str_field(&claims, "c");
                    let control = json::str_field(&claims, "cp");
                    match (cache, control) {
                        (Some(c), Some(cp)) => Endpoints {
                            cache: host_url(c),
                            control: host_url(cp),
                            // The official SDKs use the `c` host for the token service too.
                            token: host_url(c),
                            web_prefix: !is_explicit(c) && !is_explicit(cp),
                        },
                        _ => {
                            return Err(MomentoError::invalid_argument(
                                "failed to parse auth token: missing 'c' or 'cp' claim",
                            ))
                        }
                    }
                }
            };
            return Ok(Self {
                auth_token: key.to_owned(),
                endpoints,
                expires_at,
            });
        }
        let decoded = decode_base64(key).ok_or_else(|| {
            MomentoError::invalid_argument("failed to parse api key: not a JWT nor base64")
        })?;
        let text = String::from_utf8(decoded)
            .map_err(|_| MomentoError::invalid_argument("failed to parse api key: not UTF-8"))?;
        let fields = json::parse_object(&text).map_err(|e| {
            MomentoError::invalid_argument("failed to parse api key: ".to_owned() + &e)
        })?;
        let token = json::str_field(&fields, "api_key").ok_or_else(|| {
            MomentoError::invalid_argument("failed to parse api key: missing 'api_key'")
        })?;
        let endpoints = match overrides {
            Some(o) => overridden(o),
            None => {
                let base = json::str_field(&fields, "endpoint").ok_or_else(|| {
                    MomentoError::invalid_argument("failed to parse api key: missing 'endpoint'")
                })?;
                from_base(base)
            }
        };
        let expires_at = jwt_claims(token).as_deref().and_then(exp_claim);
        Ok(Self {
            auth_token: token.to_owned(),
            endpoints,
            expires_at,
        })
    }

    /// A v2 API key plus its endpoint (`CredentialProvider.fromApiKeyV2`).
    pub fn from_api_key_v2(api_key: &str, endpoint: &str) -> Result<Self, MomentoError> {
        let key = api_key.trim_ascii();
        let claims = jwt_claims(key).ok_or_else(|| {
            MomentoError::invalid_argument("Received an invalid v2 API key: not a JWT")
        })?;
        if json::str_field(&claims, "t") != Some("g") {
            return Err(MomentoError::invalid_argument(
                "Received an invalid v2 API key. Are you using the correct key? Or did you mean to use `fromString()` with a legacy key instead?",
            ));
        }
        if endpoint.trim_ascii().is_empty() {
            return Err(MomentoError::invalid_argument("Endpoint is empty"));
        }
        Ok(Self {
            auth_token: key.to_owned(),
            endpoints: from_base(endpoint.trim_ascii()),
            expires_at: exp_claim(&claims),
        })
    }

    /// A local server with no authentication (`CredentialProvider.forMomentoLocal`): `http://host:port`.
    pub fn for_momento_local(hostname: &str, port: u16) -> Self {
        let url = ["http://", hostname, ":", &decimal(port.into())].concat();
        Self {
            auth_token: String::new(),
            endpoints: Endpoints::single(url),
            expires_at: None,
        }
    }
}

/// Endpoints derived from a base endpoint.
pub fn from_base(base: &str) -> Endpoints {
    from_base_with(base, None)
}

/// Endpoints derived from a base endpoint, `secure` as in [`EndpointOverrides`].
fn from_base_with(base: &str, secure: Option<bool>) -> Endpoints {
    let base = trim_end_ascii(base.trim_ascii(), b'/');
    if is_explicit(base) {
        return Endpoints::single(with_scheme(base, scheme_for(base, secure)));
    }
    Endpoints {
        cache: ["https://cache.", base].concat(),
        control: ["https://control.", base].concat(),
        token: ["https://token.", base].concat(),
        web_prefix: true,
    }
}

fn overridden(o: &EndpointOverrides) -> Endpoints {
    match o {
        EndpointOverrides::All {
            cache,
            control,
            token,
            secure,
        } => Endpoints {
            cache: with_scheme(cache, scheme_for(cache, *secure)),
            control: with_scheme(control, scheme_for(control, *secure)),
            token: with_scheme(token, scheme_for(token, *secure)),
            web_prefix: false,
        },
        EndpointOverrides::Base {
            base,
            prefix,
            secure,
        } => {
            if is_explicit(base) {
                return from_base_with(base, *secure);
            }
            let scheme = if *secure == Some(false) {
                "http://"
            } else {
                "https://"
            };
            let p = prefix
                .as_deref()
                .filter(|p| !p.is_empty())
                .map(|p| p.to_owned() + ".")
                .unwrap_or_default();
            Endpoints {
                cache: [scheme, &p, "cache.", base].concat(),
                control: [scheme, &p, "control.", base].concat(),
                token: [scheme, &p, "token.", base].concat(),
                web_prefix: false,
            }
        }
    }
}

fn has_scheme(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn with_scheme(s: &str, default_scheme: &str) -> String {
    let s = trim_end_ascii(s.trim_ascii(), b'/');
    if has_scheme(s) {
        s.to_owned()
    } else {
        [default_scheme, s].concat()
    }
}

/// A host named by a key (no scheme: `https://`) or an explicit URL / local host (see [`is_explicit`]).
fn host_url(host: &str) -> String {
    with_scheme(host, scheme_for(host, None))
}

/// An endpoint used as it is: with a scheme, or an IP literal or `localhost` (no `cache.`/`web.` hosts derived).
fn is_explicit(hostport: &str) -> bool {
    has_scheme(hostport) || is_ip_or_localhost(hostport)
}

/// The scheme for `hostport` when it has none: what `secure` says, else `http://` for loopback hosts with a port only.
/// A loopback host without a port is a TLS server on 443 (momento-server names its endpoint so only then, as
/// Momento's keys name theirs).
fn scheme_for(hostport: &str, secure: Option<bool>) -> &'static str {
    match secure {
        Some(true) => "https://",
        Some(false) => "http://",
        None if is_loopback(hostport) && host_of(hostport).len() < hostport.len() => "http://",
        None => "https://",
    }
}

/// The host of `host[:port]` / `[v6][:port]` (brackets kept). Byte-wise: char patterns pull core's searchers in.
fn host_of(hostport: &str) -> &str {
    let b = hostport.as_bytes();
    if b.first() == Some(&b'[') {
        return match b.iter().position(|&c| c == b']') {
            Some(i) => hostport.get(..=i).unwrap_or(hostport),
            None => hostport,
        };
    }
    rsplit_once_ascii(hostport, b':').map_or(hostport, |(h, _)| h)
}

/// True for `localhost`, IPv4 literals and bracketed IPv6 literals, with or without a port: hosts that take no
/// `web.cache.` prefix.
fn is_ip_or_localhost(hostport: &str) -> bool {
    let host = host_of(hostport);
    host.as_bytes().last() == Some(&b']') || host == "localhost" || is_ipv4(host)
}

/// True for hosts that name this machine: `localhost` and `*.localhost` (RFC 6761), `127.0.0.0/8` and `[::1]`.
fn is_loopback(hostport: &str) -> bool {
    let host = trim_end_ascii(host_of(hostport), b'.');
    let b = host.as_bytes();
    host == "localhost"
        || b.ends_with(b".localhost")
        || host == "[::1]"
        || (b.starts_with(b"127.") && is_ipv4(host))
}

/// Accepts exactly what `host.parse::<std::net::Ipv4Addr>()` accepts (four decimal octets ≤ 255, no leading
/// zeros), without pulling core's general IP parser (~1.2 KB of wasm) in.
fn is_ipv4(host: &str) -> bool {
    let mut octets = 0;
    for part in split_ascii(host, b'.') {
        let b = part.as_bytes();
        let ok = matches!(b.len(), 1..=3)
            && b.iter().all(u8::is_ascii_digit)
            && (b.len() == 1 || !b.starts_with(b"0"))
            && part.parse::<u8>().is_ok();
        if !ok {
            return false;
        }
        octets += 1;
    }
    octets == 4
}

/// Decodes base64 in any of the common alphabets (standard or URL-safe, padded or not).
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    crate::core::base64::decode(s.as_bytes(), crate::core::base64::Alphabet::Any, false)
}

/// The claims of a JWT (`header.payload.signature`), or `None` if `s` is not shaped like one.
pub fn jwt_claims(s: &str) -> Option<Vec<(String, json::Value)>> {
    let mut parts = split_ascii(s, b'.');
    let (_header, payload, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = decode_base64(trim_end_ascii(payload, b'='))?;
    let text = String::from_utf8(bytes).ok()?;
    json::parse_object(&text).ok()
}

fn exp_claim(claims: &[(String, json::Value)]) -> Option<u64> {
    json::int_field(claims, "exp").and_then(|e| u64::try_from(e).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
    use ::base64::Engine as _;

    fn b64url(s: &str) -> String {
        URL_SAFE_NO_PAD.encode(s)
    }

    fn jwt(payload: &str) -> String {
        format!("{}.{}.sig", b64url(r#"{"alg":"HS256"}"#), b64url(payload))
    }

    #[test]
    fn is_ipv4_matches_std() {
        // `|`-separated, so that the empty string and a trailing space are cases too.
        let cases = "127.0.0.1|0.0.0.0|255.255.255.255|256.0.0.1|1.2.3|1.2.3.4.5|01.2.3.4|1.2.3.04|1.2.3.0|1..3.4||.|\
                     1.2.3.4.|+1.2.3.4|1.2.3.-4|a.b.c.d|1.2.3.4 |001.2.3.4|1.2.3.255|1.2.3.300|1000.2.3.4|1.2.3.٣";
        for s in cases.split('|') {
            assert_eq!(is_ipv4(s), s.parse::<std::net::Ipv4Addr>().is_ok(), "{s:?}");
        }
    }

    #[test]
    fn local_hosts() {
        assert!(is_ip_or_localhost("127.0.0.1:8080"));
        assert!(is_ip_or_localhost("localhost"));
        assert!(is_ip_or_localhost("[::1]:9"));
        assert!(is_ip_or_localhost("10.1.2.3"));
        assert!(!is_ip_or_localhost("cache.example.com:443"));
        assert!(!is_ip_or_localhost("127.0.0.01:8080"));
        for loopback in [
            "127.0.0.1:8080",
            "127.9.8.7",
            "localhost",
            "localhost:1",
            "a.localhost:9",
            "[::1]:443",
            "[::1]",
        ] {
            assert!(is_loopback(loopback), "{loopback}");
        }
        for remote in [
            "203.0.113.5:8080",
            "10.1.2.3",
            "[2001:db8::1]:443",
            "localhost.example.com",
            "128.0.0.1",
            "[::2]",
        ] {
            assert!(!is_loopback(remote), "{remote}");
        }
    }

    #[test]
    fn only_loopback_endpoints_use_plain_http() {
        // A key naming a remote IP literal would send its token in clear text: it gets https:// (and no web. prefix,
        // which an IP literal cannot take).
        for (endpoint, url) in [
            ("203.0.113.5:8080", "https://203.0.113.5:8080"),
            ("10.1.2.3", "https://10.1.2.3"),
            ("[2001:db8::1]:443", "https://[2001:db8::1]:443"),
            ("127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("[::1]:8080", "http://[::1]:8080"),
            ("localhost:8080", "http://localhost:8080"),
            // No port: a TLS server on 443 (momento-server --tls names its endpoint so only on 443).
            ("localhost", "https://localhost"),
            ("127.0.0.1", "https://127.0.0.1"),
            ("[::1]", "https://[::1]"),
            ("http://203.0.113.5:8080", "http://203.0.113.5:8080"),
        ] {
            let key = STANDARD.encode(format!(r#"{{"endpoint":"{endpoint}","api_key":"k"}}"#));
            let c = Credentials::from_string(&key, None).unwrap();
            assert_eq!(
                (c.endpoints.cache.as_str(), c.endpoints.token.as_str()),
                (url, url),
                "{endpoint}"
            );
            for wire in [Wire::Grpc, Wire::GrpcWeb] {
                assert_eq!(c.endpoints.origin(Endpoint::Control, wire), url);
            }
        }
        // The explicit opt-in: secureConnection false (and its opposite).
        let key = STANDARD.encode(r#"{"endpoint":"e","api_key":"k"}"#);
        let base = |base: &str, secure| EndpointOverrides::Base {
            base: base.into(),
            prefix: None,
            secure,
        };
        let c = Credentials::from_string(&key, Some(&base("10.1.2.3:80", Some(false)))).unwrap();
        assert_eq!(c.endpoints.control, "http://10.1.2.3:80");
        let c = Credentials::from_string(&key, Some(&base("example.com", Some(false)))).unwrap();
        assert_eq!(c.endpoints.cache, "http://cache.example.com");
        let c = Credentials::from_string(&key, Some(&base("127.0.0.1:80", Some(true)))).unwrap();
        assert_eq!(c.endpoints.cache, "https://127.0.0.1:80");
        let all = EndpointOverrides::All {
            cache: "10.0.0.1:1".into(),
            control: "localhost:2".into(),
            token: "http://10.0.0.1:3".into(),
            secure: None,
        };
        let c = Credentials::from_string(&key, Some(&all)).unwrap();
        assert_eq!(
            (
                c.endpoints.cache.as_str(),
                c.endpoints.control.as_str(),
                c.endpoints.token.as_str()
            ),
            (
                "https://10.0.0.1:1",
                "http://localhost:2",
                "http://10.0.0.1:3"
            )
        );
    }

    #[test]
    fn v1_key_derives_web_endpoints() {
        let inner = jwt(r#"{"sub":"me","ver":1,"p":"","exp":1900000000}"#);
        let key = STANDARD.encode(format!(
            r#"{{"endpoint":"cell-1.prod.a.momentohq.com","api_key":"{inner}"}}"#
        ));
        let c = Credentials::from_string(&key, None).unwrap();
        assert_eq!(c.auth_token, inner);
        assert_eq!(c.expires_at, Some(1_900_000_000));
        let e = &c.endpoints;
        assert_eq!(e.cache, "https://cache.cell-1.prod.a.momentohq.com");
        for (endpoint, service) in [
            (Endpoint::Cache, "cache"),
            (Endpoint::Control, "control"),
            (Endpoint::Token, "token"),
        ] {
            let host = format!("{service}.cell-1.prod.a.momentohq.com");
            assert_eq!(e.origin(endpoint, Wire::Grpc), format!("https://{host}"));
            assert_eq!(
                e.origin(endpoint, Wire::GrpcWeb),
                format!("https://web.{host}")
            );
        }
    }

    #[test]
    fn v1_key_for_a_local_server_uses_plain_http() {
        let key = STANDARD.encode(r#"{"endpoint":"127.0.0.1:8080","api_key":"k"}"#);
        let c = Credentials::from_string(&key, None).unwrap();
        assert_eq!(c.endpoints.cache, "http://127.0.0.1:8080");
        assert_eq!(c.endpoints.token, "http://127.0.0.1:8080");
        let key = URL_SAFE.encode(r#"{"endpoint":"http://localhost:9/","api_key":"k"}"#);
        let c = Credentials::from_string(&key, None).unwrap();
        assert_eq!(c.endpoints.control, "http://localhost:9");
    }

    #[test]
    fn legacy_jwt_uses_claims() {
        let token =
            jwt(r#"{"sub":"x","cp":"control.cell.example.com","c":"cache.cell.example.com"}"#);
        let c = Credentials::from_string(&token, None).unwrap();
        assert_eq!(c.auth_token, token);
        let e = &c.endpoints;
        assert_eq!(e.cache, "https://cache.cell.example.com");
        assert_eq!(e.control, "https://control.cell.example.com");
        assert_eq!(e.token, "https://cache.cell.example.com");
        assert_eq!(
            e.origin(Endpoint::Token, Wire::GrpcWeb),
            "https://web.cache.cell.example.com"
        );
        assert_eq!(
            e.origin(Endpoint::Control, Wire::GrpcWeb),
            "https://web.control.cell.example.com"
        );
    }

    #[test]
    fn v2_keys_need_their_endpoint() {
        let v2 = jwt(r#"{"t":"g","jti":"id"}"#);
        let e = Credentials::from_string(&v2, None).unwrap_err();
        assert!(e.message.contains("fromApiKeyV2"));
        let c = Credentials::from_api_key_v2(&v2, "cell.example.com").unwrap();
        assert_eq!(c.endpoints.cache, "https://cache.cell.example.com");
        assert_eq!(
            c.endpoints.origin(Endpoint::Cache, Wire::GrpcWeb),
            "https://web.cache.cell.example.com"
        );
        assert!(Credentials::from_api_key_v2("nope", "x").is_err());
    }

    #[test]
    fn overrides_skip_the_web_prefix() {
        let key = STANDARD.encode(r#"{"endpoint":"x.example.com","api_key":"k"}"#);
        let o = EndpointOverrides::All {
            cache: "http://127.0.0.1:1".into(),
            control: "ctl.example.com".into(),
            token: "https://tok.example.com/".into(),
            secure: None,
        };
        let c = Credentials::from_string(&key, Some(&o)).unwrap();
        assert_eq!(c.endpoints.cache, "http://127.0.0.1:1");
        assert_eq!(c.endpoints.control, "https://ctl.example.com");
        assert_eq!(c.endpoints.token, "https://tok.example.com");
        let o = EndpointOverrides::Base {
            base: "b.example.com".into(),
            prefix: Some("p".into()),
            secure: None,
        };
        let c = Credentials::from_string(&key, Some(&o)).unwrap();
        assert_eq!(c.endpoints.cache, "https://p.cache.b.example.com");
        assert_eq!(
            c.endpoints.origin(Endpoint::Cache, Wire::GrpcWeb),
            "https://p.cache.b.example.com"
        );
    }

    #[test]
    fn garbage_is_an_invalid_argument() {
        for bad in ["", "   ", "!!!", "a.b", "e30=", "bm90IGpzb24="] {
            let e = Credentials::from_string(bad, None).unwrap_err();
            assert_eq!(
                e.code,
                crate::core::error::MomentoErrorCode::InvalidArgument,
                "{bad}"
            );
        }
    }

    #[test]
    fn debug_never_prints_the_token() {
        let c = Credentials::for_momento_local("127.0.0.1", 8080);
        let mut c2 = c.clone();
        c2.auth_token = "secret-token".into();
        assert!(!format!("{c2:?}").contains("secret-token"));
        assert_eq!(c.endpoints.cache, "http://127.0.0.1:8080");
    }
}
