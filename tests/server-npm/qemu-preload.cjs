// Test-only preload (NODE_OPTIONS=--require …): makes Node report process.arch 'arm64', so the momento-server
// launcher picks @momento-wasm/server-linux-arm64, and runs that package's binary under qemu-user
// ($QEMU_AARCH64), since this x86_64 machine cannot execute aarch64 binaries directly (no binfmt_misc). The
// launcher's own code (resolution, spawn, signals, exit codes) runs unchanged.
'use strict';
const cp = require('child_process');
Object.defineProperty(process, 'arch', { value: 'arm64' });
const spawn = cp.spawn;
cp.spawn = function spawnUnderQemu(file, args, opts) {
  if (typeof file === 'string' && file.endsWith('/@momento-wasm/server-linux-arm64/bin/momento-server')) {
    return spawn.call(this, process.env.QEMU_AARCH64, [file, ...(args || [])], opts);
  }
  return spawn.apply(this, arguments);
};
