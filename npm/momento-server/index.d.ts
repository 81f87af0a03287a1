/**
 * Absolute path of the momento-server binary for this machine: `$MOMENTO_SERVER_BINARY` when set, else the binary
 * of the installed platform package (`@momento-wasm/server-<platform>-<arch>`). Throws an Error naming the
 * supported platforms and how to build from source when there is none. Spawn it yourself to skip the launcher.
 */
export function binaryPath(): string;
/** The platform package for a platform/arch pair (default: this process's), e.g. `@momento-wasm/server-linux-x64`. */
export function packageName(platform?: string, arch?: string): string;
/** The platforms with a prebuilt binary, e.g. `['linux-x64', 'linux-arm64']`. */
export function platforms(): string[];
/** This package's version, which is also the binary's (`momento-server --version`). */
export const version: string;
