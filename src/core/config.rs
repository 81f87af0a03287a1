//! Client configurations: versioned presets (`Browser`, `Laptop`, `InRegion.Default`, `InRegion.LowLatency`,
//! `Lambda`) plus `with_*` builders. Every preset has a deadline on every call and a retry strategy.
//!
//! These presets serve the Rust API (and its tests); the JS API's are in js/config.js, so the wasm carries none.
//! The test `js_presets_match` keeps the two tables equal.

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

impl Configuration {
    fn preset(client_timeout_ms: u32, retry: RetryStrategy) -> Self {
        Self {
            client_timeout_ms,
            retry,
            throw_on_errors: false,
            read_concern: ReadConcern::Balanced,
            transport_mode: Mode::Text,
        }
    }

    /// Browser v1: relaxed 15 s deadline for slow and mobile networks, exponential backoff; meant for
    /// short-lived disposable tokens.
    pub fn browser_v1() -> Self {
        Self::preset(15_000, RetryStrategy::exponential(3, 100, 2_000))
    }

    /// Laptop v1: development against a remote service; 5 s deadline, exponential backoff.
    pub fn laptop_v1() -> Self {
        Self::preset(5_000, RetryStrategy::exponential(3, 50, 1_000))
    }

    /// InRegion.Default v1: servers in the same region; 1.1 s deadline, immediate retries.
    pub fn in_region_default_v1() -> Self {
        Self::preset(1_100, RetryStrategy::exponential(3, 10, 100))
    }

    /// InRegion.LowLatency v1: latency-critical servers in region; 0.5 s deadline, immediate retries.
    pub fn in_region_low_latency_v1() -> Self {
        Self::preset(500, RetryStrategy::exponential(3, 5, 50))
    }

    /// Lambda v1: serverless functions; 1.1 s deadline, retries with short backoff.
    pub fn lambda_v1() -> Self {
        Self::preset(1_100, RetryStrategy::exponential(3, 10, 200))
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

    /// The JS API's presets live in js/config.js (the wasm exports none); these are the same presets for the Rust
    /// API and its tests. The two must not drift: each JS preset line must carry this preset's numbers.
    #[test]
    fn js_presets_match() {
        let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/js/config.js"))
            .expect("read js/config.js");
        let presets = [
            ("Browser", Configuration::browser_v1()),
            ("Laptop", Configuration::laptop_v1()),
            ("Default", Configuration::in_region_default_v1()),
            ("LowLatency", Configuration::in_region_low_latency_v1()),
            ("Lambda", Configuration::lambda_v1()),
        ];
        for (name, c) in presets {
            let RetryStrategy::ExponentialBackoff {
                max_attempts,
                initial_delay_ms,
                max_backoff_ms,
            } = c.retry
            else {
                panic!("{name}: presets retry with exponential backoff");
            };
            // Connection settings of the Node transport (a trailing argument) are JS-only.
            let line = format!(
                "{name}: presetClass(Configuration, '{name}', {}, {max_attempts}, {initial_delay_ms}, {max_backoff_ms}",
                c.client_timeout_ms
            );
            assert!(
                js.contains(&(line.clone() + "),")) || js.contains(&(line.clone() + ", {")),
                "js/config.js lacks `{line})`"
            );
            assert_eq!(
                (c.throw_on_errors, c.read_concern, c.transport_mode),
                (false, ReadConcern::Balanced, Mode::Text),
                "{name}: js/config.js's Configuration defaults"
            );
        }
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
