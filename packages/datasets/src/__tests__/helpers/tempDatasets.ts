import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const roots: string[] = [];

/** A fresh temp dir holding `files` (path → content; objects are written as JSON). Removed by {@link removeTempDirs}. */
export function tempDir(files: Record<string, string | object> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-datasets-')));
  roots.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(dir: string, files: Record<string, string | object>): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  }
}

export function removeTempDirs(): void {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}
