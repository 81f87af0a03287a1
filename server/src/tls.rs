//! TLS: rustls (ring provider) on the server's one port, ALPN `h2` and `http/1.1`, so browsers
//! get HTTP/2 (no six-connection limit) and gRPC clients get TLS as from Momento's service.
//!
//! Two ways to get a certificate ([`TlsSource`]):
//! - `--tls-cert F --tls-key F`: PEM files (a chain and its private key: PKCS#8, PKCS#1 or SEC1);
//! - `--tls-dev`: a development CA and a certificate for `localhost`, `127.0.0.1`, `::1` and the
//!   advertised host with the SDKs' prefixes ([`dev_names`]) signed by it, created on first use
//!   by [`dev_certificates`] in a directory beside the signing secret and reused afterwards (the
//!   CA's key stays there, mode 0600, so that the certificate can be renewed, or re-signed for
//!   another `--advertise-host`, under the same CA). Trust the CA once and every later start is
//!   trusted: [`trust_instructions`] says how (Node's `NODE_EXTRA_CA_CERTS`, grpc-js's
//!   `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH`, Chromium's certificate store).
//!
//! Handshakes run in their own tasks ([`TlsIncoming`]) with a time limit, so a client that
//! opens a connection and sends nothing holds no other connection up.
//!
//! The port also serves plaintext HTTP (h2c, HTTP/1.1) to loopback peers: a connection whose
//! first byte is not a TLS record's is plain when it comes from this machine, and closed when it
//! does not. So a key naming `localhost:<port>` works both for the official SDKs (which derive
//! `cache.localhost:<port>` and speak TLS) and for clients that speak plaintext to loopback
//! hosts (momento-wasm, curl `http://`), while a token never crosses the network in clear text.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::TcpStream;
use tokio_rustls::rustls;
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;
use tokio_stream::Stream;
use tokio_util::either::Either;
use tonic::transport::server::{Connected, TcpConnectInfo};

use crate::conn::CappedRead;
use crate::test_admin::{Gated, Incoming};

/// Where the server's certificate comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsSource {
    /// A PEM certificate chain and its PEM private key (`--tls-cert`, `--tls-key`).
    Files {
        /// The certificate chain, leaf first.
        cert: PathBuf,
        /// The private key.
        key: PathBuf,
    },
    /// A development CA and certificate kept in this directory (`--tls-dev`).
    Dev {
        /// Where [`dev_certificates`] keeps its files.
        dir: PathBuf,
    },
}

/// How long a client may take to complete the TLS handshake.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Files of the development CA and certificate, in [`TlsSource::Dev`]'s directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevCertificates {
    /// The CA certificate (PEM): what clients trust.
    pub ca_cert: PathBuf,
    /// The CA's private key (PEM, mode 0600).
    pub ca_key: PathBuf,
    /// The server certificate for `localhost`, `127.0.0.1` and `::1` (PEM, signed by the CA).
    pub cert: PathBuf,
    /// The server certificate's private key (PEM, mode 0600).
    pub key: PathBuf,
    /// The names in the server certificate, one per line (see [`dev_certificates`]).
    pub names: PathBuf,
}

impl DevCertificates {
    /// The file names in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            ca_cert: dir.join("momento-server-dev-ca.pem"),
            ca_key: dir.join("momento-server-dev-ca.key"),
            cert: dir.join("momento-server-dev-cert.pem"),
            key: dir.join("momento-server-dev-cert.key"),
            names: dir.join("momento-server-dev-cert.names"),
        }
    }
}

/// The prefixes Momento's SDKs put in front of a key's endpoint: gRPC (`cache.`, `control.`,
/// `token.`), gRPC-web (`web.…`) and the HTTP API (`api.cache.`). The server answers them all on
/// its one port; the development certificate names them for the advertised host.
pub const ENDPOINT_PREFIXES: [&str; 7] = [
    "cache.",
    "web.cache.",
    "control.",
    "web.control.",
    "token.",
    "web.token.",
    "api.cache.",
];

/// Names the development certificate is valid for: `localhost`, `127.0.0.1`, `::1`, and the
/// advertised host with every [`ENDPOINT_PREFIXES`] (a host name only; an IP address as is).
pub fn dev_names(advertise_host: &str) -> Vec<String> {
    let mut names: Vec<String> = ["localhost", "127.0.0.1", "::1", advertise_host]
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    if advertise_host.parse::<std::net::IpAddr>().is_err() {
        names.extend(
            ENDPOINT_PREFIXES
                .iter()
                .map(|p| format!("{p}{advertise_host}")),
        );
    }
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    names
}

fn rcgen_error(error: rcgen::Error) -> io::Error {
    io::Error::other(format!("generating the development certificate: {error}"))
}

/// Age after which [`dev_certificates`] replaces the development certificate (it is valid 800
/// days).
pub const DEV_RENEW_AFTER: Duration = Duration::from_secs(780 * 24 * 3600);

/// Age after which [`dev_certificates`] replaces the development CA (it is valid 10 years).
pub const DEV_CA_RENEW_AFTER: Duration = Duration::from_secs(9 * 365 * 24 * 3600);

/// The development CA's parameters. Its name derives from its key, so that a later start can
/// sign a new certificate with the CA's key file alone.
fn ca_params(key: &rcgen::KeyPair) -> io::Result<rcgen::CertificateParams> {
    use sha2::Digest as _;
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(rcgen_error)?;
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    let digest = sha2::Sha256::digest(key.public_key_raw());
    let id: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    params.distinguished_name.push(
        rcgen::DnType::CommonName,
        format!("momento-server development CA ({id})"),
    );
    let now = std::time::SystemTime::now();
    params.not_before = now.into();
    params.not_after = (now + Duration::from_secs(10 * 365 * 24 * 3600)).into();
    Ok(params)
}

/// How old the file at `path` is (`None` when it does not exist).
fn file_age(path: &Path) -> Option<Duration> {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|written| written.elapsed().ok())
}

/// The development CA and certificate in `dir`, for `names` ([`dev_names`]): reused when all
/// files exist, the certificate is younger than [`DEV_RENEW_AFTER`] and names exactly `names`;
/// otherwise the certificate is signed anew (valid 800 days) by the CA, which is kept when this
/// version wrote it and it is younger than [`DEV_CA_RENEW_AFTER`], else replaced (a new CA, valid
/// 10 years, must be trusted again). Keys are written mode 0600; the names go to
/// `momento-server-dev-cert.names`.
pub fn dev_certificates(dir: &Path, names: &[String]) -> io::Result<DevCertificates> {
    let files = DevCertificates::in_dir(dir);
    let wanted = names.join("\n");
    let written_names = std::fs::read_to_string(&files.names).ok();
    let ca_ok = written_names.is_some()
        && file_age(&files.ca_cert).is_some_and(|age| age < DEV_CA_RENEW_AFTER)
        && files.ca_key.exists();
    if ca_ok
        && written_names.as_deref() == Some(wanted.as_str())
        && file_age(&files.cert).is_some_and(|age| age < DEV_RENEW_AFTER)
        && files.key.exists()
    {
        return Ok(files);
    }
    std::fs::create_dir_all(dir)?;
    let reused_ca = if ca_ok {
        std::fs::read_to_string(&files.ca_key)
            .ok()
            .and_then(|pem| rcgen::KeyPair::from_pem(&pem).ok())
    } else {
        None
    };
    let issuer = match reused_ca {
        Some(ca_key) => rcgen::Issuer::new(ca_params(&ca_key)?, ca_key),
        None => {
            let ca_key = rcgen::KeyPair::generate().map_err(rcgen_error)?;
            let params = ca_params(&ca_key)?;
            let ca_cert = params.self_signed(&ca_key).map_err(rcgen_error)?;
            crate::secret::write_private_atomic(&files.ca_key, ca_key.serialize_pem().as_bytes())?;
            std::fs::write(&files.ca_cert, ca_cert.pem())?;
            rcgen::Issuer::new(params, ca_key)
        }
    };

    let mut params = rcgen::CertificateParams::new(names.to_vec()).map_err(rcgen_error)?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "localhost");
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::DigitalSignature,
        rcgen::KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    let now = std::time::SystemTime::now();
    params.not_before = now.into();
    // Below 825 days, the most some clients accept for a server certificate.
    params.not_after = (now + Duration::from_secs(800 * 24 * 3600)).into();
    let key = rcgen::KeyPair::generate().map_err(rcgen_error)?;
    let cert = params.signed_by(&key, &issuer).map_err(rcgen_error)?;

    crate::secret::write_private_atomic(&files.key, key.serialize_pem().as_bytes())?;
    std::fs::write(&files.cert, cert.pem())?;
    std::fs::write(&files.names, wanted)?;
    Ok(files)
}

/// How to make clients trust the development CA at `ca_cert` (printed at startup).
pub fn trust_instructions(ca_cert: &Path) -> String {
    let ca = ca_cert.display();
    format!(
        "TLS development mode: the certificate for localhost, 127.0.0.1, ::1 and the advertised \
         host (with its cache., web.cache., control., token. and api.cache. names) is signed by \
         the CA in {ca}. Trust it once:\n\
         - Node (fetch, @gomomento/sdk-web, this SDK): NODE_EXTRA_CA_CERTS={ca} node app.js\n\
         - Node gRPC (@gomomento/sdk, grpc-js): GRPC_DEFAULT_SSL_ROOTS_FILE_PATH={ca} node app.js\n\
         - Chromium/Chrome on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n \
         momento-server-dev -i {ca}\n\
         \x20 (or chrome://settings/certificates > Authorities > Import)\n\
         - curl: curl --cacert {ca} https://127.0.0.1:<port>/\n"
    )
}

/// A rustls server configuration for the PEM chain and key in `cert` and `key`, with ALPN `h2`
/// and `http/1.1`.
pub fn server_config(cert: &Path, key: &Path) -> io::Result<Arc<rustls::ServerConfig>> {
    let invalid = |what: &str, path: &Path, e: &dyn std::fmt::Display| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{what} {}: {e}", path.display()),
        )
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(|e| invalid("certificate file", cert, &e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| invalid("certificate file", cert, &e))?;
    if chain.is_empty() {
        return Err(invalid("certificate file", cert, &"no certificate in it"));
    }
    let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| invalid("key file", key, &e))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| io::Error::other(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, key_der)
        .map_err(|e| invalid("certificate and key", cert, &e))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// The rustls configuration `source` designates (creating the development certificate for
/// [`dev_names`] of `advertise_host` if needed); also the development CA's path when in
/// development mode.
pub fn load(
    source: &TlsSource,
    advertise_host: &str,
) -> io::Result<(Arc<rustls::ServerConfig>, Option<PathBuf>)> {
    match source {
        TlsSource::Files { cert, key } => Ok((server_config(cert, key)?, None)),
        TlsSource::Dev { dir } => {
            let files = dev_certificates(dir, &dev_names(advertise_host))?;
            Ok((server_config(&files.cert, &files.key)?, Some(files.ca_cert)))
        }
    }
}

/// A connection on the TLS port: TLS (left), or plaintext from a loopback peer (right), with
/// reads capped like plain ones ([`crate::conn`]), over a connection the test admin may cut
/// ([`crate::test_admin`]).
pub type TlsConn = CappedRead<Either<TlsStream<Gated<TcpStream>>, Gated<TcpStream>>>;

impl Connected for TlsConn {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        match &self.0 {
            Either::Left(tls) => tls.get_ref().0.connect_info(),
            Either::Right(plain) => plain.connect_info(),
        }
    }
}

/// The first byte of every TLS connection: a handshake record (RFC 8446 §5.1). No HTTP/1.1
/// method and not HTTP/2's preface (`PRI`) starts with it.
const TLS_HANDSHAKE_RECORD: u8 = 0x16;

/// What to do with a connection whose first byte is `first`, from `peer`.
#[derive(Debug, PartialEq, Eq)]
enum Accept {
    Tls,
    Plain,
    Refuse,
}

fn accept_as(first: u8, peer: std::net::IpAddr) -> Accept {
    if first == TLS_HANDSHAKE_RECORD {
        Accept::Tls
    } else if peer.is_loopback() {
        Accept::Plain
    } else {
        Accept::Refuse
    }
}

/// Waits for `conn`'s first byte and makes it a TLS or a plain connection (see the module docs);
/// `None` for a connection closed, refused or failing its handshake.
async fn accept(conn: Gated<TcpStream>, acceptor: TlsAcceptor) -> Option<TlsConn> {
    let mut first = [0u8; 1];
    let peeked = conn.get_ref().peek(&mut first).await.ok()?;
    let peer = conn.get_ref().peer_addr().ok()?.ip();
    match (peeked, accept_as(first[0], peer)) {
        (0, _) => None,
        (_, Accept::Tls) => match acceptor.accept(conn).await {
            Ok(tls) => Some(CappedRead(Either::Left(tls))),
            Err(error) => {
                crate::log_debug!("event=tls_handshake_failed error=\"{error}\"");
                None
            }
        },
        (_, Accept::Plain) => Some(CappedRead(Either::Right(conn))),
        (_, Accept::Refuse) => {
            crate::log_warn!(
                "event=plaintext_refused peer={peer} reason=\"not TLS, not from loopback\""
            );
            None
        }
    }
}

/// Accepted TCP connections after their TLS handshake (or, from loopback peers, as plaintext):
/// each handshake runs in its own task, bounded by [`HANDSHAKE_TIMEOUT`]; failed ones are logged
/// and dropped.
pub struct TlsIncoming {
    rx: tokio::sync::mpsc::Receiver<TlsConn>,
    accept: tokio::task::JoinHandle<()>,
}

impl TlsIncoming {
    /// Starts accepting from `tcp` with `config`.
    pub fn new(tcp: Incoming, config: Arc<rustls::ServerConfig>) -> Self {
        let (tx, rx) = tokio::sync::mpsc::channel(64);
        let acceptor = TlsAcceptor::from(config);
        let accept = tokio::spawn(async move {
            let mut tcp = std::pin::pin!(tcp);
            while let Some(conn) = tokio_stream::StreamExt::next(&mut tcp).await {
                let Ok(conn) = conn else {
                    continue;
                };
                let acceptor = acceptor.clone();
                let tx = tx.clone();
                tokio::spawn(async move {
                    match tokio::time::timeout(HANDSHAKE_TIMEOUT, accept(conn, acceptor)).await {
                        Ok(Some(conn)) => {
                            let _ = tx.send(conn).await;
                        }
                        Ok(None) => {}
                        Err(_) => crate::log_debug!("event=tls_handshake_timeout"),
                    }
                });
            }
        });
        Self { rx, accept }
    }
}

impl Drop for TlsIncoming {
    /// Stops accepting (the listening socket closes with the accept task).
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl Stream for TlsIncoming {
    type Item = io::Result<TlsConn>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.rx.poll_recv(cx).map(|conn| conn.map(Ok))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plaintext_only_from_loopback() {
        let local: std::net::IpAddr = "127.0.0.1".parse().unwrap();
        let local6: std::net::IpAddr = "::1".parse().unwrap();
        let remote: std::net::IpAddr = "192.0.2.7".parse().unwrap();
        for peer in [local, local6, remote] {
            assert_eq!(accept_as(TLS_HANDSHAKE_RECORD, peer), Accept::Tls);
        }
        // HTTP/2's preface (`PRI * HTTP/2.0`) and an HTTP/1.1 request line.
        for first in [b'P', b'G', b'O'] {
            assert_eq!(accept_as(first, local), Accept::Plain);
            assert_eq!(accept_as(first, local6), Accept::Plain);
            assert_eq!(accept_as(first, remote), Accept::Refuse);
        }
    }
}
