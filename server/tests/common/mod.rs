//! Shared helpers: start a server in-process on an ephemeral port, build requests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use momento_server::{AuthMode, Config, RunningServer, SecretSource};
use tonic::metadata::MetadataValue;
use tonic::Request;

/// Signing secret of the test servers.
pub const SECRET: &[u8] = b"momento-server-test-secret";

/// Starts a server on 127.0.0.1:0 with the given auth mode and extra CORS origins.
pub async fn start_with(auth: AuthMode, cors_origins: Vec<String>) -> RunningServer {
    let config = Config {
        port: 0,
        auth,
        secret: SecretSource::Bytes(SECRET.to_vec()),
        cors_origins,
        sweep_interval: Duration::from_millis(50),
        ..Config::default()
    };
    momento_server::run(config).await.expect("server starts")
}

/// Starts a token-authenticated server.
pub async fn start() -> RunningServer {
    start_with(AuthMode::Token, Vec::new()).await
}

/// Wraps `message` with the `cache` and `authorization` headers (either may be omitted).
pub fn request<T>(message: T, cache: Option<&str>, token: Option<&str>) -> Request<T> {
    let mut request = Request::new(message);
    if let Some(cache) = cache {
        request
            .metadata_mut()
            .insert("cache", MetadataValue::try_from(cache).unwrap());
    }
    if let Some(token) = token {
        request
            .metadata_mut()
            .insert("authorization", MetadataValue::try_from(token).unwrap());
    }
    request
}

/// A gRPC channel to `server`.
pub async fn channel(server: &RunningServer) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(server.url())
        .unwrap()
        .connect()
        .await
        .unwrap()
}

/// Creates cache `name` through `channel` with `token`.
pub async fn create_cache(channel: tonic::transport::Channel, name: &str, token: &str) {
    momento_server::grpc::control_client::scs_control_client::ScsControlClient::new(channel)
        .create_cache(request(
            momento_proto::control_client::CreateCacheRequest {
                cache_name: name.to_owned(),
            },
            None,
            Some(token),
        ))
        .await
        .unwrap();
}

/// A unique cache name per test.
pub fn cache_name(test: &str) -> String {
    format!("cache-{test}")
}

/// A compact HS256 JWT of `payload` signed with [`SECRET`]: credentials this server's CLI does
/// not mint (legacy auth tokens with `c`/`cp` claims, hand-made v2 keys).
pub fn sign_jwt(payload: &serde_json::Value) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use hmac::Mac as _;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(payload).unwrap());
    let input = format!("{header}.{body}");
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}
