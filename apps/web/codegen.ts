import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths are relative to the repository root, where `npm run codegen` runs.
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/generated/': {
      preset: 'client',
      presetConfig: {
        // Pages read the fields they ask for directly; no fragment masking needed.
        fragmentMasking: false,
      },
      config: {
        // String unions instead of TS enums: nothing to import at run time, and
        // values stay compatible with the CityKind enum of @wissensnetz/domain.
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: false,
        // DateTime arrives as an ISO 8601 string in JSON.
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
