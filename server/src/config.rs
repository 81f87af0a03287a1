//! Server configuration and the command line.
//!
//! ```text
//! momento-server [--host ADDR] [--port P] [--auth token|none] [--key-file F]
//!                [--tls-cert F --tls-key F | --tls-dev] [--allow-plaintext]
//!                [--secret-file F] [--cors-origin ORIGIN]... [--sweep-interval-ms MS]
//!                [--max-memory-mb N] [--max-item-size-kb N] [--max-ttl-seconds N] [--max-caches N]
//!                [--topic-heartbeat-ms MS] [--topic-buffer-size N] [--max-subscriptions N]
//!                [--webhook-delivery loopback|any|off]
//! momento-server key [--secret-file F] [--ttl-seconds N] [--endpoint HOST:PORT]
//!                    [--cache NAME | --all-caches] [--role readwrite|readonly|writeonly]
//!                    [--key K | --key-prefix P] [--topic NAME | --all-topics]
//!                    [--topic-role publishsubscribe|subscribeonly|publishonly]
//! ```
//!
//! `key` scope flags (none = a root key, as before):
//! - `--cache NAME` / `--all-caches` select the cache(s) of every grant (one is required with
//!   any other scope flag);
//! - a **cache grant** is added when `--role`, `--key` or `--key-prefix` is given, or when no
//!   topic flag is given: role `--role` (default `readwrite`), items `--key K` (exactly K) or
//!   `--key-prefix P` (keys starting with P; default all items);
//! - a **topic grant** is added when `--topic NAME`, `--all-topics` or `--topic-role` is given:
//!   role `--topic-role` (default `publishsubscribe`), topics `--topic` (default all topics).
//!
//! The permissions go into the token's `p` claim (see [`crate::permissions`]).
//!
//! Default signing-secret file (only used with `--auth token`):
//! 1. `--secret-file F` when given;
//! 2. otherwise `<key-file>.secret` when `--key-file` is given (next to the key it signs);
//! 3. otherwise `$XDG_STATE_HOME/momento-server/secret`, or
//!    `$HOME/.local/state/momento-server/secret`;
//! 4. otherwise (no home directory) an in-memory secret that lives as long as the process.
//!
//! The file is created with a fresh random secret when it does not exist (see
//! [`crate::secret::load_or_create_secret`] for its format).

use std::ffi::OsString;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use crate::secret::SecretSource;
pub use crate::tls::TlsSource;

use momento_proto::permission_messages::{
    permissions, CacheRole, ExplicitPermissions, Permissions, TopicRole,
};

use crate::permissions::{cache_permission, topic_permission, ItemSel, Selector};

/// Default TCP port (the port `momento-local` and the SDKs' `forMomentoLocal` use).
pub const DEFAULT_PORT: u16 = 8080;

/// Default host name written into keys (`--advertise-host`).
pub const DEFAULT_ADVERTISE_HOST: &str = "localhost";

/// Default port of the test admin (`--test-admin-port`; momento-local's).
pub const DEFAULT_TEST_ADMIN_PORT: u16 = 9090;

/// Default maximum gRPC message size in either direction (16 MiB): above the 5 MiB item limit
/// so that oversized items reach the handler and get Momento's `RESOURCE_EXHAUSTED` answer.
pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 16 * 1024 * 1024;

/// Default number of recent items kept per topic for resuming subscribers.
pub const DEFAULT_TOPIC_BUFFER_SIZE: usize = 1024;

/// Default idle time after which a subscription gets a heartbeat.
pub const DEFAULT_HEARTBEAT_INTERVAL: Duration = Duration::from_secs(5);

/// Default limit of concurrently open subscriptions on the server.
pub const DEFAULT_MAX_SUBSCRIPTIONS: usize = 10_000;

/// Whether requests must carry a token signed by this server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    /// Every request needs a valid, unexpired HS256 token in `authorization` (the default).
    Token,
    /// Accept any (or no) `authorization` header, like `momento-local`.
    None,
}

/// Everything [`crate::run`] needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to bind (default `127.0.0.1`).
    pub host: IpAddr,
    /// Port to bind; `0` picks an ephemeral port (default [`DEFAULT_PORT`]).
    pub port: u16,
    /// Authentication mode (default [`AuthMode::Token`]).
    pub auth: AuthMode,
    /// Signing secret (default [`SecretSource::Ephemeral`]; the CLI resolves a file, see the
    /// module docs).
    pub secret: SecretSource,
    /// When set, a root API key (Momento v1 format) is written here once the port is bound.
    pub key_file: Option<PathBuf>,
    /// CORS origins allowed besides loopback ones (see [`crate::cors`]); default none.
    pub cors_origins: Vec<String>,
    /// How often the background sweeper drops expired items.
    pub sweep_interval: Duration,
    /// Maximum decoded/encoded gRPC message size of every service.
    pub max_message_size: usize,
    /// How long a request body may take to arrive (`--body-timeout-ms`, default
    /// [`crate::budget::DEFAULT_BODY_TIMEOUT`]; see [`crate::budget::AdmittedBody`]).
    pub body_timeout: Duration,
    /// Memory cap, item size, TTL and cache-count limits (see [`crate::limits`]).
    pub limits: crate::limits::Limits,
    /// Idle time after which a topic subscription gets a heartbeat (default 5 s).
    pub topic_heartbeat_interval: Duration,
    /// Recent items kept per topic for resuming subscribers (default 1024).
    pub topic_buffer_size: usize,
    /// Maximum concurrently open topic subscriptions on the server (default 10,000).
    pub max_subscriptions: usize,
    /// Where webhook deliveries may go (default [`crate::DeliveryMode::Loopback`]; see
    /// [`crate::webhook_delivery`]).
    pub webhook_delivery: crate::DeliveryMode,
    /// TLS on the port (`--tls-cert`/`--tls-key` or `--tls-dev`); `None` = plaintext (h2c and
    /// HTTP/1.1).
    pub tls: Option<TlsSource>,
    /// Serve plaintext on a non-loopback address anyway (`--allow-plaintext`; see
    /// [`check_exposure`]).
    pub allow_plaintext: bool,
    /// Host name keys and tokens name (`--advertise-host`, default [`DEFAULT_ADVERTISE_HOST`]):
    /// their endpoint is `<host>:<port>`, from which the official SDKs derive `cache.<host>`,
    /// `web.cache.<host>`, `control.<host>`, `token.<host>` and `api.cache.<host>`, all served
    /// by the one port (see [`crate::server`]).
    pub advertise_host: String,
    /// When set, a v2 API key and its endpoint are written here once the port is bound, as
    /// `MOMENTO_API_KEY=…` and `MOMENTO_ENDPOINT=…` lines (`--env-file`).
    pub env_file: Option<PathBuf>,
    /// The momento-local test admin port (`--enable-test-admin`, `--test-admin-port`): `None`
    /// (the default) = no admin port and no fault injection; see [`crate::test_admin`].
    pub test_admin_port: Option<u16>,
}

/// Refuses configurations that expose the server beyond loopback unsafely: `--auth none` is
/// only allowed on a loopback address (it hands every cache to anyone who can connect), and a
/// non-loopback address needs TLS unless `--allow-plaintext` is given (tokens and data would
/// cross the network in the clear). The message says what to do.
pub fn check_exposure(config: &Config) -> Result<(), String> {
    let host = config.host;
    if host.is_loopback() {
        return Ok(());
    }
    if config.auth == AuthMode::None {
        return Err(format!(
            "refusing --auth none on {host}: without authentication anyone who can connect may \
             read, write and flush every cache; it is only allowed on a loopback address \
             (--host 127.0.0.1 or --host ::1)"
        ));
    }
    if config.tls.is_none() && !config.allow_plaintext {
        return Err(format!(
            "refusing to serve plaintext on {host}: tokens and data would cross the network \
             unencrypted; give --tls-cert F --tls-key F (or --tls-dev for a local development \
             certificate), or --allow-plaintext to accept that"
        ));
    }
    Ok(())
}

impl Default for Config {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            auth: AuthMode::Token,
            secret: SecretSource::Ephemeral,
            key_file: None,
            cors_origins: Vec::new(),
            sweep_interval: Duration::from_secs(1),
            max_message_size: DEFAULT_MAX_MESSAGE_SIZE,
            body_timeout: crate::budget::DEFAULT_BODY_TIMEOUT,
            limits: crate::limits::Limits::default(),
            topic_heartbeat_interval: DEFAULT_HEARTBEAT_INTERVAL,
            topic_buffer_size: DEFAULT_TOPIC_BUFFER_SIZE,
            max_subscriptions: DEFAULT_MAX_SUBSCRIPTIONS,
            webhook_delivery: crate::DeliveryMode::default(),
            tls: None,
            allow_plaintext: false,
            advertise_host: DEFAULT_ADVERTISE_HOST.to_owned(),
            env_file: None,
            test_admin_port: None,
        }
    }
}

/// Options of the `key` subcommand.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyOptions {
    /// Signing secret (created if missing, so a server started later with it accepts the key).
    pub secret: SecretSource,
    /// Token lifetime; `None` = never expires.
    pub ttl_seconds: Option<u64>,
    /// `endpoint` written into the v1 key (default `localhost:8080`).
    pub endpoint: String,
    /// Permissions of the key; `None` = root (no scope flags).
    pub permissions: Option<Permissions>,
    /// Print a v2 API key (`--v2`: a raw JWT with `"t":"g"`, used with `MOMENTO_ENDPOINT`)
    /// instead of a v1 key.
    pub v2: bool,
}

/// What the command line asks for.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run the server.
    Serve(Box<Config>),
    /// Print a freshly signed API key and exit.
    Key(KeyOptions),
    /// Print usage and exit.
    Help,
    /// Print the `key` subcommand's usage and exit.
    KeyHelp,
    /// Print the version and exit.
    Version,
}

/// A command-line error (message meant for the user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliError {}

/// Usage text printed by `--help`.
pub const USAGE: &str = "\
momento-server: Momento-compatible cache server for development and tests

USAGE:
  momento-server [OPTIONS]
  momento-server key [KEY OPTIONS]     (momento-server key --help)

OPTIONS:
  --host ADDR              address to bind (default 127.0.0.1; with the default --advertise-host
                           also ::1, so that localhost reaches it either way)
  --port P                 port to bind, 0 = ephemeral (default 8080)
  --advertise-host HOST    host name keys and tokens name, as HOST:<port> (default localhost);
                           the SDKs derive cache.HOST, web.cache.HOST, control.HOST, token.HOST
                           and api.cache.HOST from it, all served on the one port
  --auth token|none        require tokens signed by this server (default token)
  --key-file F             write a root API key (Momento v1 format) to F once bound
  --env-file F             write MOMENTO_API_KEY=<root v2 API key> and MOMENTO_ENDPOINT=HOST:<port>
                           to F once bound (what the SDKs' fromEnvVarV2 read)
  --tls-cert F --tls-key F serve TLS (ALPN h2 and http/1.1 on the same port) with this PEM
                           certificate chain and private key
  --tls-dev                serve TLS with a development CA and a certificate for localhost,
                           127.0.0.1 and ::1, created beside the secret file on first use;
                           prints how to trust the CA (NODE_EXTRA_CA_CERTS, Chromium)
  --allow-plaintext        serve plaintext on a non-loopback --host anyway (refused otherwise;
                           --auth none is refused beyond loopback in any case)
  --secret-file F          HS256 signing secret, created if missing
                           (default <key-file>.secret, else
                           $XDG_STATE_HOME/momento-server/secret or
                           ~/.local/state/momento-server/secret)
  --cors-origin ORIGIN     browser origin allowed besides loopback ones (http(s)://localhost,
                           127.x.x.x, [::1], any port), repeatable, e.g. https://app.example
  --sweep-interval-ms MS   expired-item sweeper period (default 1000)
  --body-timeout-ms MS     how long a request body may take to arrive, counted from the request
                           head and again once the call is admitted (default 15000)
  --max-memory-mb N        memory budget of the whole process in MiB: split between the
                           process, calls in flight (larger calls queue) and stored items
                           (least recently used items are evicted beyond their share);
                           0 = unlimited (default 1024)
  --max-item-size-kb N     largest item (key + value) in KiB, at least 1 (default 5120)
  --max-ttl-seconds N      longest accepted TTL; 0 = unlimited (default 86400)
  --max-caches N           most caches at once; 0 = unlimited (default 100)
  --topic-heartbeat-ms MS  idle time before a topic subscription gets a heartbeat (default 5000)
  --topic-buffer-size N    recent items kept per topic for resuming subscribers (default 1024)
  --max-subscriptions N    concurrently open topic subscriptions allowed (default 10000)
  --webhook-delivery M     where topic webhooks are POSTed: loopback (default: only to hosts
                           resolving to loopback addresses), any, or off; http:// only
  --enable-test-admin      momento-local's test mode: an admin port on 127.0.0.1 serving
                           GET /block (cut the data port, open streams included, until
                           GET /unblock) and fault injection by request metadata (return-error,
                           error-rpcs, delay-ms, stream-error, ...); off by default
  --test-admin-port P      the admin port (default 9090; implies --enable-test-admin)
  -h, --help               show this help
  -V, --version            show the version

Once listening, one line is printed to stdout:
  momento-server listening on http://127.0.0.1:<port>
Logs go to stderr (MOMENTO_SERVER_LOG=error|warn|info|debug, default info). On SIGINT/SIGTERM
the store's final figures are logged first: event=metrics used_bytes=… max_memory_bytes=…
items=… evictions=… evicted_bytes=… expirations=… caches=… store_budget_bytes=…, then
event=in_flight budget_bytes=… peak_reserved_bytes=… reservations=… waits=…
";

/// Usage text printed by `key --help`.
pub const KEY_USAGE: &str = "\
momento-server key: print an API key signed with the server's secret (no server is started)

USAGE:
  momento-server key [--secret-file F] [--ttl-seconds N] [--endpoint HOST:PORT] [--v2]
                     [--cache NAME | --all-caches] [--role readwrite|readonly|writeonly]
                     [--key K | --key-prefix P] [--topic NAME | --all-topics]
                     [--topic-role publishsubscribe|subscribeonly|publishonly]

KEY OPTIONS (no scope flag = a root key):
  --secret-file F          signing secret (the server's default: $XDG_STATE_HOME/momento-server/
                           secret or ~/.local/state/momento-server/secret)
  --ttl-seconds N          the key expires after N seconds (default: never)
  --endpoint HOST:PORT     endpoint written into a v1 key (default localhost:8080)
  --v2                     print a v2 API key instead (use it with MOMENTO_ENDPOINT=HOST:PORT)
  --cache NAME, --all-caches
                           cache(s) the key's grants apply to (required with any scope flag)
  --role R                 cache role: readwrite (default), readonly, writeonly
  --key K, --key-prefix P  only the item (or collection) K / keys starting with P
  --topic NAME, --all-topics, --topic-role R
                           add a topic grant (R: publishsubscribe (default), subscribeonly,
                           publishonly); with only topic flags the key has no cache access
  -h, --help               show this help
";

/// Parses the arguments after the program name.
///
/// `xdg_state_home` and `home` feed the default secret location; pass
/// `std::env::var_os("XDG_STATE_HOME")` and `std::env::var_os("HOME")`.
pub fn parse_args<I>(
    args: I,
    xdg_state_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<Command, CliError>
where
    I: IntoIterator<Item = String>,
{
    let mut args = args.into_iter().peekable();
    if args.peek().map(String::as_str) == Some("key") {
        args.next();
        let rest: Vec<String> = args.collect();
        if rest.iter().any(|a| a == "-h" || a == "--help") {
            return Ok(Command::KeyHelp);
        }
        let default_secret = default_secret_source(xdg_state_home, home);
        return parse_key_args(rest, default_secret).map(Command::Key);
    }

    let mut config = Config::default();
    let mut secret_file: Option<PathBuf> = None;
    let (mut tls_cert, mut tls_key, mut tls_dev) = (None, None, false);
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = || next_value(flag, inline.clone(), &mut args);
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--host" => {
                let v = value()?;
                config.host = v
                    .parse()
                    .map_err(|_| CliError(format!("--host: not an IP address: {v}")))?;
            }
            "--port" => config.port = parse_number(flag, &value()?)?,
            "--auth" => {
                config.auth = match value()?.as_str() {
                    "token" => AuthMode::Token,
                    "none" => AuthMode::None,
                    other => {
                        return Err(CliError(format!(
                            "--auth: expected token or none, got {other}"
                        )))
                    }
                }
            }
            "--key-file" => config.key_file = Some(PathBuf::from(value()?)),
            "--env-file" => config.env_file = Some(PathBuf::from(value()?)),
            "--advertise-host" => config.advertise_host = parse_advertise_host(&value()?)?,
            "--enable-test-admin" => {
                config.test_admin_port = config.test_admin_port.or(Some(DEFAULT_TEST_ADMIN_PORT));
            }
            "--test-admin-port" => config.test_admin_port = Some(parse_number(flag, &value()?)?),
            "--tls-cert" => tls_cert = Some(PathBuf::from(value()?)),
            "--tls-key" => tls_key = Some(PathBuf::from(value()?)),
            "--tls-dev" => tls_dev = true,
            "--allow-plaintext" => config.allow_plaintext = true,
            "--secret-file" => secret_file = Some(PathBuf::from(value()?)),
            "--cors-origin" => {
                let origin = value()?;
                if origin == "*"
                    || origin == "null"
                    || !(origin.starts_with("http://") || origin.starts_with("https://"))
                    || http::HeaderValue::from_str(&origin).is_err()
                {
                    return Err(CliError(format!(
                        "--cors-origin: expected an origin such as https://app.example (`*` and \
                         `null` are refused: credentials are allowed): {origin}"
                    )));
                }
                config.cors_origins.push(origin);
            }
            "--body-timeout-ms" => {
                let ms: u64 = parse_number(flag, &value()?)?;
                config.body_timeout = Duration::from_millis(ms.max(1));
            }
            "--sweep-interval-ms" => {
                let ms: u64 = parse_number(flag, &value()?)?;
                config.sweep_interval = Duration::from_millis(ms.max(1));
            }
            "--max-memory-mb" => {
                let mb: u64 = parse_number(flag, &value()?)?;
                config.limits.max_memory_bytes = mb.saturating_mul(1024 * 1024);
            }
            "--max-item-size-kb" => {
                let kb: usize = parse_number(flag, &value()?)?;
                if kb == 0 {
                    return Err(CliError(
                        "--max-item-size-kb: must be at least 1".to_owned(),
                    ));
                }
                config.limits.max_item_size_bytes = kb.saturating_mul(1024);
            }
            "--max-ttl-seconds" => config.limits.max_ttl_seconds = parse_number(flag, &value()?)?,
            "--max-caches" => config.limits.max_caches = parse_number(flag, &value()?)?,
            "--topic-heartbeat-ms" => {
                let ms: u64 = parse_number(flag, &value()?)?;
                config.topic_heartbeat_interval = Duration::from_millis(ms.max(1));
            }
            "--topic-buffer-size" => config.topic_buffer_size = parse_number(flag, &value()?)?,
            "--max-subscriptions" => config.max_subscriptions = parse_number(flag, &value()?)?,
            "--webhook-delivery" => {
                config.webhook_delivery = match value()?.as_str() {
                    "loopback" => crate::DeliveryMode::Loopback,
                    "any" => crate::DeliveryMode::Any,
                    "off" => crate::DeliveryMode::Off,
                    other => {
                        return Err(CliError(format!(
                            "--webhook-delivery: expected loopback, any or off, got {other}"
                        )))
                    }
                }
            }
            other => return Err(CliError(format!("unknown argument: {other} (see --help)"))),
        }
    }

    // The secret file's place, also where --tls-dev keeps its CA and certificate.
    let secret_path = match secret_file {
        Some(file) => SecretSource::File(file),
        None => match &config.key_file {
            Some(key_file) => SecretSource::File(secret_next_to(key_file)),
            None => default_secret_source(xdg_state_home, home),
        },
    };
    config.tls =
        match (tls_cert, tls_key, tls_dev) {
            (None, None, false) => None,
            (Some(cert), Some(key), false) => Some(TlsSource::Files { cert, key }),
            (None, None, true) => match &secret_path {
                SecretSource::File(path) => Some(TlsSource::Dev {
                    dir: path
                        .parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
                }),
                _ => return Err(CliError(
                    "--tls-dev: no place for the certificate (give --secret-file or --key-file, \
                     or set $HOME)"
                        .to_owned(),
                )),
            },
            (_, _, true) => {
                return Err(CliError(
                    "--tls-dev conflicts with --tls-cert/--tls-key".to_owned(),
                ))
            }
            _ => return Err(CliError("--tls-cert and --tls-key go together".to_owned())),
        };
    config.secret = match config.auth {
        AuthMode::None => SecretSource::Ephemeral,
        AuthMode::Token => secret_path,
    };
    check_exposure(&config).map_err(CliError)?;
    Ok(Command::Serve(Box::new(config)))
}

/// The `key` subcommand's arguments; `default_secret` is used without `--secret-file`.
fn parse_key_args(args: Vec<String>, default_secret: SecretSource) -> Result<KeyOptions, CliError> {
    let mut args = args.into_iter().peekable();
    let mut options = KeyOptions {
        secret: SecretSource::Ephemeral,
        ttl_seconds: None,
        endpoint: format!("{DEFAULT_ADVERTISE_HOST}:{DEFAULT_PORT}"),
        permissions: None,
        v2: false,
    };
    let mut secret_file = None;
    let mut scope = KeyScopeFlags::default();
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = || next_value(flag, inline.clone(), &mut args);
        match flag {
            "--secret-file" => secret_file = Some(PathBuf::from(value()?)),
            "--ttl-seconds" => options.ttl_seconds = Some(parse_number(flag, &value()?)?),
            "--endpoint" => options.endpoint = value()?,
            "--v2" => options.v2 = true,
            "--cache" => set_once(flag, &mut scope.cache, Some(value()?))?,
            "--all-caches" => set_once(flag, &mut scope.cache, None)?,
            "--role" => set_one_of(flag, &mut scope.role, &value()?, &CACHE_ROLES)?,
            "--key" => set_once(flag, &mut scope.item, ItemSel::Exact(value()?.into_bytes()))?,
            "--key-prefix" => set_once(
                flag,
                &mut scope.item,
                ItemSel::Prefix(value()?.into_bytes()),
            )?,
            "--topic" => set_once(flag, &mut scope.topic, Some(value()?))?,
            "--all-topics" => set_once(flag, &mut scope.topic, None)?,
            "--topic-role" => set_one_of(flag, &mut scope.topic_role, &value()?, &TOPIC_ROLES)?,
            other => {
                return Err(CliError(format!(
                    "key: unknown argument: {other} (see --help)"
                )))
            }
        }
    }
    options.permissions = scope.into_permissions()?;
    options.secret = match secret_file {
        Some(file) => SecretSource::File(file),
        None => default_secret,
    };
    if options.secret == SecretSource::Ephemeral {
        return Err(CliError(
            "key: no --secret-file given and no $XDG_STATE_HOME or $HOME to find the default"
                .to_owned(),
        ));
    }
    Ok(options)
}

/// The scope flags of `key`, as given (`Some(None)` = the `--all-…` form).
#[derive(Default)]
struct KeyScopeFlags {
    cache: Option<Option<String>>,
    role: Option<CacheRole>,
    item: Option<ItemSel>,
    topic: Option<Option<String>>,
    topic_role: Option<TopicRole>,
}

/// The words of `key --role`.
const CACHE_ROLES: [(&str, CacheRole); 3] = [
    ("readwrite", CacheRole::CacheReadWrite),
    ("readonly", CacheRole::CacheReadOnly),
    ("writeonly", CacheRole::CacheWriteOnly),
];

/// The words of `key --topic-role`.
const TOPIC_ROLES: [(&str, TopicRole); 3] = [
    ("publishsubscribe", TopicRole::TopicReadWrite),
    ("subscribeonly", TopicRole::TopicReadOnly),
    ("publishonly", TopicRole::TopicWriteOnly),
];

/// [`set_once`] with the value `words` pairs with `word` ([`one_of`]).
fn set_one_of<T: Copy>(
    flag: &str,
    slot: &mut Option<T>,
    word: &str,
    words: &[(&str, T)],
) -> Result<(), CliError> {
    set_once(flag, slot, one_of(flag, word, words)?)
}

/// The value `words` pairs with `word`; else `{flag}: expected a, b or c, got {word}`.
fn one_of<T: Copy>(flag: &str, word: &str, words: &[(&str, T)]) -> Result<T, CliError> {
    if let Some(&(_, value)) = words.iter().find(|(w, _)| *w == word) {
        return Ok(value);
    }
    let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
    let expected = match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    Err(CliError(format!("{flag}: expected {expected}, got {word}")))
}

/// Stores `value` in `slot` unless a flag of the same group was already given.
fn set_once<T>(flag: &str, slot: &mut Option<T>, value: T) -> Result<(), CliError> {
    if slot.is_some() {
        return Err(CliError(format!(
            "key: {flag} conflicts with an earlier flag of the same kind"
        )));
    }
    *slot = Some(value);
    Ok(())
}

impl KeyScopeFlags {
    /// The permissions these flags describe; `None` when no scope flag was given (root).
    fn into_permissions(self) -> Result<Option<Permissions>, CliError> {
        let wants_cache = self.role.is_some() || self.item.is_some();
        let wants_topic = self.topic.is_some() || self.topic_role.is_some();
        let Some(cache) = self.cache else {
            if wants_cache || wants_topic {
                return Err(CliError(
                    "key: scope flags need --cache NAME or --all-caches".to_owned(),
                ));
            }
            return Ok(None);
        };
        let cache = cache.as_deref();
        let mut grants = Vec::new();
        if wants_cache || !wants_topic {
            let role = self.role.unwrap_or(CacheRole::CacheReadWrite);
            let items = self.item.unwrap_or(Selector::All);
            grants.push(cache_permission(role, cache, Some(&items)));
        }
        if wants_topic {
            let role = self.topic_role.unwrap_or(TopicRole::TopicReadWrite);
            let topic = self.topic.flatten().map_or(Selector::All, Selector::Exact);
            grants.push(topic_permission(role, cache, &topic));
        }
        Ok(Some(Permissions {
            kind: Some(permissions::Kind::Explicit(ExplicitPermissions {
                permissions: grants,
            })),
        }))
    }
}

/// Checks an `--advertise-host` value: a DNS name or an IP address, without scheme or port.
fn parse_advertise_host(host: &str) -> Result<String, CliError> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let name_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if bare.parse::<IpAddr>().is_ok() || name_ok {
        Ok(bare.to_owned())
    } else {
        Err(CliError(format!(
            "--advertise-host: expected a host name or an IP address (no scheme, no port), got \
             {host}"
        )))
    }
}

/// The endpoint keys name: `host:port` (IPv6 addresses in brackets), or the bare host for TLS on
/// port 443, as Momento's keys name theirs (the SDKs then connect to 443 over TLS, and
/// `api.cache.<host>` is a plain host name for `https://` URLs).
pub fn endpoint_of(host: &str, port: u16, tls: bool) -> String {
    let host = match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(ip)) => format!("[{ip}]"),
        _ => host.to_owned(),
    };
    if tls && port == 443 {
        host
    } else {
        format!("{host}:{port}")
    }
}

/// `<key-file>.secret`, the default secret next to a key file.
pub fn secret_next_to(key_file: &Path) -> PathBuf {
    let mut name = key_file.as_os_str().to_owned();
    name.push(".secret");
    PathBuf::from(name)
}

/// The per-user default secret location, or [`SecretSource::Ephemeral`] without a home.
pub fn default_secret_source(
    xdg_state_home: Option<OsString>,
    home: Option<OsString>,
) -> SecretSource {
    let non_empty = |v: Option<OsString>| v.filter(|s| !s.is_empty()).map(PathBuf::from);
    if let Some(state) = non_empty(xdg_state_home) {
        SecretSource::File(state.join("momento-server").join("secret"))
    } else if let Some(home) = non_empty(home) {
        SecretSource::File(home.join(".local/state/momento-server/secret"))
    } else {
        SecretSource::Ephemeral
    }
}

/// Splits `--flag=value` into (`--flag`, `Some(value)`).
fn split_flag(arg: &str) -> (&str, Option<String>) {
    match arg.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
        _ => (arg, None),
    }
}

fn next_value<I: Iterator<Item = String>>(
    flag: &str,
    inline: Option<String>,
    args: &mut I,
) -> Result<String, CliError> {
    inline
        .or_else(|| args.next())
        .ok_or_else(|| CliError(format!("{flag} needs a value")))
}

fn parse_number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, CliError> {
    value
        .parse()
        .map_err(|_| CliError(format!("{flag}: not a valid number: {value}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, CliError> {
        parse_args(
            args.iter().map(|s| s.to_string()),
            None,
            Some("/home/u".into()),
        )
    }

    #[test]
    fn defaults() {
        let Command::Serve(c) = parse(&[]).unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.port, 8080);
        assert_eq!(c.host.to_string(), "127.0.0.1");
        assert_eq!(c.auth, AuthMode::Token);
        assert_eq!(
            c.secret,
            SecretSource::File("/home/u/.local/state/momento-server/secret".into())
        );
        assert!(c.cors_origins.is_empty());
    }

    #[test]
    fn flags() {
        let Command::Serve(c) = parse(&[
            "--port=0",
            "--host",
            "0.0.0.0",
            "--allow-plaintext",
            "--key-file",
            "/tmp/k",
            "--cors-origin",
            "http://a",
            "--cors-origin=http://b",
        ])
        .unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.port, 0);
        assert_eq!(c.key_file, Some("/tmp/k".into()));
        assert_eq!(c.secret, SecretSource::File("/tmp/k.secret".into()));
        assert_eq!(c.cors_origins, vec!["http://a", "http://b"]);
    }

    #[test]
    fn limit_flags() {
        let Command::Serve(c) = parse(&[]).unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.limits, crate::limits::Limits::default());
        assert_eq!(c.limits.max_memory_bytes, 1024 * 1024 * 1024);
        assert_eq!(c.limits.max_item_size_bytes, 5 * 1024 * 1024);
        assert_eq!(c.limits.max_ttl_seconds, 86_400);
        assert_eq!(c.limits.max_caches, 100);
        let Command::Serve(c) = parse(&[
            "--max-memory-mb=2",
            "--max-item-size-kb",
            "10",
            "--max-ttl-seconds",
            "0",
            "--max-caches=3",
        ])
        .unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.limits.max_memory_bytes, 2 * 1024 * 1024);
        assert_eq!(c.limits.max_item_size_bytes, 10 * 1024);
        assert_eq!(c.limits.max_ttl_seconds, 0);
        assert_eq!(c.limits.max_caches, 3);
        assert!(parse(&["--max-item-size-kb", "0"]).is_err());
        assert!(parse(&["--max-memory-mb", "-1"]).is_err());
    }

    #[test]
    fn exposure_beyond_loopback() {
        let serve = |args: &[&str]| parse(args).map(|c| matches!(c, Command::Serve(_)));
        assert!(serve(&["--host", "0.0.0.0"]).is_err());
        assert!(serve(&["--host", "192.168.1.2", "--auth", "none", "--tls-dev"]).is_err());
        assert!(serve(&["--host", "::", "--auth", "none", "--allow-plaintext"]).is_err());
        assert!(serve(&["--host", "0.0.0.0", "--allow-plaintext"]).unwrap());
        assert!(serve(&["--host", "0.0.0.0", "--tls-dev"]).unwrap());
        assert!(serve(&["--host", "::1", "--auth", "none"]).unwrap());
        assert!(serve(&["--host", "127.0.0.2", "--auth", "none"]).unwrap());
        let Command::Serve(c) = parse(&["--tls-dev", "--key-file", "/k/key"]).unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.tls, Some(TlsSource::Dev { dir: "/k".into() }));
        assert!(parse(&["--tls-cert", "c.pem"]).is_err());
        assert!(parse(&["--tls-dev", "--tls-cert", "c", "--tls-key", "k"]).is_err());
    }

    #[test]
    fn auth_none_needs_no_secret_file() {
        let Command::Serve(c) = parse(&["--auth", "none", "--key-file", "/tmp/k"]).unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.auth, AuthMode::None);
        assert_eq!(c.secret, SecretSource::Ephemeral);
    }

    #[test]
    fn errors() {
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--auth", "maybe"]).is_err());
        assert!(parse(&["--cors-origin", "*"]).is_err());
        assert!(parse(&["--cors-origin", "null"]).is_err());
        assert!(parse(&["--cors-origin", "app.example"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--webhook-delivery", "all"]).is_err());
    }

    #[test]
    fn webhook_delivery_flag() {
        let mode = |args: &[&str]| match parse(args).unwrap() {
            Command::Serve(c) => c.webhook_delivery,
            _ => panic!("expected serve"),
        };
        assert_eq!(mode(&[]), crate::DeliveryMode::Loopback);
        assert_eq!(mode(&["--webhook-delivery=any"]), crate::DeliveryMode::Any);
        assert_eq!(
            mode(&["--webhook-delivery", "off"]),
            crate::DeliveryMode::Off
        );
        assert_eq!(
            mode(&["--webhook-delivery", "loopback"]),
            crate::DeliveryMode::Loopback
        );
    }

    #[test]
    fn key_subcommand() {
        let Command::Key(k) =
            parse(&["key", "--secret-file", "/s", "--ttl-seconds", "60"]).unwrap()
        else {
            panic!("expected key")
        };
        assert_eq!(k.secret, SecretSource::File("/s".into()));
        assert_eq!(k.ttl_seconds, Some(60));
        assert_eq!(k.endpoint, "localhost:8080");
        assert_eq!(k.permissions, None);
        assert!(!k.v2);
        assert!(matches!(
            parse(&["key", "--help"]).unwrap(),
            Command::KeyHelp
        ));
        assert!(matches!(
            parse(&["key", "--cache", "c", "-h"]).unwrap(),
            Command::KeyHelp
        ));
        let Command::Key(k) = parse(&["key", "--secret-file", "/s", "--v2"]).unwrap() else {
            panic!("expected key")
        };
        assert!(k.v2);
    }

    #[test]
    fn advertise_host_env_file_and_test_admin() {
        let Command::Serve(c) = parse(&[]).unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.advertise_host, "localhost");
        assert_eq!(c.test_admin_port, None);
        assert_eq!(c.env_file, None);
        let Command::Serve(c) = parse(&[
            "--advertise-host",
            "momento.test",
            "--enable-test-admin",
            "--env-file",
            "/tmp/e",
        ])
        .unwrap() else {
            panic!("expected serve")
        };
        assert_eq!(c.advertise_host, "momento.test");
        assert_eq!(c.test_admin_port, Some(9090));
        assert_eq!(c.env_file, Some("/tmp/e".into()));
        let Command::Serve(c) =
            parse(&["--test-admin-port=0", "--advertise-host", "[::1]"]).unwrap()
        else {
            panic!("expected serve")
        };
        assert_eq!(c.test_admin_port, Some(0));
        assert_eq!(endpoint_of(&c.advertise_host, 80, false), "[::1]:80");
        assert_eq!(endpoint_of("localhost", 80, true), "localhost:80");
        assert_eq!(endpoint_of("localhost", 443, false), "localhost:443");
        assert_eq!(endpoint_of("momento.test", 443, true), "momento.test");
        for bad in ["http://x", "x:80", "", "a..b", "a/b"] {
            assert!(parse(&["--advertise-host", bad]).is_err(), "{bad}");
        }
    }

    #[test]
    fn key_scope_flags() {
        use crate::permissions::{CacheSel, Scope, TopicGrant, TopicSel};
        let scope = |args: &[&str]| {
            let mut all = vec!["key", "--secret-file", "/s"];
            all.extend_from_slice(args);
            match parse(&all)? {
                Command::Key(k) => {
                    Ok::<_, CliError>(k.permissions.map(|p| Scope::from_permissions(&p).unwrap()))
                }
                _ => panic!("expected key"),
            }
        };
        assert_eq!(scope(&[]).unwrap(), None);
        assert_eq!(
            scope(&["--cache", "c", "--role", "readonly", "--key-prefix", "p"]).unwrap(),
            Some(Scope::read_only_prefix("c", b"p"))
        );
        assert_eq!(
            scope(&[
                "--all-caches",
                "--topic",
                "t",
                "--topic-role",
                "subscribeonly"
            ])
            .unwrap(),
            Some(Scope::Explicit {
                caches: vec![],
                topics: vec![TopicGrant {
                    subscribe: true,
                    publish: false,
                    cache: CacheSel::All,
                    topic: TopicSel::Exact("t".into()),
                }],
            })
        );
        let Some(Scope::Explicit { caches, topics }) =
            scope(&["--cache=c", "--key", "k", "--all-topics"]).unwrap()
        else {
            panic!("expected explicit")
        };
        assert_eq!(caches.len(), 1);
        assert_eq!(topics.len(), 1);
        assert!(scope(&["--role", "readonly"]).is_err());
        assert!(scope(&["--cache", "c", "--all-caches"]).is_err());
        assert!(scope(&["--cache", "c", "--key", "a", "--key-prefix", "b"]).is_err());
        assert!(scope(&["--cache", "c", "--role", "admin"]).is_err());
        assert!(scope(&["--cache", "c", "--topic-role", "x"]).is_err());
    }
}
