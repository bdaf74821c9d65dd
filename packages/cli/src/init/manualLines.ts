import * as path from 'node:path';
import { DATA_DIR_PATTERN } from '@jest-perf/core';
import type { JestConfigLocation } from './findJestConfig';
import { ENVIRONMENT, PRESET, REPORTER } from './wireJsonConfig';

/** Whether a JS config reads as an ES module (by extension, else by its own import/export lines). */
function isEsm(file: string, text: string): boolean {
  if (/\.m[jt]s$/.test(file)) return true;
  if (/\.c[jt]s$/.test(file)) return false;
  return /^\s*(import|export)\b/m.test(text);
}

/** The exact lines a user adds by hand when init refuses to edit their Jest config. */
export function manualLines(config: JestConfigLocation, text: string): string[] {
  if (config.kind === 'js') {
    return isEsm(config.file, text)
      ? [`import { withJestPerf } from '${PRESET}';`, 'export default withJestPerf(/* the config you export now */);']
      : [
          `const { withJestPerf } = require('${PRESET}');`,
          'module.exports = withJestPerf(/* the config you export now */);',
        ];
  }
  const where = config.kind === 'json' ? path.basename(config.file) : 'package.json "jest"';
  return [
    `// in ${where}: at the top level`,
    `"reporters": ["default", "${REPORTER}"],`,
    '// in the config (and in each entry of "projects"):',
    `"testEnvironment": "${ENVIRONMENT}",`,
    '"testEnvironmentOptions": { "jestPerf": { "base": "<your testEnvironment, if you set one>" } },',
    `"modulePathIgnorePatterns": [${JSON.stringify(DATA_DIR_PATTERN)}],`,
  ];
}
