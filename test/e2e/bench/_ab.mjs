import * as fs from 'node:fs';
import { generateSuite, jestArgs, spawnJest, VARIANTS } from './syntheticSuite.mjs';

const runs = Number(process.argv[2] ?? 10);
const root = generateSuite({ files: 100, tests: 50, history: 0 });
const on = VARIANTS.find((v) => v.id === 'on');
const variants = [
  { ...on, id: 'on' },
  { ...on, id: 'nocpu', env: { ...on.env, XNOCPU: '1' } },
  VARIANTS.find((v) => v.id === 'off'),
];
const res = Object.fromEntries(variants.map((v) => [v.id, { wall: [], cpu: [] }]));
for (let r = -1; r < runs; r++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(r + 1 + i) % variants.length];
    const c0 = process.resourceUsage();
    const t0 = performance.now();
    await spawnJest(root, v, jestArgs(root, v, 2));
    const wall = performance.now() - t0;
    const c1 = process.resourceUsage();
    if (r < 0) continue;
    // children CPU: use /proc? resourceUsage is self only; use times of children via os? approximate with wall
    res[v.id].wall.push(wall);
  }
}
const med = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
for (const [id, { wall }] of Object.entries(res))
  console.log(id, 'wall med', Math.round(med(wall)), wall.map(Math.round).join(' '));
const ratios = (a, b) => res[a].wall.map((w, i) => w / res[b].wall[i]);
console.log(
  'paired on/nocpu',
  med(ratios('on', 'nocpu')).toFixed(3),
  'on/off',
  med(ratios('on', 'off')).toFixed(3),
  'nocpu/off',
  med(ratios('nocpu', 'off')).toFixed(3),
);
fs.rmSync(root, { recursive: true, force: true });
