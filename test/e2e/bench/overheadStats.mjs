// Statistics of the overhead bench, shared by `overhead.mjs` (one session) and `poolOverhead.mjs` (the runs
// of several sessions' logs pooled): a 20-run round on a shared 2-core host swings by ±3 %, more than the
// 2 % target, so a verdict needs many rounds.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The per-variant table, the ratios of medians and the paired per-round ratios of `results` (variant → runs). */
export function printTable(results) {
  const fmt = (ms) => `${Math.round(ms)}`;
  const hasCpu = [...results.values()].every((runs) => runs.every((run) => run.cpuMs !== null));
  console.log(`\n| variant | runs | wall median (ms) | wall min | wall max |${hasCpu ? ' CPU median (ms) |' : ''}`);
  console.log(`|---|---:|---:|---:|---:|${hasCpu ? '---:|' : ''}`);
  for (const [name, runs] of results) {
    const wall = runs.map((run) => run.wallMs);
    const cpu = hasCpu ? ` ${fmt(median(runs.map((run) => run.cpuMs)))} |` : '';
    console.log(
      `| ${name} | ${runs.length} | ${fmt(median(wall))} | ${fmt(Math.min(...wall))} | ${fmt(Math.max(...wall))} |${cpu}`,
    );
  }
  const ratio = (a, b, key) => {
    const med = (name) => median(results.get(name).map((run) => run[key]));
    return (med(a) / med(b)).toFixed(3);
  };
  console.log('');
  for (const [a, b] of PAIRS) {
    const cpu = hasCpu ? `, CPU ${ratio(a, b, 'cpuMs')}` : '';
    console.log(`median ratio ${a} / ${b}: wall ${ratio(a, b, 'wallMs')}${cpu}`);
  }
  console.log('');
  for (const [a, b] of PAIRS) {
    const cpu = hasCpu ? `; CPU ${formatPaired(pairedRatios(results, a, b, 'cpuMs'))}` : '';
    console.log(`paired ratio ${a} / ${b}: wall ${formatPaired(pairedRatios(results, a, b, 'wallMs'))}${cpu}`);
  }
  const byProcess = [...results.values()].every((runs) => runs.every((run) => run.mainMs !== undefined));
  if (!byProcess) return;
  console.log('');
  for (const [a, b] of PAIRS) {
    const main = formatDifference(pairedValues(results, a, b, 'mainMs', (x, y) => x - y));
    const workers = formatDifference(pairedValues(results, a, b, 'workersMs', (x, y) => x - y));
    console.log(`paired CPU difference ${a} − ${b}: main process ${main}; workers ${workers}`);
  }
}

function formatDifference(differences) {
  const interval = medianInterval(differences);
  const signed = (ms) => `${ms >= 0 ? '+' : ''}${Math.round(ms)}`;
  const range = interval ? ` (95 % CI ${signed(interval[0])} to ${signed(interval[1])})` : '';
  return `median ${signed(median(differences))} ms${range}`;
}

const PAIRS = [
  ['jest-perf on', 'jest-perf off'],
  ['jest-perf on', 'no jest-perf'],
  ['jest-perf off', 'no jest-perf'],
];

/**
 * One ratio per round: the variants of a round ran back to back, so they shared the machine's load,
 * which drifts over minutes on a shared host. The median of these ratios is less moved by that drift
 * than the ratio of the two variants' medians.
 */
function pairedRatios(results, a, b, key) {
  return pairedValues(results, a, b, key, (x, y) => x / y);
}

/** `combine` of `a`'s and `b`'s `key` in each round (a ratio, or a difference of one process's CPU ms). */
function pairedValues(results, a, b, key, combine) {
  const runsB = results.get(b);
  return results.get(a).map((run, round) => combine(run[key], runsB[round][key]));
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(k, n) {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i += 1) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * A distribution-free confidence interval of the median, of at least 95 %: the k-th smallest and k-th
 * largest values, with k the largest rank such that P(Binomial(n, ½) < k) ≤ 2.5 %. Null below 6 values.
 */
function medianInterval(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  let k = 0;
  while (binomialHalfCdf(k, n) <= 0.025) k += 1;
  return k === 0 ? null : [sorted[k - 1], sorted[n - k]];
}

function formatPaired(ratios) {
  const interval = medianInterval(ratios);
  const range = interval ? ` (95 % CI ${interval[0].toFixed(3)}–${interval[1].toFixed(3)})` : '';
  return `median ${median(ratios).toFixed(3)}${range}`;
}
