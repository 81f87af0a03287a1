// Runs the image's command the way `docker run` would, without Docker: inside a private network namespace (made by
// docker.test.mjs with `unshare --net`: lo and an "eth0" at 192.0.2.2, no route anywhere), in a root directory laid
// out as the FROM-scratch image (/momento-server, /data owned by the image's user), as that user, with Docker's
// default environment. Then, through URL (eth0's address is where Docker's port publishing forwards): set/get with
// the key the server wrote to /data/api-key (if any) and with one minted by `momento-server key` as documented, a
// call without a valid token, and SIGTERM as `docker stop` sends. Prints one JSON line.
// Usage: node image-run.mjs ROOTFS UID:GID ARGV_JSON URL
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grpcWeb, setGet, startServer, tokenOf, within } from './helpers.mjs';

const [rootfs, user, argvJson, url] = process.argv.slice(2);
const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/' };
const s = await startServer('chroot', [`--userspec=${user}`, rootfs, ...JSON.parse(argvJson)], { env });
// chroot execs the binary: the child is the server; the image's USER is who it runs as.
const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${s.child.pid}/status`, 'latin1'))[1];
const result = { ready: s.stdout().trim(), uid };
try {
  const keyFile = join(rootfs, 'data/api-key');
  if (existsSync(keyFile)) {
    result.keyFileValue = await setGet(url, tokenOf(readFileSync(keyFile, 'utf8')), 'key file');
    const minted = spawnSync('chroot', [`--userspec=${user}`, rootfs, '/momento-server', 'key', '--secret-file',
      '/data/api-key.secret', '--endpoint', '127.0.0.1:8080'], { env, encoding: 'utf8' });
    result.mintedStatus = minted.status;
    result.mintedValue = await setGet(url, tokenOf(minted.stdout), 'minted key');
    result.noToken = (await grpcWeb(url, 'cache_client.Scs/Get', Buffer.from([10, 1, 107]), { token: 'x', cache: 'npm' })).status;
  } else {
    result.anyTokenValue = await setGet(url, 'any token', 'auth none');
  }
} finally {
  s.child.kill('SIGTERM');
  result.exit = await within(s.exited, 10_000, 'exit after SIGTERM').finally(() => s.child.kill('SIGKILL'));
}
result.stderr = s.stderr();
process.stdout.write(`${JSON.stringify(result)}\n`);
