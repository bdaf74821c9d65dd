import * as path from 'node:path';
import type { Table } from 'apache-arrow';
import { AppError } from '../errors';
import { buildTable } from '../mapping/buildTable';
import { type ColumnMapping, readMappingSheet } from '../mapping/columnMapping';
import type { DiscoveredDataset } from './discoverDatasets';
import { readCsvFile } from './readCsvFile';
import { openWorkbook, sheetToTable } from './readExcelSheet';
import type { SourceTable } from './sourceTable';

/** A dataset loaded into memory: canonical, typed columns in one Arrow table. */
export interface LoadedDataset {
  name: string;
  dataset: DiscoveredDataset;
  mappings: ColumnMapping[];
  table: Table;
  /** Wall time of the load, for reports. */
  loadMs: number;
}

/**
 * Loads every file of a dataset, maps its columns with the dataset's Excel mapping sheet and
 * builds one Arrow table.
 * @throws {AppError} when a file or the mapping is missing or invalid, or the key column is not mapped.
 */
export async function loadDataset(dataset: DiscoveredDataset): Promise<LoadedDataset> {
  const started = performance.now();
  const { config, baseDir } = dataset;
  const mappings = await readMappingSheet(path.resolve(baseDir, config.mapping.workbook), config.mapping.sheet);
  if (!mappings.some((m) => m.canonical === config.key)) {
    throw new AppError(
      'MAPPING_INVALID',
      `Dataset "${config.name}": key column "${config.key}" is not mapped in ${config.mapping.workbook}#${config.mapping.sheet}`,
    );
  }
  const sources = await readSources(dataset);
  const table = buildTable(sources, mappings);
  return { name: config.name, dataset, mappings, table, loadMs: performance.now() - started };
}

async function readSources({ config, baseDir }: DiscoveredDataset): Promise<SourceTable[]> {
  if (config.format === 'csv') return config.files.map((f) => readCsvFile(path.resolve(baseDir, f.path)));
  // Sheets of one workbook are read from a single parse of the file.
  const sources: SourceTable[] = [];
  const books = new Map<string, Awaited<ReturnType<typeof openWorkbook>>>();
  for (const file of config.files) {
    const absolute = path.resolve(baseDir, file.path);
    let book = books.get(absolute);
    if (!book) {
      book = await openWorkbook(absolute);
      books.set(absolute, book);
    }
    const sheet = file.sheet ?? book.worksheets[0]?.name;
    if (sheet === undefined) throw new AppError('DATASET_FILE_INVALID', `${absolute} has no worksheets`);
    sources.push(sheetToTable(book, absolute, sheet, file.headerRow ?? 1));
  }
  return sources;
}
