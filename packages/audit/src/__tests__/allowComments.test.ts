import { parseAllowDirectives } from '../allowComments';
import { parseSource } from '../parse';
import { audit, code } from './helpers/audit';

function directives(source: string) {
  return parseAllowDirectives(parseSource('a.test.ts', code(source)));
}

describe('allow comments', () => {
  it('suppress a finding on the same line and list it as allowed, with the reason', () => {
    const result = audit(
      "const dir = '/tmp/fixed'; // jest-perf-audit-allow shared-tmp-path: read-only, baked into the image",
    );

    expect(result.findings).toEqual([]);
    expect(result.allowed).toEqual([
      { rule: 'shared-tmp-path', file: 'src/example.test.ts', line: 1, reason: 'read-only, baked into the image' },
    ]);
  });

  it('suppress a finding on the line below, for the named rules only', () => {
    const result = audit(`
      // jest-perf-audit-allow fixed-port, shared-tmp-path: the fixture server of docker-compose
      startDatabase({ port: 5432, dir: '/tmp/pg' });
      const other = '/tmp/other';
    `);

    expect(result.allowed.map((a) => `${a.line} ${a.rule}`)).toEqual(['2 shared-tmp-path', '2 fixed-port']);
    expect(result.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['3 shared-tmp-path']);
  });

  it('do not reach two lines down or another rule', () => {
    const result = audit(`
      // jest-perf-audit-allow fixed-port: reviewed
      const a = 1;
      const dir = '/tmp/x';
      server.listen(3000); // jest-perf-audit-allow shared-tmp-path: wrong rule
    `);

    expect(result.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['3 shared-tmp-path', '4 fixed-port']);
    expect(result.allowed).toEqual([]);
  });

  it('take a block comment ending on the line above', () => {
    const result = audit(`
      /*
       * jest-perf-audit-allow shared-tmp-path: the legacy tool only writes there
       */
      const dir = '/tmp/legacy';
    `);

    expect(result.findings).toEqual([]);
    expect(result.allowed).toHaveLength(1);
  });

  it('allow a rule in the whole file with @jest-perf-audit-allow-file', () => {
    // jest-perf-audit-allow fixed-port: the address is in a fixture source string; nothing connects to it
    const result = audit(`
      /**
       * @tags integration
       * @jest-perf-audit-allow-file fixed-port: talks to the database of docker-compose on 5432
       */
      const db = new Pool({ port: 5432 });
      it('x', () => connect('localhost:5432'));
      const dir = '/tmp/x';
    `);

    expect(result.allowed.map((a) => `${a.line} ${a.rule}`)).toEqual(['5 fixed-port', '6 fixed-port']);
    expect(result.findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['7 shared-tmp-path']);
  });

  it.each([
    ['// jest-perf-audit-allow shared-tmp-path', 'gives no reason'],
    ['// jest-perf-audit-allow shared-tmp-path:', 'gives no reason'],
    ['// jest-perf-audit-allow shared-tmp-path:    ', 'gives no reason'],
    ['// jest-perf-audit-allow: because', 'names no rule'],
  ])('without a rule or reason (%j) allow nothing and are findings themselves', (comment, problem) => {
    const result = audit(`${comment}\nconst dir = '/tmp/x';`);

    expect(result.allowed).toEqual([]);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([
      '1:4 allow-without-reason',
      '2:13 shared-tmp-path',
    ]);
    expect(result.findings[0]?.message).toContain(problem);
    expect(result.findings[0]?.fix).toContain('after a colon');
  });

  it('report an unknown rule id, listing the real ones', () => {
    const result = audit('// jest-perf-audit-allow shared-tmp: typo\nconst dir = "/tmp/x";');

    expect(result.findings.map((f) => f.rule)).toEqual(['allow-unknown-rule', 'shared-tmp-path']);
    expect(result.findings[0]?.message).toBe(
      'jest-perf-audit-allow names "shared-tmp", which is no jest-perf audit rule',
    );
    expect(result.findings[0]?.fix).toContain('shared-tmp-path, fixed-port');
  });

  it('count only in comments, and only at the start of a comment line', () => {
    expect(
      directives(`
        const text = '// jest-perf-audit-allow fixed-port: in a string';
        // see the jest-perf-audit-allow fixed-port: docs (prose, not a directive)
        // jest-perf-audit-allowance fixed-port: another word
      `),
    ).toEqual([]);
  });

  it('parse rule lists, reasons and positions', () => {
    expect(
      directives(`
        const a = 1; /* jest-perf-audit-allow fixed-port,shared-tmp-path : reason here */
        /** @jest-perf-audit-allow-file process-chdir: whole file */
      `),
    ).toEqual([
      {
        rules: ['fixed-port', 'shared-tmp-path'],
        reason: 'reason here',
        fileLevel: false,
        line: 1,
        column: 17,
        endLine: 1,
      },
      { rules: ['process-chdir'], reason: 'whole file', fileLevel: true, line: 2, column: 6, endLine: 2 },
    ]);
  });

  it('cost nothing in a file without the marker', () => {
    expect(directives('// a comment\nconst a = 1;')).toEqual([]);
  });
});
