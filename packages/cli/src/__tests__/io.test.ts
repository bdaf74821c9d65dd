import * as cli from '../index';
import { EXIT, processIo } from '../io';

describe('processIo', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes whole lines to stdout and stderr', () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const io = processIo();

    io.out('report');
    io.out('done\n');
    io.err('warning');

    expect(stdout.mock.calls).toEqual([['report\n'], ['done\n']]);
    expect(stderr.mock.calls).toEqual([['warning\n']]);
    expect(io.cwd).toBe(process.cwd());
    expect(io.env).toBe(process.env);
  });

  it('names the three exit codes', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2 });
  });
});

describe('public API', () => {
  it('exports the CLI runner and nothing else (the report library is @jest-perf/report)', () => {
    expect(Object.keys(cli).sort()).toEqual(['COMMANDS', 'EXIT', 'runCli']);
  });
});
