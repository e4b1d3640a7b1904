import { accentColors, contrastRatio, parseHexColor } from './contrast';

describe('contrast', () => {
  it('computes the WCAG ratios of known pairs', () => {
    const white = parseHexColor('#ffffff')!;
    const black = parseHexColor('#000')!;
    expect(contrastRatio(white, black)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey that passes AA on white.
    expect(contrastRatio(parseHexColor('#767676')!, white)).toBeCloseTo(4.54, 2);
  });

  it('puts white text on dark brand colours and black text on light ones', () => {
    expect(accentColors('#005a9c')).toMatchObject({
      background: '#005a9c',
      text: '#ffffff',
      readableOnWhite: true,
    });
    expect(accentColors('#ffd700')).toMatchObject({ text: '#000000', readableOnWhite: false });
  });

  it('always reaches AA for the text it picks', () => {
    for (let value = 0; value <= 0xffffff; value += 0x0f0f0f) {
      const hex = `#${value.toString(16).padStart(6, '0')}`;
      const { background, text } = accentColors(hex);
      expect(
        contrastRatio(parseHexColor(background)!, parseHexColor(text)!),
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back to the network colour for values that are not #rrggbb', () => {
    expect(accentColors('red').background).toBe('#1d4f91');
    expect(parseHexColor('#12345')).toBeNull();
  });
});
