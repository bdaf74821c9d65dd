import type { DiscoveredDataset } from '../datasets/discoverDatasets';
import { MAPPING_HEADERS } from '../mapping/columnMapping';
import { SOURCE_COLUMNS } from './sourceColumns';
import { writeXlsx } from './writeXlsx';

/**
 * Writes the Excel mapping workbook that the given datasets point at: one sheet per dataset
 * (named by its config), one row per source column.
 */
export async function writeMappingWorkbook(file: string, datasets: readonly DiscoveredDataset[]): Promise<void> {
  await writeXlsx(
    file,
    datasets.map(({ config }) => ({
      name: config.mapping.sheet,
      headers: MAPPING_HEADERS,
      rows: SOURCE_COLUMNS[config.generator.kind].map((c) => [
        c.source,
        c.canonical,
        c.type,
        c.required ? 'yes' : 'no',
        c.description,
      ]),
    })),
  );
}
