import { webSocketOriginAllowed } from './websocket-origin';

describe('webSocketOriginAllowed', () => {
  const allowed = ['http://localhost:3000', 'https://Wissensnetz.example', 'http://[::1]:3000'];

  it('accepts the platform’s own origins, written as browsers write them', () => {
    expect(webSocketOriginAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(webSocketOriginAllowed('https://wissensnetz.example', allowed)).toBe(true);
    expect(webSocketOriginAllowed('https://wissensnetz.example:443', allowed)).toBe(true);
    expect(webSocketOriginAllowed('http://[::1]:3000', allowed)).toBe(true);
  });

  it('refuses other origins, a missing or opaque one and garbage', () => {
    expect(webSocketOriginAllowed('http://localhost:3001', allowed)).toBe(false);
    expect(webSocketOriginAllowed('https://localhost:3000', allowed)).toBe(false);
    expect(webSocketOriginAllowed('https://wissensnetz.example.attacker.example', allowed)).toBe(
      false,
    );
    expect(webSocketOriginAllowed(undefined, allowed)).toBe(false);
    expect(webSocketOriginAllowed('', allowed)).toBe(false);
    expect(webSocketOriginAllowed('null', allowed)).toBe(false);
    expect(webSocketOriginAllowed('file:///etc/passwd', ['file:///etc/passwd'])).toBe(false);
    expect(webSocketOriginAllowed('not a url', allowed)).toBe(false);
  });
});
