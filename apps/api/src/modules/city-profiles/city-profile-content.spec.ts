import { cleanProfile, isWebAddress } from './city-profile-content';
import { logoContentType } from './city-logo-file';

const base = {
  citySlug: 'goch',
  expectedRevision: 0,
  about: ' Text ',
  focusTopicSlugs: ['a', 'a', 'b'],
  contactName: '  ',
  brandColor: '#AABBCC',
};

describe('cleanProfile', () => {
  it('tidies: trims, empty optional text is null, colour lower-case, topics once', () => {
    expect(cleanProfile(base)).toMatchObject({
      about: 'Text',
      contactName: null,
      brandColor: '#aabbcc',
      focusTopicSlugs: ['a', 'b'],
    });
  });

  it.each([
    ['website', 'javascript:alert(1)'],
    ['website', 'data:text/html,hi'],
    ['website', 'https://localhost'],
    ['brandColor', '#abc'],
    ['contactEmail', 'a@'],
    ['contactPhone', '<script>'],
  ])('refuses %s %s on its field', (field, value) => {
    expect(() => cleanProfile({ ...base, [field]: value })).toThrow(
      expect.objectContaining({ reason: 'INVALID_FIELD', field: `input.${field}` }),
    );
  });

  it('takes http and https addresses only', () => {
    expect(isWebAddress('https://engagiert.goch.example/pfad?x=1')).toBe(true);
    expect(isWebAddress('http://goch.example')).toBe(true);
    expect(isWebAddress('ftp://goch.example')).toBe(false);
  });
});

describe('logoContentType', () => {
  const file = (name: string, bytes: number[]) => ({
    originalName: name,
    mimeType: '',
    buffer: Buffer.from(bytes),
  });
  it('knows PNG by its bytes, refuses SVG and a PNG name on other bytes', () => {
    expect(logoContentType(file('logo.PNG', [0x89, 0x50, 0x4e, 0x47, 0]))).toBe('image/png');
    expect(() => logoContentType(file('logo.svg', [0x3c, 0x73, 0x76, 0x67]))).toThrow(
      expect.objectContaining({ reason: 'FILE_TYPE_NOT_ALLOWED' }),
    );
    expect(() => logoContentType(file('logo.png', [0x3c, 0x73, 0x76, 0x67]))).toThrow(
      expect.objectContaining({ reason: 'FILE_TYPE_NOT_ALLOWED' }),
    );
  });
});
