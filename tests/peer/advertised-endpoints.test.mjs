// Keys name `localhost:<port>` (--advertise-host), and the official SDKs follow them as they are: follow-keys.mjs runs
// in its own Node process (TLS trust is read at start) against a --tls-dev server, with localhost-names.mjs resolving
// *.localhost to loopback as browsers, curl and systemd-resolved do. See follow-keys.mjs for the cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ROOT, startServer, stopServer } from './server.mjs';

test('the official Node and web SDKs, https.request and curl follow the server keys (v1 and v2, TLS)', async () => {
  const server = await startServer(['--tls-dev']);
  try {
    assert.match(server.apiKey, /^[A-Za-z0-9=]+$/);
    const { endpoint } = JSON.parse(Buffer.from(server.apiKey, 'base64').toString('utf8'));
    assert.equal(endpoint, `localhost:${server.port}`);
    assert.equal(server.env.MOMENTO_ENDPOINT, `localhost:${server.port}`);
    const ca = join(server.dir, 'momento-server-dev-ca.pem');
    const dir = join(ROOT, 'tests/peer');
    const child = spawn(
      process.execPath,
      ['--import', join(dir, 'localhost-names.mjs'), '--test-reporter=spec', join(dir, 'follow-keys.mjs')],
      {
        env: {
          // Not a child of this test run (node:test marks its children with NODE_TEST_CONTEXT).
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT')),
          NODE_EXTRA_CA_CERTS: ca,
          GRPC_DEFAULT_SSL_ROOTS_FILE_PATH: ca,
          V1_API_KEY: server.apiKey,
          MOMENTO_API_KEY: server.env.MOMENTO_API_KEY,
          MOMENTO_ENDPOINT: server.env.MOMENTO_ENDPOINT,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, output);
    assert.match(output, /ℹ pass (7|6)\b/, output);
    assert.match(output, /ℹ fail 0\b/, output);
  } finally {
    stopServer(server);
  }
});
