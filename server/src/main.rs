//! `momento-server` command line; see `momento-server --help` and [`momento_server::config`].

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use momento_server::config::{self, Command, KeyOptions, KEY_USAGE, USAGE};
use momento_server::permissions;
use momento_server::secret;
use momento_server::token::{self, Claims, TokenSigner};
use momento_server::{log_error, log_info, log_warn, Config, ServerError};

/// Subject of scoped keys printed by `momento-server key` with scope flags.
const SCOPED_KEY_SUBJECT: &str = "momento-server-scoped-key";

/// How long open connections may delay exit after SIGINT/SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// glibc malloc settings for a server whose memory cap is a process budget
/// ([`momento_server::limits`]), applied before any thread starts:
/// - `M_MMAP_THRESHOLD` 128 KiB: every larger block (values, request and response buffers) is
///   its own mapping, unmapped as soon as it is freed. glibc's default threshold starts there
///   but grows to the size of the largest block freed so far (up to 32 MiB), after which
///   MiB-sized buffers come from the heap and their memory stays in the process after they are
///   freed. Setting it turns that adjustment off (which also keeps the heap trim threshold at
///   its 128 KiB default). Under tests/load (64 MiB cap) the peak RSS was 213 MiB without
///   these two settings and 132 MiB with them alone (before the memory budget).
/// - `M_ARENA_MAX` 2: glibc creates up to 8 heaps per core for threads that contend; each keeps
///   its own free memory. Two match the runtime's workers on small machines and cap the
///   fragmentation elsewhere.
///
/// A setting given through the environment (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_ARENA_MAX`,
/// `GLIBC_TUNABLES`) wins. Returns the settings applied, for the `event=allocator` line.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() -> Vec<String> {
    const MMAP_THRESHOLD: libc::c_int = 128 * 1024;
    const ARENA_MAX: libc::c_int = 2;
    let tunables = std::env::var("GLIBC_TUNABLES").unwrap_or_default();
    let given =
        |var: &str, tunable: &str| std::env::var_os(var).is_some() || tunables.contains(tunable);
    let mut applied = Vec::new();
    for (param, value, var, tunable, name) in [
        (
            libc::M_MMAP_THRESHOLD,
            MMAP_THRESHOLD,
            "MALLOC_MMAP_THRESHOLD_",
            "glibc.malloc.mmap_threshold",
            "mmap_threshold",
        ),
        (
            libc::M_ARENA_MAX,
            ARENA_MAX,
            "MALLOC_ARENA_MAX",
            "glibc.malloc.arena_max",
            "arena_max",
        ),
    ] {
        if given(var, tunable) {
            applied.push(format!("{name}=env"));
            continue;
        }
        // SAFETY: `mallopt` only sets allocator parameters; it is called here, on the main
        // thread, before the runtime starts any other thread.
        let ok = unsafe { libc::mallopt(param, value) } == 1;
        applied.push(if ok {
            format!("{name}={value}")
        } else {
            format!("{name}=failed")
        });
    }
    applied
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() -> Vec<String> {
    vec!["default".to_owned()]
}

/// How often [`spawn_trimmer`] trims the heap.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_INTERVAL: Duration = Duration::from_millis(250);

/// Every [`TRIM_INTERVAL`], gives the free pages inside glibc's heaps back to the system
/// (`malloc_trim(0)`). Blocks below the mmap threshold (small values, collection elements,
/// connection and codec buffers) come from the heaps, and a heap only shrinks at its top on its
/// own: pages freed in the middle stay resident, e.g. those of small items evicted to make room
/// for a large one, which the store budget no longer counts. Measured under tests/load (RSS
/// minus stored items minus reserved in-flight bytes, sampled every 20 ms): at most 28 MiB
/// trimming every second, 22 MiB every 250 ms (median ~20.5 MiB either way); each call takes
/// 0.1–0.8 ms (debug build).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn spawn_trimmer() {
    tokio::spawn(async {
        let mut interval = tokio::time::interval(TRIM_INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            // SAFETY: `malloc_trim` only releases free memory; it takes the allocator's own
            // locks and may run concurrently with other threads' allocations.
            unsafe { libc::malloc_trim(0) };
        }
    });
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn spawn_trimmer() {}

fn main() -> ExitCode {
    let allocator = tune_allocator();
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
        Ok(Command::KeyHelp) => {
            print!("{KEY_USAGE}");
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
            log_info!("event=allocator {}", allocator.join(" "));
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
            match runtime.block_on(serve(*config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    log_error!("event=server_failed error=\"{error}\"");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `momento-server key`: prints a freshly signed v1 (or, with `--v2`, v2) API key: root, or
/// scoped by the flags.
fn print_key(options: &KeyOptions) -> Result<(), Box<dyn std::error::Error>> {
    let secret = secret::resolve_secret(&options.secret)?;
    let claims = match &options.permissions {
        None => Claims::root(options.ttl_seconds),
        Some(permissions) => Claims::new(
            SCOPED_KEY_SUBJECT,
            options.ttl_seconds,
            Some(permissions::encode_claim(permissions)),
            None,
        ),
    };
    let signer = TokenSigner::new(secret);
    let key = if options.v2 {
        token::sign_v2_api_key(&signer, &claims)?
    } else {
        token::encode_v1_api_key(&options.endpoint, &signer.sign(&claims)?)?
    };
    println!("{key}");
    Ok(())
}

async fn serve(config: Config) -> Result<(), ServerError> {
    if let momento_server::SecretSource::File(path) = &config.secret {
        log_info!("event=secret_file path={path:?}");
    }
    let server = momento_server::run(config).await?;
    if let Some(ca) = server.dev_ca() {
        // For the person who started it (stdout carries only the ready line).
        eprint!("{}", momento_server::tls::trust_instructions(ca));
    }

    // Listening before the ready line, which promises a graceful SIGTERM.
    let signal = shutdown_signal();
    // The one stdout line tests and scripts wait for.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "momento-server listening on {}", server.url());
    let _ = stdout.flush();
    drop(stdout);

    spawn_trimmer();
    let handle = server.shutdown_handle();
    let store = std::sync::Arc::clone(server.store());
    let in_flight = server.in_flight().cloned();
    tokio::spawn(async move {
        let signal = signal.await;
        // The store's final figures, for tests and operators watching the process from outside.
        log_info!("event=metrics {}", store.metrics());
        if let Some(in_flight) = in_flight {
            log_info!("event=in_flight {}", in_flight.metrics());
        }
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

/// Listens for SIGINT and SIGTERM from the call on (so it is made before the ready line: a
/// signal sent right after that line never meets the default action, which would kill the
/// process without the final log lines); the future ends with the first one's name.
fn shutdown_signal() -> impl std::future::Future<Output = &'static str> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => tokio::select! {
                    _ = int.recv() => "SIGINT",
                    _ = term.recv() => "SIGTERM",
                },
                (Err(error), int) => {
                    log_warn!("event=no_sigterm_handler error=\"{error}\"");
                    if let Ok(mut int) = int {
                        int.recv().await;
                    }
                    "SIGINT"
                }
                // As `tokio::signal::ctrl_c()` failing did: the wait ends at once.
                (Ok(_), Err(_)) => "SIGINT",
            }
        }
    }
    #[cfg(not(unix))]
    {
        let ctrl_c = tokio::signal::ctrl_c();
        async move {
            let _ = ctrl_c.await;
            "SIGINT"
        }
    }
}
