/** Extensions {@link defaultDataFiles} takes for data files. */
export const DATA_FILE_EXTENSIONS = ['.csv', '.xlsx', '.json', '.parquet', '.arrow'] as const;

/**
 * The data files a config names when the registry has no `files` option: every string value, at any
 * depth, that ends in one of {@link DATA_FILE_EXTENSIONS}. Keys starting with `$` (`$schema`, `$id`)
 * and URLs are left out: they name schemas, not data. Paths are relative to the datasets folder.
 */
export function defaultDataFiles(config: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      if (!value.includes('://') && DATA_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext))) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) if (!key.startsWith('$')) visit(item);
    }
  };
  visit(config);
  return [...found];
}
