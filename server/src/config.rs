//! Server configuration and the command line.
//!
//! ```text
//! momento-server [--host ADDR] [--port P] [--auth token|none] [--key-file F]
//!                [--secret-file F] [--cors-origin ORIGIN]... [--sweep-interval-ms MS]
//! momento-server key [--secret-file F] [--ttl-seconds N] [--endpoint HOST:PORT]
//! ```
//!
//! Default signing-secret file (only used with `--auth token`):
//! 1. `--secret-file F` when given;
//! 2. otherwise `<key-file>.secret` when `--key-file` is given (next to the key it signs);
//! 3. otherwise `$XDG_STATE_HOME/momento-server/secret`, or
//!    `$HOME/.local/state/momento-server/secret`;
//! 4. otherwise (no home directory) an in-memory secret that lives as long as the process.
//!
//! The file is created with a fresh random secret when it does not exist (see
//! [`crate::auth::load_or_create_secret`] for its format).

use std::ffi::OsString;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Default TCP port (the port `momento-local` and the SDKs' `forMomentoLocal` use).
pub const DEFAULT_PORT: u16 = 8080;

/// Default maximum gRPC message size in either direction (16 MiB): above the 5 MiB item limit
/// so that oversized items reach the handler and get Momento's `RESOURCE_EXHAUSTED` answer.
pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 16 * 1024 * 1024;

/// Whether requests must carry a token signed by this server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    /// Every request needs a valid, unexpired HS256 token in `authorization` (the default).
    Token,
    /// Accept any (or no) `authorization` header, like `momento-local`.
    None,
}

/// Where the HS256 signing secret comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// Read from this file, creating it with a random secret if it does not exist.
    File(PathBuf),
    /// Use these bytes (embedding and tests).
    Bytes(Vec<u8>),
    /// A random secret kept in memory only: keys die with the process.
    Ephemeral,
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
    /// Allowed CORS origins; empty mirrors any request origin (the default).
    pub cors_origins: Vec<String>,
    /// How often the background sweeper drops expired items.
    pub sweep_interval: Duration,
    /// Maximum decoded/encoded gRPC message size of every service.
    pub max_message_size: usize,
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
        }
    }
}

/// Options of the `key` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOptions {
    /// Signing secret (created if missing, so a server started later with it accepts the key).
    pub secret: SecretSource,
    /// Token lifetime; `None` = never expires.
    pub ttl_seconds: Option<u64>,
    /// `endpoint` written into the v1 key (default `127.0.0.1:8080`).
    pub endpoint: String,
}

/// What the command line asks for.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run the server.
    Serve(Config),
    /// Print a freshly signed v1 API key and exit.
    Key(KeyOptions),
    /// Print usage and exit.
    Help,
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
  momento-server key [--secret-file F] [--ttl-seconds N] [--endpoint HOST:PORT]

OPTIONS:
  --host ADDR              address to bind (default 127.0.0.1)
  --port P                 port to bind, 0 = ephemeral (default 8080)
  --auth token|none        require tokens signed by this server (default token)
  --key-file F             write a root API key (Momento v1 format) to F once bound
  --secret-file F          HS256 signing secret, created if missing
                           (default <key-file>.secret, else
                           $XDG_STATE_HOME/momento-server/secret or
                           ~/.local/state/momento-server/secret)
  --cors-origin ORIGIN     allowed browser origin, repeatable (default: mirror any origin)
  --sweep-interval-ms MS   expired-item sweeper period (default 1000)
  -h, --help               show this help
  -V, --version            show the version

Once listening, one line is printed to stdout:
  momento-server listening on http://127.0.0.1:<port>
Logs go to stderr (MOMENTO_SERVER_LOG=error|warn|info|debug, default info).
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
        return parse_key_args(args, xdg_state_home, home).map(Command::Key);
    }

    let mut config = Config::default();
    let mut secret_file: Option<PathBuf> = None;
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
            "--secret-file" => secret_file = Some(PathBuf::from(value()?)),
            "--cors-origin" => {
                let origin = value()?;
                if origin == "*" || http::HeaderValue::from_str(&origin).is_err() {
                    return Err(CliError(format!(
                        "--cors-origin: not a usable origin (credentials are allowed, so `*` is \
                         not either): {origin}"
                    )));
                }
                config.cors_origins.push(origin);
            }
            "--sweep-interval-ms" => {
                let ms: u64 = parse_number(flag, &value()?)?;
                config.sweep_interval = Duration::from_millis(ms.max(1));
            }
            other => return Err(CliError(format!("unknown argument: {other} (see --help)"))),
        }
    }

    config.secret = match (config.auth, secret_file) {
        (AuthMode::None, _) => SecretSource::Ephemeral,
        (AuthMode::Token, Some(file)) => SecretSource::File(file),
        (AuthMode::Token, None) => match &config.key_file {
            Some(key_file) => SecretSource::File(secret_next_to(key_file)),
            None => default_secret_source(xdg_state_home, home),
        },
    };
    Ok(Command::Serve(config))
}

fn parse_key_args<I>(
    args: I,
    xdg_state_home: Option<OsString>,
    home: Option<OsString>,
) -> Result<KeyOptions, CliError>
where
    I: Iterator<Item = String>,
{
    let mut args = args.peekable();
    let mut options = KeyOptions {
        secret: SecretSource::Ephemeral,
        ttl_seconds: None,
        endpoint: format!("127.0.0.1:{DEFAULT_PORT}"),
    };
    let mut secret_file = None;
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = || next_value(flag, inline.clone(), &mut args);
        match flag {
            "--secret-file" => secret_file = Some(PathBuf::from(value()?)),
            "--ttl-seconds" => options.ttl_seconds = Some(parse_number(flag, &value()?)?),
            "--endpoint" => options.endpoint = value()?,
            other => {
                return Err(CliError(format!(
                    "key: unknown argument: {other} (see --help)"
                )))
            }
        }
    }
    options.secret = match secret_file {
        Some(file) => SecretSource::File(file),
        None => default_secret_source(xdg_state_home, home),
    };
    if options.secret == SecretSource::Ephemeral {
        return Err(CliError(
            "key: no --secret-file given and no $XDG_STATE_HOME or $HOME to find the default"
                .to_owned(),
        ));
    }
    Ok(options)
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
        assert!(parse(&["--bogus"]).is_err());
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
        assert_eq!(k.endpoint, "127.0.0.1:8080");
    }
}
