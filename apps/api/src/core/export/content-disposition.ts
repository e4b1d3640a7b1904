/**
 * Content-Disposition with an ASCII `filename` for old clients and the exact UTF-8 name
 * in `filename*` (RFC 6266 / 5987). Quotes, backslashes and control characters never
 * reach the header.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
