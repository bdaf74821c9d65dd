import * as core from '../index';

describe('@jest-perf/core entry', () => {
  it('exports the public functions and schemas', () => {
    const functions = [
      core.writeFileAtomic,
      core.writeJsonAtomic,
      core.loadConfig,
      core.resolveConfig,
      core.isJestPerfError,
      core.JestPerfError,
      core.rewriteHistory,
      core.readHistory,
      core.dataPaths,
      core.relativePosix,
      core.listRunFiles,
      core.newRunId,
      core.readLatestRun,
      core.readRunFile,
      core.saveRun,
      core.collectTags,
      core.makeTestId,
      core.parsePragmaTags,
      core.parseTitleTags,
      core.describeSchemaError,
      core.readValidatedJson,
      core.validateWith,
    ];

    for (const fn of functions) expect(typeof fn).toBe('function');
    for (const schema of [core.baselineSchema, core.configSchema, core.runFileSchema, core.workerFileRecordSchema]) {
      expect(schema.type).toBe('object');
    }
  });

  it('exports the file format versions and defaults', () => {
    expect(core.RUN_FILE_VERSION).toBe(1);
    expect(core.BASELINE_VERSION).toBe(2);
    expect(core.CONFIG_FILE).toBe('jest-perf.config.json');
    expect(core.DEFAULT_CONFIG.historySize).toBe(50);
    expect(core.WELL_KNOWN_TAGS).toEqual(['slow', 'integration', 'serial', 'real_llm']);
  });

  it('ships a baseline schema that accepts a baseline and names a bad field', () => {
    const stats = { median: 10, mad: 1, samples: 3, min: 9, max: 12 };
    const baseline = {
      schemaVersion: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
      source: { runIds: ['r1'], commit: null },
      overrides: { tests: { 'a.test.ts › adds': 0.5 }, files: {} },
      slowTestMs: 30_000,
      slowCount: 0,
      tests: { 'a.test.ts › adds': { file: 'a.test.ts', durationMs: 10, stats } },
      suites: { '.': { durationMs: 10, stats, tests: 1 } },
    };
    const options = { what: 'baseline', fix: 'regenerate it' };

    expect(core.validateWith(core.baselineSchema, baseline, options)).toBe(baseline);
    expect(() =>
      core.validateWith(
        core.baselineSchema,
        { ...baseline, suites: { '.': { ...baseline.suites['.'], tests: -1 } } },
        options,
      ),
    ).toThrow('field /suites/./tests must be >= 0');
  });
});

describe('the export list of @jest-perf/core', () => {
  it('is exactly the README\'s "Public API" (a change here is a change of the package\'s API)', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'BASELINE_RUNS',
        'BASELINE_VERSION',
        'BUILD_BASELINE',
        'BUSY_OTHERS_SHARE',
        'CHECK_REPORT_VERSION',
        'CONFIG_FILE',
        'DATA_DIR_PATTERN',
        'DEFAULT_CONFIG',
        'DEFAULT_DATA_DIR',
        'FLAKY_REPORT_VERSION',
        'HISTORY_EXPORT_VERSION',
        'JEST_PERF_CLI',
        'JestPerfError',
        'RUN_FILE_VERSION',
        'TRACK_FIRST_FIX',
        'TRACK_RUN',
        'WELL_KNOWN_TAGS',
        'addCounters',
        'assertMeaning',
        'baselineProblem',
        'baselineSchema',
        'checkReportSchema',
        'checkWorkerFileRecord',
        'collectTags',
        'commandFor',
        'configSchema',
        'confinedPath',
        'dataPaths',
        'describeId',
        'describeSchemaError',
        'encodeRun',
        'exportHistory',
        'extendTestId',
        'fileStartupMs',
        'flakyReportSchema',
        'formatDuration',
        'historyExportHeaderSchema',
        'ignoringDataDir',
        'importHistory',
        'installDevCommand',
        'isInside',
        'isJestPerfError',
        'listRunFiles',
        'loadConfig',
        'locateInside',
        'makeTestId',
        'newRunId',
        'packageManagerOf',
        'parsePragmaTags',
        'parseTitleTags',
        'pathFromCwd',
        'readBaselineFile',
        'readFlakyReport',
        'readHistory',
        'readHistoryExport',
        'readLatestRun',
        'readRunFile',
        'readValidatedJson',
        'relativePosix',
        'resolveConfig',
        'runScriptCommand',
        'rewriteHistory',
        'runFileSchema',
        'sameTestbed',
        'saveRun',
        'summarizeRun',
        'syncHistory',
        'testIdAndTags',
        'testTimeByFile',
        'testbedOf',
        'testbedSlug',
        'totalHookMs',
        'uniqueTestIds',
        'validateWith',
        'workerFileRecordSchema',
        'writeFileAtomic',
        'writeFlakyReport',
        'writeJsonAtomic',
      ].sort(),
    );
  });
});

describe('the ./tags entry (what each Jest worker loads)', () => {
  it('is the tag parsers alone, without the rest of core', () => {
    const pkg = require('../../package.json') as { exports: Record<string, { default: string }> };
    expect(pkg.exports['./tags']?.default).toBe('./dist/tags.js');
    const tags = require('../tags') as Record<string, unknown>;
    expect(Object.keys(tags).sort()).toEqual(
      [
        'WELL_KNOWN_TAGS',
        'collectTags',
        'describeId',
        'extendTestId',
        'makeTestId',
        'parsePragmaTags',
        'parseTitleTags',
        'testIdAndTags',
        'uniqueTestIds',
      ].sort(),
    );
  });
});

describe('the ./recording entry (what the reporter loads in Jest’s process)', () => {
  it('is published beside the index, for node10 resolution too', () => {
    const pkg = require('../../package.json') as {
      exports: Record<string, { default: string }>;
      typesVersions: Record<string, Record<string, string[]>>;
    };
    expect(pkg.exports['./recording']?.default).toBe('./dist/recording.js');
    expect(pkg.typesVersions['*']?.recording).toEqual(['./dist/recording.d.ts']);
  });

  it('loads none of the history, export or report modules', () => {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      for (const heavy of ['../historyCarry', '../historyExport', '../history', '../flakyReport', '../checkReport']) {
        jest.doMock(heavy, () => {
          loaded.push(heavy);
          return {};
        });
      }
      const recording = require('../recording') as Record<string, unknown>;
      expect(typeof recording.saveRun).toBe('function');
    });
    expect(loaded).toEqual([]);
  });

  it('exports the same functions as the index', () => {
    const recording = require('../recording') as Record<string, unknown>;
    const core = require('..') as Record<string, unknown>;
    for (const [name, value] of Object.entries(recording)) expect(core[name]).toBe(value);
  });
});
