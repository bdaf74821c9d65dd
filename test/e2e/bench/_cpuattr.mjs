import * as fs from 'node:fs';
import { generateSuite, jestArgs, spawnJest, VARIANTS } from './syntheticSuite.mjs';

const runs = Number(process.argv[2] ?? 4);
const ids = (process.argv[3] ?? 'off,on').split(',');
const root = generateSuite({ files: 100, tests: 50, history: 0 });
const variants = VARIANTS.filter((v) => ids.includes(v.id));
const res = Object.fromEntries(variants.map((v) => [v.id, { main: [], workers: [] }]));
for (let r = -1; r < runs; r++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(r + 1 + i) % variants.length];
    const file = `/tmp/cpulog-${process.pid}.txt`;
    fs.rmSync(file, { force: true });
    const variant = { ...v, env: { ...v.env, NODE_OPTIONS: '--require /tmp/cpulog.cjs', CPULOG_FILE: file } };
    await spawnJest(root, variant, jestArgs(root, variant, Number(process.env.W ?? 2)));
    if (r < 0) continue;
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    res[v.id].main.push(lines.filter((l) => l[0] === 'main').reduce((s, l) => s + Number(l[1]), 0));
    res[v.id].workers.push(lines.filter((l) => l[0] === 'worker').reduce((s, l) => s + Number(l[1]), 0));
  }
}
const med = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
for (const [id, { main, workers }] of Object.entries(res))
  console.log(
    id,
    'main',
    Math.round(med(main)),
    'workers',
    Math.round(med(workers)),
    'main all',
    main.map(Math.round).join(' '),
    'workers all',
    workers.map(Math.round).join(' '),
  );
fs.rmSync(root, { recursive: true, force: true });
