//! Minimal structured logging to stderr (stdout carries only the ready line).
//!
//! One line per event: `ts=<unix seconds.millis> level=<level> <key=value ...>`. The level is
//! chosen with `MOMENTO_SERVER_LOG` (`error`, `warn`, `info` — the default — or `debug`).

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// Log severity, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Something failed.
    Error,
    /// Something a user may want to know about (e.g. a rejected token).
    Warn,
    /// Lifecycle events.
    Info,
    /// Every request.
    Debug,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
            Self::Debug => "debug",
        }
    }
}

fn max_level() -> Level {
    static LEVEL: OnceLock<Level> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        match std::env::var("MOMENTO_SERVER_LOG")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "error" => Level::Error,
            "warn" => Level::Warn,
            "debug" | "trace" => Level::Debug,
            _ => Level::Info,
        }
    })
}

/// Whether events of `level` are printed.
pub fn enabled(level: Level) -> bool {
    level <= max_level()
}

/// Prints one event line to stderr (use the `log_*!` macros).
pub fn emit(level: Level, args: std::fmt::Arguments<'_>) {
    if !enabled(level) {
        return;
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    // `eprintln!` (rather than writing to a locked handle) so test harnesses capture it.
    eprintln!(
        "ts={}.{:03} level={} {}",
        now.as_secs(),
        now.subsec_millis(),
        level.as_str(),
        args
    );
}

/// Logs at error level: `log_error!("event=x key={value}")`.
#[macro_export]
macro_rules! log_error {
    ($($arg:tt)*) => { $crate::log::emit($crate::log::Level::Error, format_args!($($arg)*)) };
}

/// Logs at warn level.
#[macro_export]
macro_rules! log_warn {
    ($($arg:tt)*) => { $crate::log::emit($crate::log::Level::Warn, format_args!($($arg)*)) };
}

/// Logs at info level.
#[macro_export]
macro_rules! log_info {
    ($($arg:tt)*) => { $crate::log::emit($crate::log::Level::Info, format_args!($($arg)*)) };
}

/// Logs at debug level (formatting is skipped when debug is off).
#[macro_export]
macro_rules! log_debug {
    ($($arg:tt)*) => {
        if $crate::log::enabled($crate::log::Level::Debug) {
            $crate::log::emit($crate::log::Level::Debug, format_args!($($arg)*))
        }
    };
}
