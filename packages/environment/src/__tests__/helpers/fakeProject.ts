import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A class file Jest could load as an environment: records the config it got, marks its instances. */
export function environmentSource(marker: string): string {
  return `class ${marker} {
  constructor(config, context) { this.config = config; this.context = context; this.global = {}; this.marker = '${marker}'; }
  async setup() {}
  async teardown() {}
  getVmContext() { return null; }
}
module.exports = ${marker};
`;
}

/** A project folder outside the workspace, with the given files (paths relative to it). */
export function fakeProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-env-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
