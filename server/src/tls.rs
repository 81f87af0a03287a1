//! TLS: rustls (ring provider) on the server's one port, ALPN `h2` and `http/1.1`, so browsers
//! get HTTP/2 (no six-connection limit) and gRPC clients get TLS as from Momento's service.
//!
//! Two ways to get a certificate ([`TlsSource`]):
//! - `--tls-cert F --tls-key F`: PEM files (a chain and its private key: PKCS#8, PKCS#1 or SEC1);
//! - `--tls-dev`: a development CA and a certificate for `localhost`, `127.0.0.1` and `::1`
//!   signed by it, created on first use by [`dev_certificates`] in a directory beside the
//!   signing secret and reused afterwards (the CA's key stays there, mode 0600, so that the
//!   certificate can be renewed under the same CA). Trust the CA once and every later start is
//!   trusted: [`trust_instructions`] says how (Node's `NODE_EXTRA_CA_CERTS`, grpc-js's
//!   `GRPC_DEFAULT_SSL_ROOTS_FILE_PATH`, Chromium's certificate store).
//!
//! Handshakes run in their own tasks ([`TlsIncoming`]) with a time limit, so a client that
//! opens a connection and sends nothing holds no other connection up.

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
use tonic::transport::server::{Connected, TcpConnectInfo, TcpIncoming};

use crate::conn::CappedRead;

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
}

impl DevCertificates {
    /// The file names in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            ca_cert: dir.join("momento-server-dev-ca.pem"),
            ca_key: dir.join("momento-server-dev-ca.key"),
            cert: dir.join("momento-server-dev-cert.pem"),
            key: dir.join("momento-server-dev-cert.key"),
        }
    }
}

/// Names the development certificate is valid for.
pub const DEV_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "::1"];

fn rcgen_error(error: rcgen::Error) -> io::Error {
    io::Error::other(format!("generating the development certificate: {error}"))
}

/// Age after which [`dev_certificates`] replaces the development files (the certificate is
/// valid 800 days).
pub const DEV_RENEW_AFTER: Duration = Duration::from_secs(780 * 24 * 3600);

/// The development CA and certificate in `dir`: reused when all four files exist and the
/// certificate is younger than [`DEV_RENEW_AFTER`], else created (a new CA, valid 10 years, and
/// a certificate for [`DEV_NAMES`] signed by it, valid 800 days; a renewed CA must be trusted
/// again). Keys are written mode 0600.
pub fn dev_certificates(dir: &Path) -> io::Result<DevCertificates> {
    let files = DevCertificates::in_dir(dir);
    let fresh = std::fs::metadata(&files.cert)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|written| written.elapsed().ok())
        .is_some_and(|age| age < DEV_RENEW_AFTER);
    if fresh
        && [&files.ca_cert, &files.ca_key, &files.key]
            .iter()
            .all(|p| p.exists())
    {
        return Ok(files);
    }
    std::fs::create_dir_all(dir)?;
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(rcgen_error)?;
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    ca_params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    ca_params.distinguished_name.push(
        rcgen::DnType::CommonName,
        format!(
            "momento-server development CA ({})",
            crate::secret::random_hex(4)?
        ),
    );
    let now = std::time::SystemTime::now();
    ca_params.not_before = now.into();
    ca_params.not_after = (now + Duration::from_secs(10 * 365 * 24 * 3600)).into();
    let ca_key = rcgen::KeyPair::generate().map_err(rcgen_error)?;
    let ca_cert = ca_params.self_signed(&ca_key).map_err(rcgen_error)?;

    let mut params = rcgen::CertificateParams::new(DEV_NAMES.map(str::to_owned).to_vec())
        .map_err(rcgen_error)?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "localhost");
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::DigitalSignature,
        rcgen::KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    params.not_before = now.into();
    // Below 825 days, the most some clients accept for a server certificate.
    params.not_after = (now + Duration::from_secs(800 * 24 * 3600)).into();
    let key = rcgen::KeyPair::generate().map_err(rcgen_error)?;
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let cert = params.signed_by(&key, &issuer).map_err(rcgen_error)?;

    crate::secret::write_private_atomic(&files.ca_key, issuer.key().serialize_pem().as_bytes())?;
    crate::secret::write_private_atomic(&files.key, key.serialize_pem().as_bytes())?;
    std::fs::write(&files.cert, cert.pem())?;
    std::fs::write(&files.ca_cert, ca_cert.pem())?;
    Ok(files)
}

/// How to make clients trust the development CA at `ca_cert` (printed at startup).
pub fn trust_instructions(ca_cert: &Path) -> String {
    let ca = ca_cert.display();
    format!(
        "TLS development mode: the certificate for localhost, 127.0.0.1 and ::1 is signed by the \
         CA in {ca}. Trust it once:\n\
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

/// The rustls configuration `source` designates (creating the development certificate if
/// needed); also the development CA's path when in development mode.
pub fn load(source: &TlsSource) -> io::Result<(Arc<rustls::ServerConfig>, Option<PathBuf>)> {
    match source {
        TlsSource::Files { cert, key } => Ok((server_config(cert, key)?, None)),
        TlsSource::Dev { dir } => {
            let files = dev_certificates(dir)?;
            Ok((server_config(&files.cert, &files.key)?, Some(files.ca_cert)))
        }
    }
}

/// A TLS connection with reads capped like plain ones ([`crate::conn`]).
pub type TlsConn = CappedRead<TlsStream<TcpStream>>;

impl Connected for CappedRead<TlsStream<TcpStream>> {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.0.get_ref().0.connect_info()
    }
}

/// Accepted TCP connections after their TLS handshake: each handshake runs in its own task,
/// bounded by [`HANDSHAKE_TIMEOUT`]; failed ones are logged and dropped.
pub struct TlsIncoming {
    rx: tokio::sync::mpsc::Receiver<TlsConn>,
    accept: tokio::task::JoinHandle<()>,
}

impl TlsIncoming {
    /// Starts accepting from `tcp` with `config`.
    pub fn new(tcp: TcpIncoming, config: Arc<rustls::ServerConfig>) -> Self {
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
                    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(conn)).await {
                        Ok(Ok(tls)) => {
                            let _ = tx.send(CappedRead(tls)).await;
                        }
                        Ok(Err(error)) => {
                            crate::log_debug!("event=tls_handshake_failed error=\"{error}\"");
                        }
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
