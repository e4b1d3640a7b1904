/**
 * How long a video runs, read from the file itself: the movie header ('mvhd') of an MP4
 * (ISO base media file), or the segment info (Duration × TimecodeScale) of a WebM
 * (Matroska). Only those boxes and elements are read, nothing is decoded. Null when the
 * file does not say (or is not what it claims to be).
 */
export function videoDurationSeconds(buffer: Buffer): number | null {
  if (buffer.length >= 8 && buffer.toString('latin1', 4, 8) === 'ftyp') return mp4Duration(buffer);
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === EBML_HEADER) return webmDuration(buffer);
  return null;
}

// --- MP4: boxes are size (32 bit, 1 = 64-bit size follows, 0 = to the end) and type ---

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

function* boxes(buffer: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(buffer.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < body - at || at + size > to) return;
    yield { type, start: at, body, end: at + size };
    at += size;
  }
}

function mp4Duration(buffer: Buffer): number | null {
  for (const top of boxes(buffer, 0, buffer.length)) {
    if (top.type !== 'moov') continue;
    for (const box of boxes(buffer, top.body, top.end)) {
      if (box.type !== 'mvhd') continue;
      const version = buffer[box.body];
      // version 0: 32-bit creation/modification times and duration; version 1: 64-bit.
      const [timescaleAt, durationAt, width] =
        version === 1 ? [box.body + 20, box.body + 24, 8] : [box.body + 12, box.body + 16, 4];
      if (durationAt + width > box.end) return null;
      const timescale = buffer.readUInt32BE(timescaleAt);
      const duration =
        width === 8 ? Number(buffer.readBigUInt64BE(durationAt)) : buffer.readUInt32BE(durationAt);
      // All ones: "unknown" (fragmented files say so).
      const unknown = width === 8 ? duration >= 2 ** 64 - 1 : duration === 0xffffffff;
      if (timescale === 0 || unknown) return null;
      return duration / timescale;
    }
  }
  return null;
}

// --- WebM: EBML elements are an id and a size, both variable-length integers ---

const EBML_HEADER = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
/** Nanoseconds per tick unless the file says otherwise. */
const DEFAULT_TIMECODE_SCALE = 1_000_000;

interface Element {
  id: number;
  body: number;
  /** null: unknown size (a live recording's segment): runs to the end of its parent. */
  end: number | null;
}

function vint(
  buffer: Buffer,
  at: number,
  keepMarker: boolean,
): { value: number; length: number; allOnes: boolean } | null {
  const first = buffer[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > buffer.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let index = 1; index < length; index += 1) {
    const byte = buffer[at + index];
    value = value * 256 + byte;
    allOnes = allOnes && byte === 0xff;
  }
  return { value, length, allOnes };
}

function readElement(buffer: Buffer, at: number, parentEnd: number): Element | null {
  const id = vint(buffer, at, true);
  if (!id) return null;
  const size = vint(buffer, at + id.length, false);
  if (!size) return null;
  const body = at + id.length + size.length;
  if (size.allOnes) return { id: id.value, body, end: null };
  const end = body + size.value;
  return end <= parentEnd ? { id: id.value, body, end } : null;
}

function* elements(buffer: Buffer, from: number, to: number): Generator<Element> {
  let at = from;
  while (at < to) {
    const element = readElement(buffer, at, to);
    if (!element) return;
    yield element;
    if (element.end === null) return;
    at = element.end;
  }
}

function unsigned(buffer: Buffer, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at += 1) value = value * 256 + buffer[at];
  return value;
}

function webmDuration(buffer: Buffer): number | null {
  const header = readElement(buffer, 0, buffer.length);
  if (!header || header.end === null) return null;
  let docType = '';
  for (const element of elements(buffer, header.body, header.end))
    if (element.id === DOC_TYPE && element.end !== null)
      docType = buffer.toString('latin1', element.body, element.end).replace(/\0+$/, '');
  if (docType !== 'webm') return null;
  for (const top of elements(buffer, header.end, buffer.length)) {
    if (top.id !== SEGMENT) continue;
    for (const child of elements(buffer, top.body, top.end ?? buffer.length)) {
      if (child.id !== INFO || child.end === null) continue;
      let scale = DEFAULT_TIMECODE_SCALE;
      let ticks: number | null = null;
      for (const field of elements(buffer, child.body, child.end)) {
        if (field.end === null) break;
        const width = field.end - field.body;
        if (field.id === TIMECODE_SCALE) scale = unsigned(buffer, field.body, field.end);
        if (field.id === DURATION && (width === 4 || width === 8))
          ticks = width === 4 ? buffer.readFloatBE(field.body) : buffer.readDoubleBE(field.body);
      }
      return ticks !== null && Number.isFinite(ticks) && ticks > 0 && scale > 0
        ? (ticks * scale) / 1e9
        : null;
    }
  }
  return null;
}
