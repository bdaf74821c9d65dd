// The jest-perf preset: `preset: '@jest-perf/preset'` in a Jest config.
// Jest resolves a preset's own settings relative to the user's project, so every module here is
// resolved from this package with require.resolve (pnpm does not hoist our dependencies).
const { createPreset } = require('./dist/index.js');

module.exports = createPreset();
