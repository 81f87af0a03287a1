#!/usr/bin/env node
'use strict';
// `npx momento-server [args]`: runs the prebuilt momento-server binary for this platform (see ../index.js) with
// the same arguments, environment and stdio. SIGINT, SIGTERM and SIGHUP sent to this process are passed on to the
// server (which shuts down gracefully on SIGINT/SIGTERM); this process then exits with the server's exit code, or
// dies of the same signal when the server was killed by one. When the process that started this one goes away,
// the server is stopped too (SIGTERM): `npx` runs bins through `sh -c`, which does not pass on a SIGTERM sent to
// npx (npm/cli#5776), and would leave the server running. (Nothing can pass on a SIGKILL of this process: a
// supervisor that may SIGKILL, or a script that wants the server to outlive it, should spawn
// require('momento-server').binaryPath() itself.)
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const { binaryPath } = require('..');

let bin;
try {
  bin = binaryPath();
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
try {
  fs.accessSync(bin, fs.constants.X_OK);
} catch {
  // A package manager or an unpacking tool that dropped the executable bit.
  try { fs.chmodSync(bin, 0o755); } catch { /* reported by spawn below */ }
}

const child = spawn(bin, process.argv.slice(2), { stdio: 'inherit' });
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphanWatch);
  process.stderr.write('momento-server: the process that started the launcher exited; stopping the server\n');
  forward('SIGTERM');
}, 500);
orphanWatch.unref();

child.on('error', (e) => {
  const hint = e.code === 'ENOEXEC' ? ` (not a ${process.platform}-${process.arch} executable?)` : '';
  process.stderr.write(`momento-server: cannot run ${bin}: ${e.message}${hint}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  clearInterval(orphanWatch);
  for (const s of SIGNALS) process.removeListener(s, forward);
  if (signal) {
    process.kill(process.pid, signal);
    // The signal may take a moment to land; a signal whose default action does not terminate Node never does.
    setTimeout(() => process.exit(128 + (os.constants.signals[signal] || 0)), 1000);
    return;
  }
  process.exit(code === null ? 1 : code);
});
