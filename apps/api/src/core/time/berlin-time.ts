/** Conferences happen in Germany: wall-clock times are Europe/Berlin. */
export const NETWORK_TIME_ZONE = 'Europe/Berlin';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes the zone is ahead of UTC at that instant (60 in winter, 120 in summer for Berlin). */
export function zoneOffsetMinutes(instant: Date, zone = NETWORK_TIME_ZONE): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** `2026-03-29T10:00` in Berlin → the UTC instant. Returns null for malformed or non-existent times. */
export function berlinToUtc(local: string, zone = NETWORK_TIME_ZONE): Date | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
  // Two passes settle the offset; for the doubled autumn hour this picks the first (summer) one.
  let instant = wall - zoneOffsetMinutes(new Date(wall - 120 * 60000), zone) * 60000;
  instant = wall - zoneOffsetMinutes(new Date(instant), zone) * 60000;
  // The skipped spring hour (02:00–03:00 on the last Sunday of March) does not exist.
  if (utcToBerlin(new Date(instant), zone) !== local) return null;
  return new Date(instant);
}

/** The UTC instant as Berlin wall-clock time, `YYYY-MM-DDTHH:mm`. */
export function utcToBerlin(instant: Date, zone = NETWORK_TIME_ZONE): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60000);
  return shifted.toISOString().slice(0, 16);
}
