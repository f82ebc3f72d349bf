/**
 * Jest: TypeScript through ts-jest in transpile-only mode (fast; `npm run typecheck` type-checks).
 * ts-jest rather than @swc/jest: swc's per-platform native packages keep npm 11 lockfiles out of sync.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 30000,
};
