import * as path from 'node:path';
import { dataPaths, pathFromCwd, relativePosix } from '../paths';

describe('dataPaths', () => {
  it('puts every data file under dataDir resolved from the root', () => {
    const root = path.resolve('/repo');

    const paths = dataPaths({ rootDir: root, dataDir: '.jest-perf', baselinePath: 'perf/baseline.json' });

    expect(paths).toEqual({
      dataDir: path.join(root, '.jest-perf'),
      runsDir: path.join(root, '.jest-perf', 'runs'),
      latest: path.join(root, '.jest-perf', 'latest.json'),
      history: path.join(root, '.jest-perf', 'history.arrow'),
      workerDir: path.join(root, '.jest-perf', 'tmp'),
      flaky: path.join(root, '.jest-perf', 'flaky.json'),
      cacheDir: path.join(root, '.jest-perf', 'cache'),
      baseline: path.join(root, 'perf', 'baseline.json'),
    });
  });

  it('keeps absolute dataDir and baselinePath as they are', () => {
    const data = path.resolve('/var/perf');
    const baseline = path.resolve('/etc/baseline.json');

    const paths = dataPaths({ rootDir: path.resolve('/repo'), dataDir: data, baselinePath: baseline });

    expect(paths.dataDir).toBe(data);
    expect(paths.baseline).toBe(baseline);
  });
});

describe('relativePosix', () => {
  it('gives a root-relative path with forward slashes', () => {
    const root = path.resolve('/repo');

    expect(relativePosix(root, path.join(root, 'src', 'a', 'b.test.ts'))).toBe('src/a/b.test.ts');
  });
});

describe('pathFromCwd', () => {
  it('is relative inside the cwd and absolute outside it', () => {
    const cwd = path.resolve('/work/project');
    expect(pathFromCwd(cwd, path.join(cwd, '.jest-perf', 'runs', 'a.json'))).toBe('.jest-perf/runs/a.json');
    expect(pathFromCwd(cwd, path.resolve('/tmp/lanes/parallel.json'))).toBe(path.resolve('/tmp/lanes/parallel.json'));
    expect(pathFromCwd(cwd, 'side.json')).toBe('side.json');
  });
});
