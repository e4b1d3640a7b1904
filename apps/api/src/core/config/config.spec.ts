import {
  allowedOrigins,
  ConfigError,
  FEDERAL_ENFORCEMENT_BODY,
  loadConfig,
  OPERATOR_REQUIRED,
} from './config';

const valid = {
  DATABASE_URL: 'postgres://app:secret@127.0.0.1:5432/wissensnetz',
  MEILI_URL: 'http://127.0.0.1:7700',
};

/** What a production deployment publishes about its operator (invented, under .example). */
const operator = {
  OPERATOR_NAME: 'Netzwerkstelle Beispiel',
  OPERATOR_ADDRESS: 'Musterweg 3|12345 Beispielstadt',
  OPERATOR_REPRESENTATIVE: 'Geschäftsführung: N. N.',
  OPERATOR_EMAIL: 'kontakt@netzwerk.example',
  OPERATOR_PHONE: '+49 30 000000',
  DPO_NAME: 'N. N.',
  DPO_CONTACT: 'datenschutz@netzwerk.example',
  SUPERVISORY_AUTHORITY_NAME: 'Aufsicht Beispiel',
  SUPERVISORY_AUTHORITY_URL: 'https://aufsicht.example',
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
      ...operator,
    };
    expect(loadConfig(production, { seedDemo: true }).seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }, { seedDemo: false }).seedDemo).toBe(
      true,
    );
  });

  it('needs a Meilisearch master key in production, not in development', () => {
    expect(() =>
      loadConfig(
        {
          ...valid,
          ...operator,
          NODE_ENV: 'production',
          PUBLIC_URL: 'https://wissensnetz.example',
        },
        { seedDemo: false },
      ),
    ).toThrow(/MEILI_MASTER_KEY: is missing/);
    expect(loadConfig(valid, { seedDemo: false }).meiliMasterKey).toBe('');
  });

  it('needs PUBLIC_URL in production: links never come from a request', () => {
    expect(() =>
      loadConfig(
        { ...valid, ...operator, NODE_ENV: 'production', MEILI_MASTER_KEY: 'geheim' },
        { seedDemo: false },
      ),
    ).toThrow(/PUBLIC_URL: is missing/);
    expect(loadConfig(valid, { seedDemo: false }).publicUrl).toBeUndefined();
  });

  it('never signs proof-of-work challenges with the development key in production', () => {
    const production = {
      ...valid,
      ...operator,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://wissensnetz.example',
    };
    const development = loadConfig(valid, { seedDemo: false }).altchaHmacKey;
    const derivedA = loadConfig(
      { ...production, MEILI_MASTER_KEY: 'geheim-a' },
      { seedDemo: false },
    );
    const derivedB = loadConfig(
      { ...production, MEILI_MASTER_KEY: 'geheim-b' },
      { seedDemo: false },
    );
    expect(derivedA.altchaHmacKey).not.toBe(development);
    expect(derivedA.altchaHmacKey).not.toContain('geheim');
    expect(derivedA.altchaHmacKey).not.toBe(derivedB.altchaHmacKey);
    const given = loadConfig(
      {
        ...production,
        MEILI_MASTER_KEY: 'geheim-a',
        ALTCHA_HMAC_KEY: 'ein-langer-eigener-schluessel',
      },
      { seedDemo: false },
    );
    expect(given.altchaHmacKey).toBe('ein-langer-eigener-schluessel');
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
        ...operator,
      },
      { seedDemo: false },
    );
    expect(allowedOrigins(production)).toEqual(['https://wissensnetz.example']);
  });

  describe('operator details', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      MEILI_MASTER_KEY: 'geheim',
      PUBLIC_URL: 'https://wissensnetz.example',
    };

    it('refuses to start in production without them, naming each missing one', () => {
      try {
        loadConfig(
          { ...production, OPERATOR_NAME: operator.OPERATOR_NAME, DPO_NAME: operator.DPO_NAME },
          { seedDemo: false },
        );
        throw new Error('expected a ConfigError');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const problems = (error as ConfigError).problems;
        const named = problems.map((problem) => problem.split(':')[0]);
        expect(named).toEqual(
          OPERATOR_REQUIRED.filter((name) => name !== 'OPERATOR_NAME' && name !== 'DPO_NAME'),
        );
        expect(problems.join('\n')).toMatch(/OPERATOR_EMAIL: is missing \(required in production/);
      }
    });

    it('takes them from the environment in production', () => {
      const config = loadConfig(
        { ...production, ...operator, OPERATOR_VAT_ID: 'DE000000000' },
        { seedDemo: false },
      );
      expect(config.operator).toMatchObject({
        demo: false,
        name: 'Netzwerkstelle Beispiel',
        addressLines: ['Musterweg 3', '12345 Beispielstadt'],
        email: 'kontakt@netzwerk.example',
        vatId: 'DE000000000',
        register: undefined,
      });
    });

    it('still says "demo" outside production while details are missing', () => {
      const partly = loadConfig(
        { ...valid, OPERATOR_NAME: 'Netzwerkstelle Beispiel' },
        { seedDemo: true },
      );
      expect(partly.operator).toMatchObject({ demo: true, name: 'Netzwerkstelle Beispiel' });
      expect(partly.operator.email).toMatch(/\.example$/);
      expect(loadConfig({ ...valid, ...operator }, { seedDemo: true }).operator.demo).toBe(false);
    });

    it('checks the form of the contact address', () => {
      expect(() =>
        loadConfig(
          { ...production, ...operator, OPERATOR_EMAIL: 'kein-mail' },
          { seedDemo: false },
        ),
      ).toThrow(/OPERATOR_EMAIL: /);
    });

    it('names the federal Schlichtungsstelle unless a Land body is configured', () => {
      expect(loadConfig(valid, { seedDemo: true }).operator.enforcementBody).toBe(
        FEDERAL_ENFORCEMENT_BODY,
      );
      const land = loadConfig(
        {
          ...production,
          ...operator,
          ENFORCEMENT_BODY_NAME: 'Schlichtungsstelle Beispielland',
          ENFORCEMENT_BODY_ADDRESS: 'Amtsweg 1|12345 Beispielstadt',
          ENFORCEMENT_BODY_EMAIL: 'schlichtung@land.example',
        },
        { seedDemo: false },
      );
      expect(land.operator.enforcementBody).toEqual({
        name: 'Schlichtungsstelle Beispielland',
        addressLines: ['Amtsweg 1', '12345 Beispielstadt'],
        email: 'schlichtung@land.example',
        phone: undefined,
        url: undefined,
      });
      expect(() =>
        loadConfig(
          { ...production, ...operator, ENFORCEMENT_BODY_URL: 'ftp://land.example' },
          { seedDemo: false },
        ),
      ).toThrow(/ENFORCEMENT_BODY_URL: /);
    });

    it('fills invented demo details outside production, marked and under .example', () => {
      const { operator: demo } = loadConfig(valid, { seedDemo: true });
      expect(demo.demo).toBe(true);
      expect(demo.name).toMatch(/^Demo-Betreiber .* – keine echten Angaben$/);
      for (const address of [demo.email, demo.dpoContact])
        expect(address).toMatch(/@[a-z.-]+\.example$/);
      expect(new URL(demo.supervisoryAuthorityUrl).hostname).toMatch(/\.example$/);
    });
  });
});

describe('file storage settings', () => {
  it('keeps files on the disk under DATA_DIR by default', () => {
    const config = loadConfig({ ...valid, DATA_DIR: '/srv/wn' }, { seedDemo: false });
    expect(config.fileStorage).toEqual({ kind: 'disk', dir: '/srv/wn/attachments' });
  });

  it('reads the S3 settings with FILE_STORAGE=s3', () => {
    const config = loadConfig(
      {
        ...valid,
        FILE_STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'wissensnetz',
        S3_ACCESS_KEY_ID: 'wissensnetz',
        S3_SECRET_ACCESS_KEY: 'geheimgeheim',
        S3_FORCE_PATH_STYLE: 'true',
      },
      { seedDemo: false },
    );
    expect(config.fileStorage).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'wissensnetz',
      accessKeyId: 'wissensnetz',
      secretAccessKey: 'geheimgeheim',
      forcePathStyle: true,
      timeoutMs: 10_000,
    });
  });

  it('names what FILE_STORAGE=s3 lacks or gets wrong', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...valid, FILE_STORAGE: 's3', ...env }, { seedDemo: false });
        return '';
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problems({})).toMatch(/^S3_BUCKET: is missing/m);
    expect(problems({ S3_BUCKET: 'Kein_Bucket' })).toMatch(/^S3_BUCKET: must be a valid bucket/m);
    expect(problems({ S3_BUCKET: 'wn-files', S3_ACCESS_KEY_ID: 'x' })).toMatch(
      /give both or neither/,
    );
    expect(problems({ S3_BUCKET: 'wn-files', S3_ENDPOINT: 'minio:9000' })).toMatch(/^S3_ENDPOINT/m);
    expect(problems({ FILE_STORAGE: 'nfs' })).toMatch(/^FILE_STORAGE/m);
  });
});
