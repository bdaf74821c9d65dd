// Preloaded into every node process of one bench run (NODE_OPTIONS=--require): at exit, appends the
// process's own CPU time (all its threads, user + system) to BENCH_PROCESS_CPU_LOG, as Jest's main
// process or a worker (Jest sets JEST_WORKER_ID in its workers). overhead.mjs --by-process reads it.
const fs = require('node:fs');

const log = process.env.BENCH_PROCESS_CPU_LOG;
if (log) {
  process.on('exit', () => {
    const usage = process.cpuUsage();
    const role = process.env.JEST_WORKER_ID ? 'worker' : 'main';
    fs.appendFileSync(log, `${role} ${((usage.user + usage.system) / 1000).toFixed(1)}\n`);
  });
}
