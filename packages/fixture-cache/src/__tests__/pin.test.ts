import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processFolder } from '../pin';

describe('processFolder', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-pin-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('adds one exit handler per process, however many folders', () => {
    // Bug: one handler per folder hit Node's MaxListeners warning in a worker running many cache dirs.
    processFolder(path.join(root, 'first'));
    const listeners = process.listenerCount('exit');
    for (let i = 0; i < 20; i += 1) processFolder(path.join(root, `cache-${i}`));
    expect(process.listenerCount('exit')).toBe(listeners);
  });

  it('creates the folder under the parent, named after the host and pid', () => {
    const folder = processFolder(path.join(root, 'cache'), 'pin-');
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(path.basename(folder)).toMatch(new RegExp(`^pin-.+-${process.pid}$`));
  });

  it('removes every folder of the process when it exits', () => {
    const script = `
      const { processFolder } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'dist', 'pin.js'))});
      for (const name of ['a', 'b']) console.log(processFolder(require('node:path').join(${JSON.stringify(root)}, name)));
    `;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const folders = result.stdout.trim().split('\n');
    expect(folders).toHaveLength(2);
    for (const folder of folders) expect(fs.existsSync(folder)).toBe(false);
    expect(fs.existsSync(path.join(root, 'a'))).toBe(true);
  });
});
