//! Client configurations: versioned presets (`Browser`, `Laptop`, `InRegion.Default`, `InRegion.LowLatency`,
//! `Lambda`) plus `with_*` builders. Every preset has a deadline on every call and a retry strategy.
//!
//! The presets' numbers are defined once, in js/presets.js (the JS API's `Configurations` are built from them there,
//! so the wasm carries none); this module reads that file at compile time for the Rust API, and a malformed or
//! missing preset line fails the build.

use super::grpc_web::Mode;
use super::retry::RetryStrategy;

/// Read consistency requested from the service (`read-concern` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReadConcern {
    /// The default: no header is sent.
    #[default]
    Balanced,
    /// Read-after-write consistency (`read-concern: consistent`).
    Consistent,
}

/// How a client talks to the service.
#[derive(Debug, Clone, PartialEq)]
pub struct Configuration {
    /// Overall deadline of one call, including retries, in milliseconds.
    pub client_timeout_ms: u32,
    /// Which failures are retried and how long to wait between attempts.
    pub retry: RetryStrategy,
    /// Throw (reject) instead of returning `Error` results.
    pub throw_on_errors: bool,
    /// Read concern sent with data-plane calls.
    pub read_concern: ReadConcern,
    /// gRPC-web text (default, what Momento's web endpoints are proven with) or binary.
    pub transport_mode: Mode,
}

/// js/presets.js, the one definition of the presets' numbers.
const PRESETS_JS: &[u8] = include_bytes!("../../js/presets.js");

/// Number `index` (0-based) of `name`'s line in js/presets.js, `  Name: [n0, n1, …],`; fails the build when the line
/// or the number is missing. Evaluated only at compile time (the presets' `const` blocks), where an out-of-range index
/// or a panic is a build error, never a trap.
#[allow(clippy::indexing_slicing, clippy::panic)]
const fn preset_number(name: &str, index: usize) -> u32 {
    let (src, name) = (PRESETS_JS, name.as_bytes());
    let mut i = 0;
    // The line: a newline, two spaces, `name`, `: [`.
    loop {
        if i + name.len() + 6 > src.len() {
            panic!("js/presets.js lacks a preset line");
        }
        let mut j = 0;
        while j < name.len() && src[i + 3 + j] == name[j] {
            j += 1;
        }
        let at = i + 3 + j;
        let line_start = src[i] == b'\n' && src[i + 1] == b' ' && src[i + 2] == b' ';
        if line_start
            && j == name.len()
            && src[at] == b':'
            && src[at + 1] == b' '
            && src[at + 2] == b'['
        {
            i = at + 3;
            break;
        }
        i += 1;
    }
    // Skip `index` numbers, then read one.
    let mut seen = 0;
    loop {
        while i < src.len() && (src[i] == b' ' || src[i] == b',') {
            i += 1;
        }
        let (mut n, start) = (0u32, i);
        while i < src.len() && src[i].is_ascii_digit() {
            n = n * 10 + (src[i] - b'0') as u32;
            i += 1;
        }
        if i == start {
            panic!("a preset line of js/presets.js has too few numbers");
        }
        if seen == index {
            return n;
        }
        seen += 1;
    }
}

impl Configuration {
    /// The preset `name` of js/presets.js, read at compile time (its Node-only connection settings are not read).
    const fn preset(name: &str) -> Self {
        Self {
            client_timeout_ms: preset_number(name, 0),
            retry: RetryStrategy::ExponentialBackoff {
                max_attempts: preset_number(name, 1),
                initial_delay_ms: preset_number(name, 2),
                max_backoff_ms: preset_number(name, 3),
            },
            throw_on_errors: false,
            read_concern: ReadConcern::Balanced,
            transport_mode: Mode::Text,
        }
    }

    /// Browser v1: relaxed 15 s deadline for slow and mobile networks, exponential backoff; meant for
    /// short-lived disposable tokens.
    pub fn browser_v1() -> Self {
        const { Self::preset("Browser") }
    }

    /// Laptop v1: development against a remote service; 5 s deadline, exponential backoff.
    pub fn laptop_v1() -> Self {
        const { Self::preset("Laptop") }
    }

    /// InRegion.Default v1: servers in the same region; 1.1 s deadline, immediate retries.
    pub fn in_region_default_v1() -> Self {
        const { Self::preset("Default") }
    }

    /// InRegion.LowLatency v1: latency-critical servers in region; 0.5 s deadline, immediate retries.
    pub fn in_region_low_latency_v1() -> Self {
        const { Self::preset("LowLatency") }
    }

    /// Lambda v1: serverless functions; 1.1 s deadline, retries with short backoff.
    pub fn lambda_v1() -> Self {
        const { Self::preset("Lambda") }
    }

    /// Returns a copy with another overall call deadline.
    pub fn with_client_timeout_ms(&self, ms: u32) -> Self {
        Self {
            client_timeout_ms: ms,
            ..self.clone()
        }
    }

    /// Returns a copy with another retry strategy.
    pub fn with_retry_strategy(&self, retry: RetryStrategy) -> Self {
        Self {
            retry,
            ..self.clone()
        }
    }

    /// Returns a copy that throws instead of returning `Error` results.
    pub fn with_throw_on_errors(&self, throw_on_errors: bool) -> Self {
        Self {
            throw_on_errors,
            ..self.clone()
        }
    }

    /// Returns a copy with another read concern.
    pub fn with_read_concern(&self, read_concern: ReadConcern) -> Self {
        Self {
            read_concern,
            ..self.clone()
        }
    }

    /// Returns a copy with another gRPC-web transport mode.
    pub fn with_transport_mode(&self, transport_mode: Mode) -> Self {
        Self {
            transport_mode,
            ..self.clone()
        }
    }
}

impl Default for Configuration {
    fn default() -> Self {
        Self::browser_v1()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_distinct() {
        let all = [
            Configuration::browser_v1(),
            Configuration::laptop_v1(),
            Configuration::in_region_default_v1(),
            Configuration::in_region_low_latency_v1(),
            Configuration::lambda_v1(),
        ];
        for (i, a) in all.iter().enumerate() {
            for b in all.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
        assert!(
            all[0].client_timeout_ms > all[1].client_timeout_ms,
            "browser is relaxed"
        );
    }

    /// The numbers read from js/presets.js (a spot check that the compile-time reader reads the right line and
    /// field: the presets are defined there, not here).
    #[test]
    fn presets_read_from_js() {
        let lambda = Configuration::lambda_v1();
        assert_eq!(lambda.client_timeout_ms, 1_100);
        assert_eq!(lambda.retry, RetryStrategy::exponential(3, 10, 200));
        assert_eq!(Configuration::browser_v1().client_timeout_ms, 15_000);
    }

    #[test]
    fn builders_copy() {
        let base = Configuration::laptop_v1();
        let c = base
            .with_client_timeout_ms(42)
            .with_throw_on_errors(true)
            .with_read_concern(ReadConcern::Consistent)
            .with_transport_mode(Mode::Binary);
        assert_eq!(c.client_timeout_ms, 42);
        assert!(c.throw_on_errors);
        assert_eq!(c.read_concern, ReadConcern::Consistent);
        assert_eq!(c.transport_mode, Mode::Binary);
        assert_eq!(base.client_timeout_ms, 5_000);
    }
}
