import { describe, expect, it } from 'vitest';
import { mp4, webm } from '../../../test/video-files';
import { videoDurationSeconds } from './video-duration';

describe('videoDurationSeconds', () => {
  it('reads an MP4 movie header (version 0 and 1, moov before or after the media data)', () => {
    expect(videoDurationSeconds(mp4(83.25))).toBeCloseTo(83.25);
    expect(videoDurationSeconds(mp4(7, { version: 1 }))).toBeCloseTo(7);
    expect(videoDurationSeconds(mp4(12.5, { moovLast: true }))).toBeCloseTo(12.5);
  });

  it('reads a WebM segment info with its timecode scale, double or float', () => {
    expect(videoDurationSeconds(webm(95_500))).toBeCloseTo(95.5);
    expect(videoDurationSeconds(webm(4200, { scale: 10_000_000 }))).toBeCloseTo(42);
    expect(videoDurationSeconds(webm(3000, { float32: true }))).toBeCloseTo(3);
    expect(videoDurationSeconds(webm(61_000, { liveSegment: true }))).toBeCloseTo(61);
  });

  it('answers null for what is no video or does not say its length', () => {
    expect(videoDurationSeconds(Buffer.from('not a video at all'))).toBeNull();
    expect(videoDurationSeconds(Buffer.alloc(0))).toBeNull();
    // A Matroska file that is not WebM, and an MP4 cut off before its movie header.
    expect(videoDurationSeconds(webm(1000, { docType: 'matroska' }))).toBeNull();
    expect(videoDurationSeconds(mp4(5).subarray(0, 40))).toBeNull();
    expect(videoDurationSeconds(webm(0))).toBeNull();
  });
});
