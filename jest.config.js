// Four tiers, run separately by scripts/test.mjs: pure unit tests, API tests against a booted
// Strapi, browser tests against a started playground, and the install check (the packed plugin
// installed into a fresh Strapi app outside this repository).
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

/** @type {import('jest').Config} */
module.exports = {
  // Boots of Strapi and of a browser take seconds; a unit test never comes near this.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/server/src/**/__tests__/**/*.test.ts',
        '<rootDir>/widget/src/**/__tests__/**/*.test.ts',
        '<rootDir>/admin/src/**/__tests__/**/*.test.ts',
        '<rootDir>/tests/fixtures/**/__tests__/**/*.test.ts',
        '<rootDir>/bench/**/__tests__/**/*.test.ts',
      ],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/compile-playground.ts',
      globalTeardown: '<rootDir>/tests/helpers/remove-api-template-database.ts',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/seed-playground-database.ts',
      globalTeardown: '<rootDir>/tests/helpers/remove-seeded-database.ts',
    },
    {
      displayName: 'install',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/install/**/*.test.ts'],
    },
  ],
};
