/** Two projects: fast unit tests, and end-to-end tests that run dist/ against local/. */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  transformIgnorePatterns: ['node_modules/(?!(@actions)/)']
}

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/__tests__/e2e/']
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts']
    }
  ],
  collectCoverageFrom: ['src/**/*.ts', '!src/**/index.ts'],
  // Two test files at a time, whatever the machine (jest's default is one fewer than its cores,
  // so one on a 2-core runner): the slowest end-to-end tests mostly wait on the stand-in's
  // held requests and the clients' retry schedules, so a second file runs in that time. On
  // 2 cores the whole run took 363 s instead of 620 s, its slowest test 26 s of its 120 s.
  maxWorkers: 2,
  testTimeout: 120000
}
