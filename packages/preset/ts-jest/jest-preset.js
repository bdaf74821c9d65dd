// `preset: '@jest-perf/preset/ts-jest'`: `@jest-perf/preset` plus ts-jest for .ts/.tsx/.mts/.cts files
// (your own ts-jest install, a peer dependency).
const { createPreset } = require('../dist/index.js');

module.exports = createPreset({ transform: 'ts-jest' });
