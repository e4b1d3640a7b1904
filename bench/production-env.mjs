/**
 * What the API requires in production besides its services: the operator's published
 * details. The benchmarks run production mode with placeholders (they send no mail and
 * publish nothing); a value set in the environment wins.
 */
const PLACEHOLDERS = {
  OPERATOR_NAME: 'Benchmark',
  OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt',
  OPERATOR_REPRESENTATIVE: 'Benchmark',
  OPERATOR_EMAIL: 'bench@example.org',
  OPERATOR_PHONE: '+49 30 000000',
  DPO_NAME: 'Benchmark',
  DPO_CONTACT: 'dpo@example.org',
  SUPERVISORY_AUTHORITY_NAME: 'Benchmark',
  SUPERVISORY_AUTHORITY_URL: 'https://example.org',
};

export const PRODUCTION_ENV = Object.fromEntries(
  Object.entries(PLACEHOLDERS).map(([name, value]) => [name, process.env[name] ?? value]),
);
