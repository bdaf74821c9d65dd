import * as path from 'node:path';

/** Root of the example package (`examples/clinical-analytics`). */
export const EXAMPLE_ROOT = path.resolve(__dirname, '..');

/** Folder holding the committed dataset configs (`*.json`). */
export const DATASETS_DIR = path.join(EXAMPLE_ROOT, 'datasets');

/** Folder the generator writes data files into; gitignored. */
export const DATA_DIR = path.join(DATASETS_DIR, 'data');
