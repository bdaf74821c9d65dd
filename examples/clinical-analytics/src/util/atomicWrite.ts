import * as fs from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/**
 * Writes a file so readers see either the old content or the new one, never half of it:
 * the data goes to a temp file in the same folder, then `rename` swaps it in.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** A temp path beside `file` (same file system, so a later `rename` is atomic). */
export function tempPathFor(file: string): string {
  counter += 1;
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${counter}.tmp`);
}
