// The regression rules as they were before the impact gate (commit 9283f16), loaded from git and
// transpiled on the fly, so `pnpm bench:gate` can print the "before" column measured side by side.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

export const LEGACY_COMMIT = '9283f16';
const FILES = [
  'buildBaseline',
  'compareRun',
  'computeVerdict',
  'machineSpeed',
  'noiseBand',
  'runWindow',
  'slowCount',
  'stats',
  'suites',
  'verdictOptions',
];

/** `{ buildBaseline, compareRun }` of the old rules; null (with the reason) when git cannot show them. */
export function loadLegacyGate(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const ts = require('typescript');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-legacy-gate-'));
  try {
    for (const name of FILES) {
      const source = execFileSync('git', ['show', `${LEGACY_COMMIT}:packages/regression/src/${name}.ts`], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString();
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      const core = require.resolve('@jest-perf/core', { paths: [path.join(root, 'packages', 'regression')] });
      fs.writeFileSync(
        path.join(dir, `${name}.js`),
        js.outputText.replaceAll('require("@jest-perf/core")', `require(${JSON.stringify(core)})`),
      );
    }
  } catch (error) {
    return { error: `the old rules could not be read from git (${LEGACY_COMMIT}): ${error.message.split('\n')[0]}` };
  }
  const load = createRequire(path.join(dir, 'index.js'));
  return { buildBaseline: load('./buildBaseline.js').buildBaseline, compareRun: load('./compareRun.js').compareRun };
}
