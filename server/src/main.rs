//! `momento-server` command line; see `momento-server --help` and [`momento_server::config`].

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use momento_server::auth::{self, Claims, TokenSigner};
use momento_server::config::{self, Command, KeyOptions, USAGE};
use momento_server::permissions;
use momento_server::{log_error, log_info, log_warn, Config, ServerError};

/// Subject of scoped keys printed by `momento-server key` with scope flags.
const SCOPED_KEY_SUBJECT: &str = "momento-server-scoped-key";

/// How long open connections may delay exit after SIGINT/SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

fn main() -> ExitCode {
    let command = config::parse_args(
        std::env::args().skip(1),
        std::env::var_os("XDG_STATE_HOME"),
        std::env::var_os("HOME"),
    );
    match command {
        Err(error) => {
            eprintln!("momento-server: {error}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("momento-server {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Key(options)) => match print_key(&options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("momento-server key: {error}");
                ExitCode::FAILURE
            }
        },
        Ok(Command::Serve(config)) => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(error) => {
                    log_error!("event=startup_failed error=\"tokio runtime: {error}\"");
                    return ExitCode::FAILURE;
                }
            };
            match runtime.block_on(serve(config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    log_error!("event=server_failed error=\"{error}\"");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `momento-server key`: prints a freshly signed v1 API key (root, or scoped by the flags).
fn print_key(options: &KeyOptions) -> Result<(), Box<dyn std::error::Error>> {
    let secret = auth::resolve_secret(&options.secret)?;
    let claims = match &options.permissions {
        None => Claims::root(options.ttl_seconds),
        Some(permissions) => Claims::new(
            SCOPED_KEY_SUBJECT,
            options.ttl_seconds,
            Some(permissions::encode_claim(permissions)),
            None,
        ),
    };
    let token = TokenSigner::new(secret).sign(&claims)?;
    let key = auth::encode_v1_api_key(&options.endpoint, &token)?;
    println!("{key}");
    Ok(())
}

async fn serve(config: Config) -> Result<(), ServerError> {
    if let momento_server::SecretSource::File(path) = &config.secret {
        log_info!("event=secret_file path={path:?}");
    }
    let server = momento_server::run(config).await?;

    // The one stdout line tests and scripts wait for.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "momento-server listening on {}", server.url());
    let _ = stdout.flush();
    drop(stdout);

    let handle = server.shutdown_handle();
    let store = std::sync::Arc::clone(server.store());
    tokio::spawn(async move {
        let signal = shutdown_signal().await;
        // The store's final figures, for tests and operators watching the process from outside.
        log_info!("event=metrics {}", store.metrics());
        log_info!("event=shutdown signal={signal}");
        handle.shutdown();
        tokio::time::sleep(SHUTDOWN_GRACE).await;
        log_warn!(
            "event=forced_exit reason=\"connections still open {}s after {signal}\"",
            SHUTDOWN_GRACE.as_secs()
        );
        std::process::exit(0);
    });

    server.wait().await?;
    log_info!("event=stopped");
    Ok(())
}

/// Waits for SIGINT or SIGTERM; returns the signal's name.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => tokio::select! {
                _ = tokio::signal::ctrl_c() => "SIGINT",
                _ = term.recv() => "SIGTERM",
            },
            Err(error) => {
                log_warn!("event=no_sigterm_handler error=\"{error}\"");
                let _ = tokio::signal::ctrl_c().await;
                "SIGINT"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "SIGINT"
    }
}
