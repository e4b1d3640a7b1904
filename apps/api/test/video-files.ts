/**
 * Tiny real video files for tests, built byte by byte as an encoder lays them out (only
 * the boxes and elements a player needs to know the length are meaningful; samples are filler).
 */

function box(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => out.writeUInt32BE(value, index * 4));
  return out;
}

function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const rest = Buffer.alloc(80); // rate, volume, matrix, next track id
  if (version === 0) return box('mvhd', u32(0, 0, 0, timescale, duration), rest);
  const times = Buffer.alloc(16);
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(duration));
  return box('mvhd', u32(0x01000000), times, u32(timescale), length, rest);
}

export function mp4(seconds: number, { version = 0 as 0 | 1, moovLast = false } = {}): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom'), u32(0x200), Buffer.from('isomiso2avc1mp41'));
  const moov = box('moov', mvhd(version, 1000, Math.round(seconds * 1000)), box('trak'));
  const mdat = box('mdat', Buffer.alloc(64, 0x2a));
  return moovLast ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}

/** An EBML element: id bytes, size as an 8-byte vint (or unknown), body. */
function el(id: number[], body: Buffer | null, unknownSize = false): Buffer {
  const size = Buffer.alloc(8);
  if (unknownSize) size.fill(0xff, 0, 8).writeUInt8(0x01, 0);
  else {
    size.writeUInt8(0x01, 0);
    size.writeUIntBE((body ?? Buffer.alloc(0)).length, 2, 6);
  }
  return Buffer.concat([Buffer.from(id), size, body ?? Buffer.alloc(0)]);
}

function f64(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeDoubleBE(value);
  return out;
}

function f32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeFloatBE(value);
  return out;
}

export function webm(
  ticks: number,
  { scale = 1_000_000, float32 = false, liveSegment = false, docType = 'webm' } = {},
): Buffer {
  const header = el(
    [0x1a, 0x45, 0xdf, 0xa3],
    Buffer.concat([el([0x42, 0x86], Buffer.from([1])), el([0x42, 0x82], Buffer.from(docType))]),
  );
  const info = el(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([
      el([0x2a, 0xd7, 0xb1], u32(scale)),
      el([0x4d, 0x80], Buffer.from('hand-made')),
      el([0x44, 0x89], float32 ? f32(ticks) : f64(ticks)),
    ]),
  );
  const seekHead = el([0x11, 0x4d, 0x9b, 0x74], Buffer.alloc(12));
  const cluster = el([0x1f, 0x43, 0xb6, 0x75], Buffer.alloc(40, 0x2a));
  const body = Buffer.concat([seekHead, info, cluster]);
  return Buffer.concat([header, el([0x18, 0x53, 0x80, 0x67], body, liveSegment)]);
}
