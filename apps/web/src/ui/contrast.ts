/** WCAG 2.1 colour contrast helpers, used to put readable text on a city's brand colour. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX_COLOR = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

export function parseHexColor(value: string): Rgb | null {
  const match = HEX_COLOR.exec(value.trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return {
    r: parseInt(hex.slice(0, 2), 16),
    g: parseInt(hex.slice(2, 4), 16),
    b: parseInt(hex.slice(4, 6), 16),
  };
}

/** Relative luminance as defined by WCAG 2.1. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const channel = (value: number): number => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };
/** WCAG AA for normal text. */
export const AA_NORMAL_TEXT = 4.5;

export interface AccentColors {
  background: string;
  text: '#000000' | '#ffffff';
  /** Whether the colour itself may be used as text colour on a white page. */
  readableOnWhite: boolean;
}

/**
 * Picks black or white text for a brand colour, whichever contrasts more; one of the
 * two always reaches at least 4.58:1, so the result passes AA. Unknown colours fall
 * back to the network's blue.
 */
export function accentColors(brandColor: string, fallback = '#1d4f91'): AccentColors {
  const rgb = parseHexColor(brandColor) ?? parseHexColor(fallback) ?? BLACK;
  const background = `#${[rgb.r, rgb.g, rgb.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const onWhite = contrastRatio(rgb, WHITE);
  const onBlack = contrastRatio(rgb, BLACK);
  return {
    background,
    text: onWhite >= onBlack ? '#ffffff' : '#000000',
    readableOnWhite: onWhite >= AA_NORMAL_TEXT,
  };
}
