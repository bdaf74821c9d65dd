// `pnpm standin` — runs the LLM stand-in server standalone (see src/standin/main.ts).
require('./register');
require('../src/standin/main.ts');
