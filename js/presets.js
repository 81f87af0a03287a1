// The numbers of the configuration presets, defined once: js/config.js builds `Configurations` from them (the topic
// and leaderboard clients reuse them), and the Rust crate's `Configuration::*_v1()` (src/core/config.rs) read this
// file at compile time. Keep one preset a line, `  Name: [numbers…],`: Rust reads the first four numbers.

/**
 * Per preset: `[clientTimeoutMillis, maxAttempts, initialDelayMillis, maxBackoffMillis, connection?]` — the deadline
 * of one call, its exponential backoff, and Node-only connection settings.
 */
export const PRESETS = {
  Browser: [15000, 3, 100, 2000],
  Laptop: [5000, 3, 50, 1000],
  Default: [1100, 3, 10, 100],
  LowLatency: [500, 3, 5, 50],
  Lambda: [1100, 3, 10, 200, { keepAliveTimeMillis: 0 }],
};
