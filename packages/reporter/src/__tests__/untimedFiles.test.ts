import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileRecord } from '@jest-perf/core';
import { environmentDocblock, readSourceHead, untimedFilesNote } from '../untimedFiles';

function file(path: string, worker: number | null): FileRecord {
  return {
    path,
    runtimeMs: 10,
    setupMs: null,
    loadEnvironmentMs: null,
    hookMs: 0,
    tags: [],
    worker,
    execError: false,
    hooks: [],
  };
}

describe('untimedFilesNote', () => {
  it('says nothing when every file was timed', () => {
    expect(untimedFilesNote([file('a.test.js', 1)])).toBeUndefined();
  });

  it('gives the config fix when no docblock explains it', () => {
    const note = untimedFilesNote([file('a.test.js', null), file('b.test.js', 1)], () => 'it("x", () => {});\n');
    expect(note).toMatch(
      /^jest-perf: 1 of 2 test file\(s\) ran without jest-perf's environment \(e\.g\. a\.test\.js\)/,
    );
    expect(note).toContain('withJestPerf(config)');
  });

  it('names the @jest-environment docblock that replaced the configured environment, and the docblock that keeps it', () => {
    const source = '/**\n * @jest-environment jsdom\n */\nit("x", () => {});\n';
    const note = untimedFilesNote([file('src/dom.test.js', null)], () => source);
    expect(note).toContain('its `@jest-environment jsdom` docblock replaces the configured environment');
    expect(note).toContain('@jest-environment @jest-perf/environment/jsdom');
    expect(note).not.toContain('withJestPerf(config)');
  });

  it('wraps any other docblock environment through @jest-environment-options', () => {
    const note = untimedFilesNote([file('a.test.ts', null)], () => '/** @jest-environment ./my-env.js */\n');
    expect(note).toContain('@jest-environment @jest-perf/environment');
    expect(note).toContain('@jest-environment-options {"jestPerf":{"base":"./my-env.js"}}');
  });
});

describe('environmentDocblock', () => {
  it('reads the environment of the first docblock only', () => {
    expect(environmentDocblock('/**\n * @jest-environment node\n */')).toBe('node');
    expect(environmentDocblock('const x = 1;\n/** @jest-environment jsdom */')).toBeNull();
    // As jest-docblock reads it: a comment at the very start of the file.
    expect(environmentDocblock("'use strict';\n/** @jest-environment jsdom */")).toBeNull();
    expect(environmentDocblock('\n/** @jest-environment jest-environment-jsdom */')).toBe('jest-environment-jsdom');
  });
});

describe('readSourceHead', () => {
  it('reads the start of a file, and null for a file that is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untimed-'));
    const file = path.join(dir, 'a.test.js');
    fs.writeFileSync(file, `/** @jest-environment jsdom */\n${'x'.repeat(10_000)}`);
    try {
      expect(readSourceHead(file)).toHaveLength(4096);
      expect(environmentDocblock(readSourceHead(file) ?? '')).toBe('jsdom');
      expect(readSourceHead(path.join(dir, 'missing.js'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
