import { ensureData } from '../src/generate/ensureData';

/** `pnpm generate-data [--force]`: writes datasets/data/ from the dataset configs' seeds. */
async function main(argv: readonly string[]): Promise<number> {
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a !== '--force');
  if (unknown.length > 0) {
    console.error(
      `Unknown argument(s): ${unknown.join(' ')}\nExample: pnpm --filter clinical-analytics generate-data --force`,
    );
    return 2;
  }
  const report = await ensureData({ force, log: (line) => console.log(line) });
  console.log(
    `generate-data: ${report.generated.length} generated, ${report.upToDate.length} up to date, ${Math.round(report.ms)} ms`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
