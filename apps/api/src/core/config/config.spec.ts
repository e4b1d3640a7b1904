import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://app:secret@127.0.0.1:5432/wissensnetz',
  MEILI_URL: 'http://127.0.0.1:7700',
};

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid, { seedDemo: true });
    expect(config.port).toBe(3000);
    expect(config.migrationUrl).toBe(valid.DATABASE_URL);
    expect(config.seedDemo).toBe(true);
    expect(config.production).toBe(false);
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({ MEILI_URL: valid.MEILI_URL }, { seedDemo: false })).toThrow(
      /DATABASE_URL: is missing/,
    );
  });

  it('names a malformed variable and says what is wrong', () => {
    try {
      loadConfig({ ...valid, PORT: 'drei', MEILI_URL: 'ftp://x' }, { seedDemo: false });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^MEILI_URL: .*http/m);
    }
  });

  it('does not seed demo data in production unless asked for', () => {
    const production = { ...valid, NODE_ENV: 'production', MEILI_MASTER_KEY: 'geheim' };
    expect(loadConfig(production, { seedDemo: true }).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }, { seedDemo: false }).seedDemo).toBe(
      true,
    );
  });

  it('needs a Meilisearch master key in production, not in development', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' }, { seedDemo: false })).toThrow(
      /MEILI_MASTER_KEY: is missing/,
    );
    expect(loadConfig(valid, { seedDemo: false }).meiliMasterKey).toBe('');
  });
});
