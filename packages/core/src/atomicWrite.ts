import * as fs from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/**
 * Writes a file so readers see either the old content or the new one, never half of it:
 * the data goes to a temp file in the same folder (same file system), then `rename` swaps it in.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  counter += 1;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${counter}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** {@link writeFileAtomic} for a JSON value, pretty-printed with a trailing newline. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
