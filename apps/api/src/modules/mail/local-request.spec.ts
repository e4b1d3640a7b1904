import { isLocalRequest, isLoopbackAddress } from './local-request';

describe('isLoopbackAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.254',
    '::1',
    '::ffff:127.0.0.1',
    '0:0:0:0:0:0:0:1',
  ])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([
    '10.0.0.1',
    '192.0.2.2',
    '128.0.0.1',
    '0.0.0.0',
    '::',
    '::ffff:10.0.0.1',
    'fd00::2',
    'fe80::1',
    '::2',
    'localhost',
    '',
    undefined,
  ])('%s is not loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('isLocalRequest', () => {
  const request = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => ({
    socket: { remoteAddress },
    headers,
  });

  it('accepts a direct request from loopback', () => {
    expect(isLocalRequest(request('127.0.0.1'))).toBe(true);
    expect(isLocalRequest(request('::ffff:127.0.0.1'))).toBe(true);
  });

  it('refuses other peers, whatever the forwarding headers claim', () => {
    expect(isLocalRequest(request('192.0.2.2'))).toBe(false);
    expect(isLocalRequest(request('192.0.2.2', { 'x-forwarded-for': '127.0.0.1' }))).toBe(false);
  });

  it('refuses a loopback request relayed by a proxy', () => {
    for (const name of ['x-forwarded-for', 'forwarded', 'x-real-ip'])
      expect(isLocalRequest(request('127.0.0.1', { [name]: '203.0.113.5' }))).toBe(false);
  });

  it('refuses when there is no HTTP request to check (WebSocket operations)', () => {
    expect(isLocalRequest(undefined)).toBe(false);
    expect(isLocalRequest(request(undefined))).toBe(false);
  });
});
