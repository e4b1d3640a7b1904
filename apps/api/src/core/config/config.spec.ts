import { allowedOrigins, ConfigError, loadConfig } from './config';

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
    const production = {
      ...valid,
      NODE_ENV: 'production',
      MEILI_MASTER_KEY: 'geheim',
      PUBLIC_URL: 'https://wissensnetz.example',
    };
    expect(loadConfig(production, { seedDemo: true }).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }, { seedDemo: false }).seedDemo).toBe(
      true,
    );
  });

  it('needs a Meilisearch master key in production, not in development', () => {
    expect(() =>
      loadConfig(
        { ...valid, NODE_ENV: 'production', PUBLIC_URL: 'https://wissensnetz.example' },
        { seedDemo: false },
      ),
    ).toThrow(/MEILI_MASTER_KEY: is missing/);
    expect(loadConfig(valid, { seedDemo: false }).meiliMasterKey).toBe('');
  });

  it('needs PUBLIC_URL in production: links never come from a request', () => {
    expect(() =>
      loadConfig(
        { ...valid, NODE_ENV: 'production', MEILI_MASTER_KEY: 'geheim' },
        { seedDemo: false },
      ),
    ).toThrow(/PUBLIC_URL: is missing/);
    expect(loadConfig(valid, { seedDemo: false }).publicUrl).toBeUndefined();
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig(valid, { seedDemo: false }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...valid, HOST: '0.0.0.0' }, { seedDemo: false }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy unless TRUST_PROXY names them', () => {
    expect(loadConfig(valid, { seedDemo: false }).trustProxy).toEqual([]);
    expect(
      loadConfig({ ...valid, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }, { seedDemo: false })
        .trustProxy,
    ).toEqual(['10.0.0.5', '10.1.0.0/16']);
  });

  it('allows the public origin, the configured ones and local ones in development only', () => {
    const development = loadConfig(
      { ...valid, ALLOWED_ORIGINS: 'https://partner.example/' },
      { seedDemo: false },
    );
    expect(allowedOrigins(development, 4000)).toEqual(
      expect.arrayContaining(['https://partner.example', 'http://localhost:4000']),
    );
    const production = loadConfig(
      {
        ...valid,
        NODE_ENV: 'production',
        MEILI_MASTER_KEY: 'geheim',
        PUBLIC_URL: 'https://wissensnetz.example/',
      },
      { seedDemo: false },
    );
    expect(allowedOrigins(production)).toEqual(['https://wissensnetz.example']);
  });
});
