import { audit } from './helpers/audit';

function candidates(source: string): string[] {
  return audit(source)
    .candidates.filter((candidate) => candidate.rule === 'signal')
    .map((candidate) => `${candidate.line}:${candidate.column} ${candidate.message}`);
}

describe('signal (serial candidate)', () => {
  it.each([
    ["it('x', () => { child.kill('SIGINT'); });", "1:17 .kill('SIGINT') sends SIGINT to another process"],
    [
      "it('x', () => { process.kill(process.pid, 'SIGTERM'); });",
      "1:17 process.kill(…, 'SIGTERM') sends a real signal",
    ],
    ["it('x', () => { process.kill(pid); });", '1:17 process.kill(…) sends a real signal'],
    ["process.on('SIGINT', onInterrupt);", "1:1 process.on('SIGINT') handles SIGINT"],
    ["it('x', () => { process.emit('SIGHUP'); });", "1:17 process.emit('SIGHUP') fakes a SIGHUP"],
    ["const SIG = 'SIGUSR2';\nit('x', () => { proc.kill(SIG); });", "2:17 .kill('SIGUSR2')"],
  ])('flags %j', (source, start) => {
    const [found, ...rest] = candidates(source);
    expect(found?.startsWith(start)).toBe(true);
    expect(rest).toEqual([]);
  });

  it('reports a file once, counting its signal uses', () => {
    const [found] = candidates("it('x', () => {\n  child.kill('SIGINT');\n  child.kill('SIGTERM');\n});");
    expect(found).toMatch(/^2:3 .*\(2 signal uses in this file\)$/);
  });

  it.each([
    // Cleanup of a child, not a test of signals.
    ["afterAll(() => { child.kill('SIGKILL'); });"],
    ['afterEach(() => server.kill());'],
    ["it('x', () => { child.kill(); });"],
    ["process.on('exit', flush);"],
    ["process.on('unhandledRejection', fail);"],
    ["/** @tags serial */\nit('x', () => { child.kill('SIGINT'); });"],
  ])('does not flag %j', (source) => {
    expect(candidates(source)).toEqual([]);
  });
});
