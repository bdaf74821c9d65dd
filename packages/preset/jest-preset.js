// `preset: '@jest-perf/preset'`: jest-perf's environment and reporter, nothing else (no transform).
// Jest resolves a preset's module names from the user's project, so the paths are resolved in dist/.
const { createPreset } = require('./dist/index.js');

module.exports = createPreset();
