// Resolves every name under `localhost` (cache.localhost, web.cache.localhost, api.cache.localhost, …) to the loopback
// addresses, as RFC 6761 §6.3 asks and as browsers, curl and systemd-resolved do; glibc without nss-myhostname (Debian
// containers, this CI) resolves only `localhost` itself. Load it first (`node --import ./localhost-names.mjs`): Node's
// net/http/fetch call dns.lookup and grpc-js calls dns.promises.lookup at connection time, so both are wrapped.
import dns from 'node:dns';

const LOOPBACK = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];
const underLocalhost = (host) => typeof host === 'string' && host.toLowerCase().replace(/\.$/, '').endsWith('.localhost');
const pick = (options = {}) => {
  const family = typeof options === 'number' ? options : options.family;
  const all = LOOPBACK.filter((a) => !family || a.family === family);
  return typeof options === 'object' && options.all ? all : all[0];
};

const lookup = dns.lookup;
dns.lookup = function lookupLocalhost(host, options, callback) {
  if (!underLocalhost(host)) return lookup.call(this, host, options, callback);
  const cb = typeof options === 'function' ? options : callback;
  const found = pick(typeof options === 'function' ? {} : options);
  if (Array.isArray(found)) process.nextTick(cb, null, found);
  else process.nextTick(cb, null, found.address, found.family);
  return undefined;
};

const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function lookupLocalhostPromise(host, options) {
  if (!underLocalhost(host)) return promisesLookup.call(this, host, options);
  const found = pick(options);
  return Promise.resolve(found);
};
