//! Starting and stopping the server.
//!
//! Layer order on the single port (outermost first):
//! 0. [`crate::faults::ArrivalLayer`] stamps each request's arrival (`--enable-test-admin` only);
//! 1. [`crate::cors::cors_layer`] answers CORS preflights itself and decorates every response
//!    (the in-flight layer's refusals included);
//! 2. [`crate::budget::InFlightLayer`] refuses bodies declared above the largest message, admits
//!    each call into the in-flight memory budget once its first body bytes arrive (a call waits
//!    while the bytes of calls being processed would exceed it), bounds the time its body may
//!    take, and releases its share once the response has been written;
//! 3. [`crate::http_api::HttpApiLayer`] answers Momento's HTTP API (`/cache/…`, `/topics/…`)
//!    through the services below, and passes everything else on;
//! 4. `tonic_web::GrpcWebLayer` translates gRPC-web (binary and text, HTTP/1.1 and HTTP/2) to
//!    gRPC and back, and passes native HTTP/2 gRPC through untouched;
//! 5. [`crate::auth::AuthLayer`] authenticates every call (it sees plain gRPC, so its
//!    `UNAUTHENTICATED` answers are translated for browsers by the layer above);
//! 6. [`crate::faults::FaultLayer`] injects the faults momento-local's request metadata asks
//!    for (`--enable-test-admin` only);
//! 7. [`crate::codec::RequestErrorsLayer`] answers requests tonic could not read
//!    `INVALID_ARGUMENT` instead of `INTERNAL`;
//! 8. the tonic router with the services (each holds what it needs, e.g. the store and through
//!    it the [`crate::limits::Limits`]).
//!
//! Host names: keys name `<--advertise-host>:<port>` (default `localhost`), and the SDKs derive
//! `cache.`, `web.cache.`, `control.`, `token.` and `api.cache.` hosts from it
//! ([`crate::tls::ENDPOINT_PREFIXES`]); the port serves every host name alike. With the default
//! advertised host on the default address it also listens on `[::1]`, so that `localhost`
//! reaches it whichever address a client resolves first.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use tonic::service::Routes;
use tonic::transport::server::TcpIncoming;
use tonic::transport::Server;
use tonic_web::GrpcWebLayer;
use tower_layer::{Layer, Stack};

use crate::auth::AuthLayer;
use crate::budget::{
    Admissions, InFlightBudget, InFlightLayer, InFlightMetrics, H2_CONNECTION_WINDOW,
    H2_MAX_CONCURRENT_STREAMS, H2_STREAM_WINDOW,
};
use crate::codec::RequestErrorsLayer;
use crate::config::{endpoint_of, AuthMode, Config};
use crate::conn::CappedRead;
use crate::cors::cors_layer;
use crate::faults::{ArrivalLayer, FaultLayer};
use crate::grpc::auth::auth_server::AuthServer;
use crate::grpc::cache_client::ping_server::PingServer;
use crate::grpc::cache_client::pubsub::pubsub_server::PubsubServer;
use crate::grpc::cache_client::scs_server::ScsServer;
use crate::grpc::control_client::scs_control_server::ScsControlServer;
use crate::grpc::leaderboard::leaderboard_server::LeaderboardServer;
use crate::grpc::token::token_server::TokenServer;
use crate::grpc::webhook::webhook_server::WebhookServer;
use crate::http_api::{HttpApi, HttpApiLayer};
use crate::metrics::StoreMetrics;
use crate::secret;
use crate::services::auth_service::AuthApiService;
use crate::services::control::ControlService;
use crate::services::leaderboard::{LeaderboardService, Leaderboards};
use crate::services::ping::PingService;
use crate::services::pubsub::{PubsubService, TopicSettings, Topics};
use crate::services::scs::ScsService;
use crate::services::token::{Issuer, TokenService};
use crate::services::webhook::{WebhookService, Webhooks};
use crate::store::Store;
use crate::test_admin::PortGate;
use crate::token::{self, Claims, TokenSigner};
use crate::webhook_delivery::Delivery;

/// Why the server could not start or stopped with an error.
#[derive(Debug)]
pub enum ServerError {
    /// Reading or creating the signing secret failed.
    Secret(std::io::Error),
    /// Binding the listening socket failed.
    Bind(std::io::Error),
    /// Signing the root token or encoding the v1 key failed.
    Key(String),
    /// Writing `--key-file` failed.
    KeyFile(std::io::Error),
    /// The transport failed while serving.
    Transport(tonic::transport::Error),
    /// The serving task panicked or was cancelled.
    Task(tokio::task::JoinError),
    /// The configuration would expose the server unsafely ([`crate::config::check_exposure`]).
    Exposure(String),
    /// Loading or creating the TLS certificate failed.
    Tls(std::io::Error),
    /// Writing `--env-file` failed.
    EnvFile(std::io::Error),
    /// Binding the test admin port failed.
    TestAdmin(std::io::Error),
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Secret(e) => write!(f, "signing secret: {e}"),
            Self::Bind(e) => write!(f, "bind: {e}"),
            Self::Key(e) => write!(f, "root key: {e}"),
            Self::KeyFile(e) => write!(f, "key file: {e}"),
            Self::Transport(e) => write!(f, "transport: {e}"),
            Self::Task(e) => write!(f, "server task: {e}"),
            Self::Exposure(e) => f.write_str(e),
            Self::Tls(e) => write!(f, "TLS: {e}"),
            Self::EnvFile(e) => write!(f, "env file: {e}"),
            Self::TestAdmin(e) => write!(f, "test admin port: {e}"),
        }
    }
}

impl std::error::Error for ServerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Secret(e)
            | Self::Bind(e)
            | Self::KeyFile(e)
            | Self::Tls(e)
            | Self::EnvFile(e)
            | Self::TestAdmin(e) => Some(e),
            Self::Key(_) | Self::Exposure(_) => None,
            Self::Transport(e) => Some(e),
            Self::Task(e) => Some(e),
        }
    }
}

/// Stops a running server (graceful: the listener closes, open calls finish). Cloneable.
#[derive(Debug, Clone)]
pub struct ShutdownHandle(Arc<watch::Sender<bool>>);

impl ShutdownHandle {
    /// Asks the server (and its sweeper) to stop.
    pub fn shutdown(&self) {
        self.0.send_replace(true);
    }
}

/// Resolves when `rx` says stop, or when every [`ShutdownHandle`] is gone.
async fn stopped(mut rx: watch::Receiver<bool>) {
    let _ = rx.wait_for(|stop| *stop).await;
}

/// A server serving in the background. Dropping it (and every [`ShutdownHandle`]) stops it.
#[derive(Debug)]
pub struct RunningServer {
    local_addr: SocketAddr,
    endpoint: String,
    /// `https` with TLS, else `http`.
    scheme: &'static str,
    /// The development CA's certificate (`--tls-dev`).
    dev_ca: Option<std::path::PathBuf>,
    api_key: String,
    auth_token: String,
    signer: TokenSigner,
    store: Arc<Store>,
    topics: Arc<Topics>,
    webhooks: Arc<Webhooks>,
    in_flight: Option<Arc<InFlightBudget>>,
    test_admin: Option<(SocketAddr, Arc<PortGate>)>,
    shutdown: ShutdownHandle,
    task: JoinHandle<Result<(), tonic::transport::Error>>,
}

impl RunningServer {
    /// The test admin port's address (`--enable-test-admin`), see [`crate::test_admin`].
    pub fn test_admin_addr(&self) -> Option<SocketAddr> {
        self.test_admin.as_ref().map(|(addr, _)| *addr)
    }

    /// The data port's gate (`--enable-test-admin`): what `/block` and `/unblock` switch.
    pub fn port_gate(&self) -> Option<&Arc<PortGate>> {
        self.test_admin.as_ref().map(|(_, gate)| gate)
    }

    /// The bound address (with the actual port when configured with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `http://<addr>`, or `https://<addr>` with TLS (the bound address; `127.0.0.1` when bound
    /// to an unspecified one): the URL to point SDK endpoint overrides at.
    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme, endpoint_for(self.local_addr))
    }

    /// The development CA's certificate file when serving with `--tls-dev` (what clients must
    /// trust, see [`crate::tls`]).
    pub fn dev_ca(&self) -> Option<&std::path::Path> {
        self.dev_ca.as_deref()
    }

    /// `<advertised host>:<port>`, as written into keys (`localhost:<port>` by default).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// A root API key in Momento v1 format (what `--key-file` receives). With `--auth none` its
    /// token is signed by a throwaway secret: any token is accepted anyway.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// The root token inside [`RunningServer::api_key`] (the `authorization` header value).
    pub fn auth_token(&self) -> &str {
        &self.auth_token
    }

    /// The signer of this server's tokens (to mint scoped or expiring tokens in tests).
    pub fn signer(&self) -> &TokenSigner {
        &self.signer
    }

    /// The server's store.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// The server's topics (subscription count, forced stream drops, topic resets).
    pub fn topics(&self) -> &Arc<Topics> {
        &self.topics
    }

    /// The server's topic webhooks (and their delivery counters).
    pub fn webhooks(&self) -> &Arc<Webhooks> {
        &self.webhooks
    }

    /// A snapshot of the store's metrics: memory use against the cap, item counts (also per
    /// cache), evictions and expirations.
    pub fn metrics(&self) -> StoreMetrics {
        self.store.metrics()
    }

    /// The in-flight budget's counters (`None` without a memory cap), see [`crate::budget`].
    pub fn in_flight_metrics(&self) -> Option<InFlightMetrics> {
        self.in_flight.as_ref().map(|budget| budget.metrics())
    }

    /// The in-flight budget (`None` without a memory cap).
    pub fn in_flight(&self) -> Option<&Arc<InFlightBudget>> {
        self.in_flight.as_ref()
    }

    /// A handle that stops the server.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.shutdown.clone()
    }

    /// Waits until the server stops (after a [`ShutdownHandle::shutdown`]).
    pub async fn wait(self) -> Result<(), ServerError> {
        self.task
            .await
            .map_err(ServerError::Task)?
            .map_err(ServerError::Transport)
    }

    /// Stops the server and waits until it has stopped.
    pub async fn shutdown(self) -> Result<(), ServerError> {
        self.shutdown.shutdown();
        self.wait().await
    }
}

/// `host:port` for keys and URLs: an unspecified bind address becomes loopback.
fn endpoint_for(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        ip if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port()).to_string()
}

/// The tower layers in front of the services, outermost last in the type (innermost first):
/// the arrival stamp, CORS, in-flight budget, the HTTP API, gRPC-web, auth, fault injection, then the
/// request-error rewriting (see the module docs for the order).
pub type Layers = Stack<
    RequestErrorsLayer,
    Stack<
        FaultLayer,
        Stack<
            AuthLayer,
            Stack<
                GrpcWebLayer,
                Stack<
                    HttpApiLayer,
                    Stack<InFlightLayer, Stack<tower_http::cors::CorsLayer, ArrivalLayer>>,
                >,
            >,
        >,
    >,
>;

/// The whole request handler the port serves: [`Layers`] around the tonic [`Routes`] of every
/// service. It accepts any `http_body::Body<Data = Bytes>` request body.
pub type Handler = <Layers as Layer<Routes>>::Service;

/// Everything [`run`] and [`InProcessServer::new`] share.
struct Built {
    signer: TokenSigner,
    store: Arc<Store>,
    topics: Arc<Topics>,
    webhooks: Arc<Webhooks>,
    in_flight: Option<Arc<InFlightBudget>>,
    layers: Layers,
    routes: Routes,
    shutdown_tx: watch::Sender<bool>,
    shutdown_rx: watch::Receiver<bool>,
}

/// The signing secret `config` asks for (a throwaway one with `--auth none`).
fn signing_secret(config: &Config) -> Result<Vec<u8>, ServerError> {
    match config.auth {
        AuthMode::Token => secret::resolve_secret(&config.secret).map_err(ServerError::Secret),
        // Keys are still minted (SDKs need a parseable key) but nothing is checked.
        AuthMode::None => secret::random_bytes(secret::SECRET_LEN).map_err(ServerError::Secret),
    }
}

/// Builds the store, topics, layers and routes for `config`; `endpoint` goes into minted keys.
fn build(config: &Config, signer: TokenSigner, endpoint: &str) -> Built {
    let limits = config.limits;
    let store = Arc::new(Store::with_limits(crate::store::DEFAULT_SHARDS, limits));
    let topics = Arc::new(Topics::new(TopicSettings {
        buffer_size: config.topic_buffer_size,
        heartbeat_interval: config.topic_heartbeat_interval,
        max_subscriptions: config.max_subscriptions,
        max_message_bytes: crate::limits::MAX_PUBLISH_MESSAGE_BYTES,
        memory_bytes: limits.memory_budget().map(|b| b.topics_bytes),
    }));
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let webhooks = Arc::new(Webhooks::new(Delivery::new(
        config.webhook_delivery,
        shutdown_rx.clone(),
    )));
    let in_flight = limits
        .memory_budget()
        .map(|budget| Arc::new(InFlightBudget::new(budget.in_flight_bytes)));

    let auth_layer = match config.auth {
        AuthMode::Token => AuthLayer::required(signer.clone()),
        AuthMode::None => AuthLayer::disabled(),
    };
    // Room for the largest item plus its key and framing, so oversized items reach the
    // handlers and get Momento's `RESOURCE_EXHAUSTED` answer.
    let max = config
        .max_message_size
        .max(limits.max_item_size_bytes.saturating_add(1024 * 1024));
    let admissions = Admissions {
        max_message_bytes: max,
        body_timeout: config.body_timeout,
    };
    let scs = ScsService::new(Arc::clone(&store));
    let pubsub = PubsubService::new(Arc::clone(&store), Arc::clone(&topics), shutdown_rx.clone())
        .with_webhooks(Arc::clone(&webhooks));
    let http_api = HttpApiLayer::new(HttpApi {
        scs: scs.clone(),
        pubsub: pubsub.clone(),
        signer: (config.auth == AuthMode::Token).then(|| signer.clone()),
        max_value_bytes: limits.max_item_size_bytes.saturating_add(1),
        max_message_bytes: crate::limits::MAX_PUBLISH_MESSAGE_BYTES.saturating_add(1),
    });
    // Innermost first: `Stack::new(inner, outer)`.
    let layers = Stack::new(
        RequestErrorsLayer,
        Stack::new(
            FaultLayer::new(config.test_admin_port.is_some()),
            Stack::new(
                auth_layer,
                Stack::new(
                    GrpcWebLayer::new(),
                    Stack::new(
                        http_api,
                        Stack::new(
                            InFlightLayer::new(in_flight.clone(), admissions),
                            Stack::new(
                                cors_layer(&config.cors_origins),
                                ArrivalLayer::new(config.test_admin_port.is_some()),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    );
    let issuer = Issuer::new(
        signer.clone(),
        endpoint.to_owned(),
        config.auth == AuthMode::Token,
    );
    let routes = Routes::new(
        ScsServer::new(scs)
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    )
    .add_service(
        ScsControlServer::new(ControlService::new(Arc::clone(&store)))
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    )
    .add_service(
        PubsubServer::new(pubsub)
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    )
    .add_service(
        LeaderboardServer::new(LeaderboardService::new(
            Arc::clone(&store),
            Arc::new(Leaderboards::default()),
        ))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max),
    )
    .add_service(
        WebhookServer::new(WebhookService::new(
            Arc::clone(&store),
            Arc::clone(&webhooks),
        ))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max),
    )
    .add_service(
        PingServer::new(PingService)
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    )
    .add_service(
        TokenServer::new(TokenService::new(issuer.clone()))
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    )
    .add_service(
        AuthServer::new(AuthApiService::new(issuer))
            .max_decoding_message_size(max)
            .max_encoding_message_size(max),
    );
    Built {
        signer,
        store,
        topics,
        webhooks,
        in_flight,
        layers,
        routes,
        shutdown_tx,
        shutdown_rx,
    }
}

/// Binds the port, writes the key file and starts serving in the background.
///
/// Returns once the socket is bound, so a client may connect as soon as this returns. Must be
/// called within a tokio runtime.
pub async fn run(config: Config) -> Result<RunningServer, ServerError> {
    crate::config::check_exposure(&config).map_err(ServerError::Exposure)?;
    let signer = TokenSigner::new(signing_secret(&config)?);
    let tls = config
        .tls
        .as_ref()
        .map(|source| crate::tls::load(source, &config.advertise_host))
        .transpose()
        .map_err(ServerError::Tls)?;

    let incoming = TcpIncoming::bind(SocketAddr::new(config.host, config.port))
        .map_err(ServerError::Bind)?
        .with_nodelay(Some(true));
    let local_addr = incoming.local_addr().map_err(ServerError::Bind)?;
    let endpoint = endpoint_of(&config.advertise_host, local_addr.port(), tls.is_some());
    let incoming = with_ipv6_loopback(incoming, &config, local_addr);

    let auth_token = signer
        .sign(&Claims::root(None))
        .map_err(|e| ServerError::Key(e.to_string()))?;
    let api_key = token::encode_v1_api_key(&endpoint, &auth_token)
        .map_err(|e| ServerError::Key(e.to_string()))?;
    if let Some(path) = &config.key_file {
        secret::write_private_atomic(path, format!("{api_key}\n").as_bytes())
            .map_err(ServerError::KeyFile)?;
    }
    if let Some(path) = &config.env_file {
        let v2 = token::sign_v2_api_key(&signer, &Claims::root(None))
            .map_err(|e| ServerError::Key(e.to_string()))?;
        let env = format!("MOMENTO_API_KEY={v2}\nMOMENTO_ENDPOINT={endpoint}\n");
        secret::write_private_atomic(path, env.as_bytes()).map_err(ServerError::EnvFile)?;
    }

    let limits = config.limits;
    let built = build(&config, signer, &endpoint);
    tokio::spawn(sweep_expired(
        Arc::clone(&built.store),
        config.sweep_interval,
        built.shutdown_rx.clone(),
    ));
    let router = Server::builder()
        .accept_http1(true)
        .max_concurrent_streams(H2_MAX_CONCURRENT_STREAMS)
        .initial_stream_window_size(H2_STREAM_WINDOW)
        .initial_connection_window_size(H2_CONNECTION_WINDOW)
        .layer(built.layers)
        .add_routes(built.routes);
    let test_admin = match config.test_admin_port {
        None => None,
        Some(port) => {
            let gate = Arc::new(PortGate::default());
            let addr = crate::test_admin::serve(
                port,
                Arc::clone(&gate),
                stopped(built.shutdown_rx.clone()),
            )
            .await
            .map_err(ServerError::TestAdmin)?;
            crate::log_info!(
                "event=test_admin addr={addr} (GET /block, GET /unblock; fault injection by \
                 request metadata is on)"
            );
            Some((addr, gate))
        }
    };
    let incoming =
        crate::test_admin::incoming(incoming, test_admin.as_ref().map(|(_, g)| Arc::clone(g)));
    // Reads capped per connection (crate::conn): bounds hyper's per-connection read buffers.
    let stop = stopped(built.shutdown_rx);
    let (scheme, dev_ca, task) = match tls {
        None => {
            let incoming = tokio_stream::StreamExt::map(incoming, |conn| conn.map(CappedRead));
            let task = tokio::spawn(router.serve_with_incoming_shutdown(incoming, stop));
            ("http", None, task)
        }
        Some((tls_config, dev_ca)) => {
            let incoming = crate::tls::TlsIncoming::new(incoming, tls_config);
            let task = tokio::spawn(router.serve_with_incoming_shutdown(incoming, stop));
            ("https", dev_ca, task)
        }
    };
    if let Some(ca) = &dev_ca {
        crate::log_info!("event=tls_dev ca={ca:?}");
    }

    crate::log_info!(
        "event=listening addr={local_addr} scheme={scheme} auth={} key_file={:?} \
         cors_origins={:?} webhook_delivery={:?}",
        match config.auth {
            AuthMode::Token => "token",
            AuthMode::None => "none",
        },
        config.key_file,
        config.cors_origins,
        config.webhook_delivery,
    );
    let budget = limits.memory_budget();
    crate::log_info!(
        "event=limits max_memory_bytes={} store_budget_bytes={} in_flight_budget_bytes={} \
         topics_budget_bytes={} baseline_allowance_bytes={} max_item_size_bytes={} \
         max_ttl_seconds={} max_caches={} \
         (0 = unlimited; the memory cap is split between the process, calls in flight, topics and \
         stored items)",
        limits.max_memory_bytes,
        budget.map_or(0, |b| b.store_bytes),
        built
            .in_flight
            .as_ref()
            .map_or(0, |b| b.metrics().budget_bytes),
        budget.map_or(0, |b| b.topics_bytes),
        budget.map_or(0, |b| b.baseline_bytes),
        limits.max_item_size_bytes,
        limits.max_ttl_seconds,
        limits.max_caches,
    );
    if let Some(budget) = budget.filter(|b| !b.fits()) {
        crate::log_warn!(
            "event=memory_cap_too_small max_memory_bytes={} needed_bytes={} (the process, one \
             call carrying the largest item and {} bytes of items need more than the cap: \
             only the stored items are capped)",
            budget.total_bytes,
            budget
                .baseline_bytes
                .saturating_add(budget.in_flight_bytes)
                .saturating_add(budget.topics_bytes)
                .saturating_add(budget.store_bytes),
            budget.store_bytes,
        );
    }

    Ok(RunningServer {
        local_addr,
        endpoint,
        scheme,
        dev_ca,
        api_key,
        auth_token,
        signer: built.signer,
        store: built.store,
        topics: built.topics,
        webhooks: built.webhooks,
        in_flight: built.in_flight,
        test_admin,
        shutdown: ShutdownHandle(Arc::new(built.shutdown_tx)),
        task,
    })
}

/// `incoming`, plus connections to `[::1]` on the same port when keys name `localhost` and the
/// server is bound to `127.0.0.1` (clients may resolve `localhost` to either). Best effort: a
/// host without IPv6 keeps the one listener.
fn with_ipv6_loopback(
    incoming: TcpIncoming,
    config: &Config,
    local_addr: SocketAddr,
) -> std::pin::Pin<
    Box<dyn tokio_stream::Stream<Item = std::io::Result<tokio::net::TcpStream>> + Send>,
> {
    let wanted =
        config.advertise_host == "localhost" && local_addr.ip() == IpAddr::V4(Ipv4Addr::LOCALHOST);
    let v6 = SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), local_addr.port());
    match wanted.then(|| TcpIncoming::bind(v6)) {
        Some(Ok(v6_incoming)) => Box::pin(tokio_stream::StreamExt::merge(
            incoming,
            v6_incoming.with_nodelay(Some(true)),
        )),
        Some(Err(error)) => {
            crate::log_debug!("event=ipv6_loopback_unavailable addr={v6} error=\"{error}\"");
            Box::pin(incoming)
        }
        None => Box::pin(incoming),
    }
}

/// The server without a socket: the same [`Handler`] [`run`] serves (CORS, gRPC-web, auth,
/// limits and every service over a fresh store), to call in-process, e.g. with
/// `tower::ServiceExt::oneshot` (the fuzz targets do). No sweeper runs (expired items are still
/// misses) and tonic's per-connection handling (HTTP parsing, `grpc-timeout`) is not involved.
/// Dropping it stops open topic subscriptions.
#[derive(Debug)]
pub struct InProcessServer {
    handler: Handler,
    signer: TokenSigner,
    store: Arc<Store>,
    shutdown: ShutdownHandle,
}

impl InProcessServer {
    /// Builds the handler for `config` (`host`, `port`, `key_file` and `sweep_interval` are
    /// ignored; minted keys name `advertise_host:port`). Fails only if the signing secret cannot be read.
    pub fn new(config: &Config) -> Result<Self, ServerError> {
        let signer = TokenSigner::new(signing_secret(config)?);
        let endpoint = endpoint_of(&config.advertise_host, config.port, config.tls.is_some());
        let built = build(config, signer, &endpoint);
        Ok(Self {
            handler: built.layers.layer(built.routes.prepare()),
            signer: built.signer,
            store: built.store,
            shutdown: ShutdownHandle(Arc::new(built.shutdown_tx)),
        })
    }

    /// A clone of the request handler (cheap: the services share their state).
    pub fn handler(&self) -> Handler {
        self.handler.clone()
    }

    /// The signer of this server's tokens (to mint root or scoped tokens for requests).
    pub fn signer(&self) -> &TokenSigner {
        &self.signer
    }

    /// The server's store.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// A handle that stops this server's open topic subscriptions.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.shutdown.clone()
    }
}

/// Periodically drops expired items until shutdown.
async fn sweep_expired(store: Arc<Store>, every: std::time::Duration, rx: watch::Receiver<bool>) {
    let mut interval = tokio::time::interval(every);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let stop = stopped(rx);
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            _ = interval.tick() => {
                let removed = store.sweep_expired(Instant::now());
                if removed > 0 {
                    crate::log_debug!("event=swept removed={removed}");
                }
            }
        }
    }
}
