//! Shared helpers: start a server in-process on an ephemeral port, build requests.
#![allow(dead_code)]

pub mod web;

use std::time::Duration;

use momento_proto::cache_client::ECacheResult;
use momento_proto::permission_messages::{
    permissions, CacheRole, ExplicitPermissions, Permissions, PermissionsType,
};
use momento_proto::token::{generate_disposable_token_request, GenerateDisposableTokenRequest};
use momento_server::grpc::auth::auth_client::AuthClient;
use momento_server::grpc::cache_client::pubsub::pubsub_client::PubsubClient;
use momento_server::grpc::cache_client::scs_client::ScsClient;
use momento_server::grpc::control_client::scs_control_client::ScsControlClient;
use momento_server::grpc::leaderboard::leaderboard_client::LeaderboardClient;
use momento_server::grpc::token::token_client::TokenClient;
use momento_server::grpc::webhook::webhook_client::WebhookClient;
use momento_server::permissions::{cache_permission, Selector};
use momento_server::services::FoundOrMissing;
use momento_server::{AuthMode, Config, RunningServer, SecretSource};
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use tonic::{Request, Status};

/// Signing secret of the test servers.
pub const SECRET: &[u8] = b"momento-server-test-secret";

/// The base configuration of the test servers: 127.0.0.1:0, `auth`, signed with [`SECRET`];
/// tests set more fields with `Config { field, ..config(auth) }`.
pub fn config(auth: AuthMode) -> Config {
    Config {
        port: 0,
        auth,
        secret: SecretSource::Bytes(SECRET.to_vec()),
        ..Config::default()
    }
}

/// Starts a server with `config`.
pub async fn run(config: Config) -> RunningServer {
    momento_server::run(config).await.expect("server starts")
}

/// Starts a server on 127.0.0.1:0 with the given auth mode and extra CORS origins.
pub async fn start_with(auth: AuthMode, cors_origins: Vec<String>) -> RunningServer {
    run(Config {
        cors_origins,
        sweep_interval: Duration::from_millis(50),
        ..config(auth)
    })
    .await
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
pub async fn channel(server: &RunningServer) -> Channel {
    connect(server.url()).await
}

/// A gRPC channel to `url`.
pub async fn connect(url: String) -> Channel {
    Channel::from_shared(url).unwrap().connect().await.unwrap()
}

/// Creates cache `name` through `channel` with `token`.
pub async fn create_cache(channel: Channel, name: &str, token: &str) {
    ScsControlClient::new(channel)
        .create_cache(create_cache_request(name, token))
        .await
        .unwrap();
}

/// A `CreateCache` request for `name` carrying `token`.
pub fn create_cache_request(
    name: &str,
    token: &str,
) -> Request<momento_proto::control_client::CreateCacheRequest> {
    request(
        momento_proto::control_client::CreateCacheRequest {
            cache_name: name.to_owned(),
        },
        None,
        Some(token),
    )
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

/// One client per service of a test server, on one channel, and the server's root token.
#[derive(Clone)]
pub struct Clients {
    /// `cache_client.Scs` (data plane).
    pub data: ScsClient<Channel>,
    /// `control_client.ScsControl` (caches).
    pub control: ScsControlClient<Channel>,
    /// `token.Token` (disposable tokens).
    pub tokens: TokenClient<Channel>,
    /// `auth.Auth` (API keys).
    pub auth: AuthClient<Channel>,
    /// `cache_client.pubsub.Pubsub` (topics).
    pub pubsub: PubsubClient<Channel>,
    /// `leaderboard.Leaderboard`.
    pub leaderboard: LeaderboardClient<Channel>,
    /// `webhook.Webhook`.
    pub webhook: WebhookClient<Channel>,
    /// The server's root token.
    pub root: String,
}

impl Clients {
    /// Clients of `server`, calling with its root token.
    pub async fn new(server: &RunningServer) -> Self {
        Self::connect(server.url(), server.auth_token().to_owned()).await
    }

    /// Clients of the server at `url`, calling with `root`.
    pub async fn connect(url: String, root: String) -> Self {
        let channel = connect(url).await;
        Self {
            data: ScsClient::new(channel.clone()),
            control: ScsControlClient::new(channel.clone()),
            tokens: TokenClient::new(channel.clone()),
            auth: AuthClient::new(channel.clone()),
            pubsub: PubsubClient::new(channel.clone()),
            leaderboard: LeaderboardClient::new(channel.clone()),
            webhook: WebhookClient::new(channel),
            root,
        }
    }

    /// Lets the data client send and receive messages of up to `bytes` (tonic's default is 4 MiB).
    pub fn max_message_size(mut self, bytes: usize) -> Self {
        self.data = self
            .data
            .max_encoding_message_size(bytes)
            .max_decoding_message_size(bytes);
        self
    }

    /// Mints a disposable token with `permissions`, valid for `seconds`, as the Node AuthClient
    /// asks for one: the root credential in the body, no header.
    pub async fn mint(&mut self, permissions: Permissions, seconds: u32) -> String {
        let message = GenerateDisposableTokenRequest {
            expires: Some(generate_disposable_token_request::Expires {
                valid_for_seconds: seconds,
            }),
            auth_token: self.root.clone(),
            permissions: Some(permissions),
            token_id: String::new(),
        };
        self.tokens
            .generate_disposable_token(request(message, None, None))
            .await
            .unwrap()
            .into_inner()
            .api_key
    }

    /// Creates cache `name` as root.
    pub async fn create_cache(&mut self, name: &str) {
        self.try_create_cache(name).await.unwrap();
    }

    /// Creates cache `name` as root, answering the server's error.
    pub async fn try_create_cache(&mut self, name: &str) -> Result<(), Status> {
        self.control
            .create_cache(create_cache_request(name, &self.root))
            .await
            .map(drop)
    }

    /// The caches, listed as root.
    pub async fn list_caches(&mut self) -> Vec<momento_proto::control_client::Cache> {
        let message = momento_proto::control_client::ListCachesRequest::default();
        let listed = self
            .control
            .list_caches(request(message, None, Some(&self.root)));
        listed.await.unwrap().into_inner().cache
    }

    /// Deletes cache `name` as root.
    pub async fn delete_cache(&mut self, name: &str) {
        self.try_delete_cache(name).await.unwrap();
    }

    /// Deletes cache `name` as root, answering the server's error.
    pub async fn try_delete_cache(&mut self, name: &str) -> Result<(), Status> {
        let message = momento_proto::control_client::DeleteCacheRequest {
            cache_name: name.to_owned(),
        };
        self.control
            .delete_cache(request(message, None, Some(&self.root)))
            .await
            .map(drop)
    }

    /// Sets `key` to `value` in `cache` as root (the result must be `Ok`).
    pub async fn set(&mut self, cache: &str, key: &[u8], value: &[u8], ttl_ms: u64) {
        self.try_set(cache, key, value, ttl_ms).await.unwrap();
    }

    /// Sets `key` to `value` in `cache` as root, answering the server's error (an answered result
    /// must be `Ok`).
    pub async fn try_set(
        &mut self,
        cache: &str,
        key: impl AsRef<[u8]>,
        value: impl AsRef<[u8]>,
        ttl_ms: u64,
    ) -> Result<(), Status> {
        let message = momento_proto::cache_client::SetRequest {
            cache_key: key.as_ref().to_vec(),
            cache_body: value.as_ref().to_vec(),
            ttl_milliseconds: ttl_ms,
        };
        let response = self
            .data
            .set(request(message, Some(cache), Some(&self.root)))
            .await?
            .into_inner();
        assert_eq!(response.result(), ECacheResult::Ok);
        Ok(())
    }

    /// The value of `key` in `cache` as root (`None` on a miss).
    pub async fn get(&mut self, cache: &str, key: impl AsRef<[u8]>) -> Option<Vec<u8>> {
        self.try_get(cache, key).await.unwrap()
    }

    /// The value of `key` in `cache` as root, answering the server's error.
    pub async fn try_get(
        &mut self,
        cache: &str,
        key: impl AsRef<[u8]>,
    ) -> Result<Option<Vec<u8>>, Status> {
        let root = self.root.clone();
        self.get_as(cache, key, &root).await
    }

    /// The value of `key` in `cache` read with `token` (`None` on a miss), or the server's error.
    pub async fn get_as(
        &mut self,
        cache: &str,
        key: impl AsRef<[u8]>,
        token: &str,
    ) -> Result<Option<Vec<u8>>, Status> {
        let message = momento_proto::cache_client::GetRequest {
            cache_key: key.as_ref().to_vec(),
        };
        let response = self
            .data
            .get(request(message, Some(cache), Some(token)))
            .await?
            .into_inner();
        Ok(hit(response.result(), response.cache_body))
    }
}

/// The code of an expected error (panics on success).
pub fn code<T: std::fmt::Debug>(result: Result<T, Status>) -> tonic::Code {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(status) => status.code(),
    }
}

/// Explicit permissions made of `grants`.
pub fn explicit(grants: Vec<PermissionsType>) -> Permissions {
    Permissions {
        kind: Some(permissions::Kind::Explicit(ExplicitPermissions {
            permissions: grants,
        })),
    }
}

/// Read-write on every item of every cache.
pub fn all_caches_read_write() -> PermissionsType {
    cache_permission::<&str>(CacheRole::CacheReadWrite, None, Some(&Selector::All))
}

/// How long a test waits for something to happen before failing.
pub const WAIT: Duration = Duration::from_secs(5);

/// Polls `probe` every 10 ms until `done` holds for its value (within [`WAIT`]); answers it.
pub async fn until<T: std::fmt::Debug>(
    mut probe: impl FnMut() -> T,
    done: impl Fn(&T) -> bool,
) -> T {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let value = probe();
        if done(&value) {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not reached in time: {value:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The momento-server binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_momento-server");

/// Spawns `command` (the [`BIN`], its arguments and stderr set) with stdout piped; answers the
/// child and its first stdout line, the ready line, trimmed.
pub fn spawn_ready(command: &mut std::process::Command) -> (std::process::Child, String) {
    use std::io::BufRead as _;
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line.trim_end().to_owned())
}

/// The answer of a found-or-missing read (`None` = missing); panics, naming `rpc`, on a response
/// that carries neither.
pub fn found<R: FoundOrMissing>(response: R, rpc: &str) -> Option<R::Found> {
    response
        .into_found()
        .unwrap_or_else(|| panic!("empty {rpc} response"))
}

/// `Some(value)` for a `Hit`, `None` for a `Miss` (panics on any other result).
pub fn hit<T>(result: ECacheResult, value: T) -> Option<T> {
    match result {
        ECacheResult::Hit => Some(value),
        ECacheResult::Miss => None,
        other => panic!("unexpected result {other:?}"),
    }
}

/// Asserts that `status` refuses a key this server did not sign.
pub fn assert_foreign_signature(status: &Status) {
    assert_eq!(status.code(), tonic::Code::Unauthenticated);
    let message = status.message();
    assert!(
        message.starts_with(
            "Invalid signature: this key was not signed with this server's secret (--secret-file)"
        ),
        "{message}"
    );
}
