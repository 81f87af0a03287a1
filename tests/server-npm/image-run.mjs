// Runs the image's command the way `docker run -p 8080:8080 momento-server` would, without Docker: inside a
// private network namespace (made by docker.test.mjs with `unshare --net`; it has lo and an "eth0" at 192.0.2.2
// with no route anywhere), in a root directory holding only /momento-server (the FROM-scratch image), as the
// image's USER, with Docker's default environment. Then set/get through eth0's address (where Docker's port
// publishing forwards), and SIGTERM as `docker stop` sends. Prints one JSON line.
// Usage: node image-run.mjs ROOTFS USER ARGV_JSON PORT
import { readFileSync } from 'node:fs';
import { setGet, startServer, within } from './helpers.mjs';

const [rootfs, user, argvJson, port] = process.argv.slice(2);
const argv = JSON.parse(argvJson);
const s = await startServer('chroot', [`--userspec=${user}`, rootfs, ...argv], {
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/' },
});
// chroot execs the binary: the child is the server; the image's USER is who it runs as.
const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${s.child.pid}/status`, 'latin1'))[1];
let value;
let exit;
try {
  value = await setGet(`http://192.0.2.2:${port}`, 'any token', 'from the image');
} finally {
  s.child.kill('SIGTERM');
  exit = await within(s.exited, 10_000, 'exit after SIGTERM').finally(() => s.child.kill('SIGKILL'));
}
process.stdout.write(`${JSON.stringify({ ready: s.stdout().trim(), uid, value, exit, stderr: s.stderr() })}\n`);
