import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether an address is this machine's loopback: 127.0.0.0/8 or ::1 (also IPv4-mapped, ::ffff:127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; unwrap it explicitly
  // rather than rely on how a Node version's BlockList treats mapped addresses.
  const plain = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address;
  const family = isIP(plain);
  if (family === 0) return false;
  return LOOPBACK.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** Headers a proxy adds when it relays a request for someone else. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether a request surely comes from this machine: its socket peer is loopback, and no
 * proxy relayed it (a proxy on this machine would make anyone's request look local).
 * Only the socket counts, never X-Forwarded-For, whatever TRUST_PROXY says.
 */
export function isLocalRequest(
  req: { socket?: { remoteAddress?: string }; headers?: Record<string, unknown> } | undefined,
): boolean {
  if (!req?.socket || !req.headers) return false;
  const headers = req.headers;
  if (FORWARDING_HEADERS.some((name) => headers[name] !== undefined)) return false;
  return isLoopbackAddress(req.socket.remoteAddress);
}
