// `pnpm generate-data [--force]` — see scripts/generateData.ts.
require('./register');
require('./generateData.ts');
