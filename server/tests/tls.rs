//! TLS (issue 15, items 9 and 10): `--tls-dev` creates a CA and a certificate for localhost,
//! 127.0.0.1 and ::1 that clients trusting the CA accept; ALPN offers h2 and http/1.1 on the
//! same port (gRPC over h2 and gRPC-web over HTTP/1.1 both work); the CA is reused across
//! restarts; plaintext and `--auth none` are refused beyond loopback.

use crate::common;

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::sync::Arc;

use common::SECRET;
use momento_server::tls::TlsSource;
use momento_server::{AuthMode, Config, RunningServer, SecretSource, ServerError};
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio_rustls::rustls;
use tokio_rustls::TlsConnector;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("momento-server-tls-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn start_dev(dir: &Path) -> RunningServer {
    momento_server::run(Config {
        port: 0,
        secret: SecretSource::Bytes(SECRET.to_vec()),
        tls: Some(TlsSource::Dev {
            dir: dir.to_path_buf(),
        }),
        ..Config::default()
    })
    .await
    .unwrap()
}

/// A TLS client trusting only `ca`, offering `alpn`.
fn connector(ca: &Path, alpn: &[&[u8]]) -> TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).unwrap() {
        roots.add(cert.unwrap()).unwrap();
    }
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    TlsConnector::from(Arc::new(config))
}

/// A TLS handshake with `server` for `name`, trusting only `ca` and offering `alpn`.
async fn handshake(
    server: &RunningServer,
    ca: &Path,
    alpn: &[&[u8]],
    name: ServerName<'static>,
) -> std::io::Result<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
    let tcp = tokio::net::TcpStream::connect(server.local_addr())
        .await
        .unwrap();
    connector(ca, alpn).connect(name, tcp).await
}

#[tokio::test]
async fn dev_tls_serves_h2_and_http1_on_one_port() {
    let dir = temp_dir("alpn");
    let server = start_dev(&dir).await;
    assert!(
        server.url().starts_with("https://127.0.0.1:"),
        "{}",
        server.url()
    );
    let ca = server.dev_ca().unwrap().to_path_buf();

    // h2 when offered (as browsers and gRPC clients do), for every name of the certificate:
    // the advertised host (localhost) with the prefixes the SDKs derive from keys included.
    for name in [
        "localhost",
        "127.0.0.1",
        "cache.localhost",
        "web.cache.localhost",
        "api.cache.localhost",
    ] {
        let server_name = ServerName::try_from(name.to_owned()).unwrap();
        let tls = handshake(&server, &ca, &[b"h2", b"http/1.1"], server_name)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(tls.get_ref().1.alpn_protocol(), Some(&b"h2"[..]), "{name}");
        let (client, connection) = h2::client::handshake(tls).await.unwrap();
        tokio::spawn(connection);
        let mut client = client.ready().await.unwrap();
        let request = http::Request::builder()
            .method("POST")
            .uri(format!("https://{name}/cache_client.Ping/Ping"))
            .header("content-type", "application/grpc")
            .header("te", "trailers")
            .body(())
            .unwrap();
        let (response, mut body) = client.send_request(request, false).unwrap();
        body.send_data(vec![0u8, 0, 0, 0, 0].into(), true).unwrap();
        let response = response.await.unwrap();
        assert_eq!(response.status(), 200);
        let mut body = response.into_body();
        while let Some(data) = body.data().await {
            let _ = body.flow_control().release_capacity(data.unwrap().len());
        }
        let trailers = body.trailers().await.unwrap().unwrap();
        assert_eq!(trailers["grpc-status"], "0", "{name}");
    }

    // HTTP/1.1 (gRPC-web) when only it is offered.
    let localhost = ServerName::IpAddress(IpAddr::V4(Ipv4Addr::LOCALHOST).into());
    let mut tls = handshake(&server, &ca, &[b"http/1.1"], localhost)
        .await
        .unwrap();
    assert_eq!(tls.get_ref().1.alpn_protocol(), Some(&b"http/1.1"[..]));
    tls.write_all(
        b"POST /cache_client.Ping/Ping HTTP/1.1\r\nhost: localhost\r\ncontent-type: \
          application/grpc-web+proto\r\nx-grpc-web: 1\r\ncontent-length: 5\r\nconnection: \
          close\r\n\r\n\0\0\0\0\0",
    )
    .await
    .unwrap();
    let mut answer = Vec::new();
    tls.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).to_lowercase();
    assert!(answer.starts_with("http/1.1 200"), "{answer}");
    assert!(answer.contains("grpc-status:0"), "{answer}");

    // Plaintext from a loopback peer is served too (the key's `localhost:<port>` works for clients
    // that speak plaintext to loopback hosts); beyond loopback it is refused (tls.rs unit tests).
    let plain = reqwest::Client::new()
        .post(format!(
            "http://{}/cache_client.Ping/Ping",
            server.endpoint()
        ))
        .header("content-type", "application/grpc-web+proto")
        .header("x-grpc-web", "1")
        .body(vec![0u8; 5])
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 200);
    let body = plain.bytes().await.unwrap();
    assert!(
        String::from_utf8_lossy(&body).contains("grpc-status:0"),
        "{body:?}"
    );

    // A client that does not trust the CA is refused.
    let other = temp_dir("other-ca");
    let other_ca =
        momento_server::tls::dev_certificates(&other, &momento_server::tls::dev_names("localhost"))
            .unwrap()
            .ca_cert;
    let localhost = ServerName::try_from("localhost").unwrap();
    assert!(handshake(&server, &other_ca, &[b"h2"], localhost)
        .await
        .is_err());
    server.shutdown().await.unwrap();

    // A restart reuses the CA (clients keep trusting it).
    let before = std::fs::read(&ca).unwrap();
    let again = start_dev(&dir).await;
    assert_eq!(std::fs::read(again.dev_ca().unwrap()).unwrap(), before);
    again.shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(other);
}

#[tokio::test]
async fn exposure_beyond_loopback_needs_tls_and_authentication() {
    let any = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    let refused = |config: Config| async move {
        match momento_server::run(config).await {
            Err(ServerError::Exposure(message)) => message,
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    let plaintext = refused(Config {
        host: any,
        port: 0,
        ..Config::default()
    })
    .await;
    assert!(plaintext.contains("--tls-dev"), "{plaintext}");
    let open = refused(Config {
        host: any,
        port: 0,
        auth: AuthMode::None,
        allow_plaintext: true,
        ..Config::default()
    })
    .await;
    assert!(open.contains("--auth none"), "{open}");
    // With --allow-plaintext, or with TLS, it starts.
    let server = momento_server::run(Config {
        host: any,
        port: 0,
        allow_plaintext: true,
        ..Config::default()
    })
    .await
    .unwrap();
    server.shutdown().await.unwrap();
    let dir = temp_dir("exposed");
    let server = momento_server::run(Config {
        host: any,
        port: 0,
        tls: Some(TlsSource::Dev { dir: dir.clone() }),
        ..Config::default()
    })
    .await
    .unwrap();
    assert!(server.url().starts_with("https://"));
    // Plaintext is served to loopback peers only: from this machine's non-loopback address (when it
    // has one) the connection is closed unanswered.
    let port = server.local_addr().port();
    let ping = b"POST /cache_client.Ping/Ping HTTP/1.1\r\nhost: x\r\ncontent-type: \
                 application/grpc-web+proto\r\ncontent-length: 5\r\nconnection: close\r\n\r\n\0\0\0\0\0";
    let answer = |ip: IpAddr| async move {
        let mut tcp = tokio::net::TcpStream::connect((ip, port)).await.unwrap();
        tcp.write_all(ping).await.unwrap();
        let mut answer = Vec::new();
        let _ = tcp.read_to_end(&mut answer).await;
        String::from_utf8_lossy(&answer).into_owned()
    };
    assert!(answer(IpAddr::V4(Ipv4Addr::LOCALHOST))
        .await
        .starts_with("HTTP/1.1 200"));
    let outward = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip());
    match outward {
        Ok(ip) if !ip.is_loopback() && !ip.is_unspecified() => {
            assert_eq!(answer(ip).await, "", "plaintext from {ip}");
        }
        other => eprintln!("no non-loopback address to test plaintext refusal from: {other:?}"),
    }
    server.shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

/// Another `--advertise-host` gets a certificate naming it (and its prefixed names) signed by the
/// same development CA: nothing to trust again.
#[tokio::test]
async fn dev_certificate_follows_the_advertised_host_under_the_same_ca() {
    let dir = temp_dir("advertise");
    let first =
        momento_server::tls::dev_certificates(&dir, &momento_server::tls::dev_names("localhost"))
            .unwrap();
    let ca = std::fs::read_to_string(&first.ca_cert).unwrap();
    let server = momento_server::run(Config {
        port: 0,
        secret: SecretSource::Bytes(SECRET.to_vec()),
        tls: Some(TlsSource::Dev {
            dir: dir.to_path_buf(),
        }),
        advertise_host: "momento.test".into(),
        ..Config::default()
    })
    .await
    .unwrap();
    assert_eq!(std::fs::read_to_string(&first.ca_cert).unwrap(), ca);
    assert!(
        server.endpoint().starts_with("momento.test:"),
        "{}",
        server.endpoint()
    );
    for name in [
        "momento.test",
        "web.cache.momento.test",
        "token.momento.test",
        "localhost",
    ] {
        let server_name = ServerName::try_from(name.to_owned()).unwrap();
        handshake(&server, &first.ca_cert, &[b"h2"], server_name)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    server.shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(dir);
}
