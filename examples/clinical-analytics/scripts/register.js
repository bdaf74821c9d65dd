// Lets plain `node` run this package's TypeScript without a build step (ts-node, transpile only).
// rootDir is set because TypeScript 6 refuses an implied one when ts-node sets an outDir (TS5011).
const path = require('node:path');
const root = path.join(__dirname, '..');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(root, 'tsconfig.json'),
  compilerOptions: { rootDir: root },
});
