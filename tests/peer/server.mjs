// Starts and stops momento-server for the peer tests (target/debug/momento-server, or
// $MOMENTO_SERVER_BIN) on ephemeral ports, each with its own key, secret and env files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.MOMENTO_SERVER_BIN ?? join(ROOT, 'target/debug/momento-server');
const READY = /^momento-server listening on https?:\/\/(\S+)$/m;
const ADMIN = /event=test_admin addr=(\S+)/;

/**
 * Starts momento-server with `extraArgs`; resolves with {child, endpoint (the bound host:port),
 * port, apiKey (the root v1 key), env (the --env-file lines as an object), adminPort (with a test
 * admin), dir, secretFile, stderr()}.
 */
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'momento-peer-'));
  const keyFile = join(dir, 'api-key');
  const envFile = join(dir, 'momento.env');
  const secretFile = join(dir, 'secret');
  const child = spawn(
    BIN,
    ['--port', '0', '--key-file', keyFile, '--env-file', envFile, '--secret-file', secretFile, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (process.env.MOMENTO_PEER_SERVER_LOG) process.stderr.write(chunk);
  });
  const endpoint = await new Promise((resolveReady, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`momento-server did not start:\n${stderr}`)), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveReady(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`momento-server exited (${code}) during start-up:\n${stderr}`));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${BIN} (build it with cargo build -p momento-server): ${error.message}`));
    });
  });
  let adminPort;
  if (extraArgs.includes('--enable-test-admin') || extraArgs.includes('--test-admin-port')) {
    for (let i = 0; i < 100 && !ADMIN.test(stderr); i += 1) await new Promise((r) => setTimeout(r, 20));
    adminPort = Number(ADMIN.exec(stderr)?.[1].split(':').pop());
  }
  const env = Object.fromEntries(
    readFileSync(envFile, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  return {
    child,
    endpoint,
    port: Number(endpoint.split(':').pop()),
    apiKey: readFileSync(keyFile, 'utf8').trim(),
    env,
    adminPort,
    dir,
    secretFile,
    stderr: () => stderr,
  };
}

export function stopServer(server) {
  if (!server) return;
  server.child.kill('SIGTERM');
  rmSync(server.dir, { recursive: true, force: true });
}
