// The numbers of the configuration presets, defined once: js/config.js builds `Configurations` from them (and the
// topic and leaderboard clients reuse them), and the Rust crate's `Configuration::*_v1()` (src/core/config.rs) read
// this file at compile time. Keep one preset a line, `  Name: { "field": number, … },`, with plain JSON objects.

/** Per preset: the deadline of one call and its exponential backoff; `keepAliveTimeMillis` is Node-only. */
export const PRESETS = {
  Browser: { "clientTimeoutMillis": 15000, "maxAttempts": 3, "initialDelayMillis": 100, "maxBackoffMillis": 2000 },
  Laptop: { "clientTimeoutMillis": 5000, "maxAttempts": 3, "initialDelayMillis": 50, "maxBackoffMillis": 1000 },
  Default: { "clientTimeoutMillis": 1100, "maxAttempts": 3, "initialDelayMillis": 10, "maxBackoffMillis": 100 },
  LowLatency: { "clientTimeoutMillis": 500, "maxAttempts": 3, "initialDelayMillis": 5, "maxBackoffMillis": 50 },
  Lambda: { "clientTimeoutMillis": 1100, "maxAttempts": 3, "initialDelayMillis": 10, "maxBackoffMillis": 200, "keepAliveTimeMillis": 0 },
};
