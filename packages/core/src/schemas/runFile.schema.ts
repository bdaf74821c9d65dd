import { count, isoDate, nonNegative, nullableNonNegative, nullableWorker, stringArray } from './common';

const hookSchema = {
  type: 'object',
  required: ['type', 'describePath', 'calls', 'totalMs', 'maxMs'],
  properties: {
    type: { enum: ['beforeAll', 'beforeEach', 'afterEach', 'afterAll'] },
    describePath: stringArray,
    line: count,
    calls: count,
    totalMs: nonNegative,
    maxMs: nonNegative,
    cpuMs: nonNegative,
  },
} as const;

export const counterGroupsSchema = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
} as const;

const testSchema = {
  type: 'object',
  required: ['id', 'file', 'ancestorTitles', 'title', 'durationMs', 'setupMs', 'status', 'tags', 'retries', 'worker'],
  properties: {
    id: { type: 'string', minLength: 1 },
    file: { type: 'string', minLength: 1 },
    ancestorTitles: stringArray,
    title: { type: 'string' },
    durationMs: nonNegative,
    setupMs: nonNegative,
    status: { enum: ['passed', 'failed', 'skipped', 'todo'] },
    tags: stringArray,
    retries: count,
    worker: nullableWorker,
    line: count,
    cpuMs: nonNegative,
  },
} as const;

const fileSchema = {
  type: 'object',
  required: ['path', 'runtimeMs', 'setupMs', 'loadEnvironmentMs', 'hookMs', 'tags', 'worker', 'execError', 'hooks'],
  properties: {
    path: { type: 'string', minLength: 1 },
    runtimeMs: nonNegative,
    setupMs: nullableNonNegative,
    loadEnvironmentMs: nullableNonNegative,
    hookMs: nonNegative,
    tags: stringArray,
    worker: nullableWorker,
    execError: { type: 'boolean' },
    hooks: { type: 'array', items: hookSchema },
    cpuMs: nonNegative,
  },
} as const;

/** JSON schema of {@link RunFile}. */
export const runFileSchema = {
  $id: 'jest-perf/run-file',
  type: 'object',
  required: [
    'schemaVersion',
    'runId',
    'startedAt',
    'endedAt',
    'jestVersion',
    'nodeVersion',
    'machine',
    'git',
    'shard',
    'incomplete',
    'incompleteReasons',
    'slowTestMs',
    'tests',
    'files',
    'summary',
    'counters',
  ],
  properties: {
    schemaVersion: { const: 1 },
    runId: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
    startedAt: isoDate,
    endedAt: isoDate,
    jestVersion: { type: 'string' },
    nodeVersion: { type: 'string' },
    machine: {
      type: 'object',
      required: ['platform', 'arch', 'cpuModel', 'cores', 'totalMemoryMb'],
      properties: {
        platform: { type: 'string' },
        arch: { type: 'string' },
        cpuModel: { type: 'string' },
        cores: count,
        totalMemoryMb: nonNegative,
        osRelease: { type: 'string' },
      },
    },
    git: {
      type: ['object', 'null'],
      required: ['commit', 'branch'],
      properties: { commit: { type: 'string' }, branch: { type: ['string', 'null'] } },
    },
    shard: {
      type: ['object', 'null'],
      required: ['index', 'count'],
      properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } },
    },
    incomplete: { type: 'boolean' },
    incompleteReasons: stringArray,
    slowTestMs: nonNegative,
    tests: { type: 'array', items: testSchema },
    files: { type: 'array', items: fileSchema },
    summary: {
      type: 'object',
      required: [
        'total',
        'passed',
        'failed',
        'skipped',
        'slowCount',
        'totalDurationMs',
        'averageDurationMs',
        'hookMs',
        'wallMs',
      ],
      properties: {
        total: count,
        passed: count,
        failed: count,
        skipped: count,
        slowCount: count,
        totalDurationMs: nonNegative,
        averageDurationMs: nonNegative,
        hookMs: nonNegative,
        wallMs: nonNegative,
      },
    },
    counters: counterGroupsSchema,
    load: {
      type: 'object',
      required: ['othersCpuShare', 'loadPerCore', 'cpuPressure', 'busy'],
      properties: {
        othersCpuShare: { type: ['number', 'null'], minimum: 0, maximum: 1 },
        loadPerCore: nonNegative,
        cpuPressure: { type: ['number', 'null'], minimum: 0, maximum: 100 },
        busy: { type: 'boolean' },
      },
    },
  },
} as const;

/** JSON schema of one line of a per-worker file ({@link WorkerFileRecord}). */
export const workerFileRecordSchema = {
  $id: 'jest-perf/worker-record',
  type: 'object',
  required: ['kind', 'testPath', 'worker', 'fileTags', 'hookMs', 'hooks', 'testSetupMs', 'counters'],
  properties: {
    kind: { const: 'file' },
    testPath: { type: 'string', minLength: 1 },
    worker: nullableWorker,
    fileTags: stringArray,
    hookMs: nonNegative,
    hooks: { type: 'array', items: hookSchema },
    testSetupMs: { type: 'array', items: nonNegative },
    testCpuMs: { type: 'array', items: nonNegative },
    cpuMs: nonNegative,
    counters: counterGroupsSchema,
  },
} as const;

/**
 * The part of a run file the history index reads (run id, start, commit; per test id, file, duration,
 * status), checked as strictly as {@link runFileSchema} checks it. Building the index from 200 run files
 * of 10,000 tests, validating the other fields of every test cost ~1.5 s and told the index nothing.
 */
export const runFileHistorySchema = {
  $id: 'jest-perf/run-file-history',
  type: 'object',
  required: ['schemaVersion', 'runId', 'startedAt', 'git', 'tests'],
  properties: {
    schemaVersion: runFileSchema.properties.schemaVersion,
    runId: runFileSchema.properties.runId,
    startedAt: runFileSchema.properties.startedAt,
    git: runFileSchema.properties.git,
    tests: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'file', 'durationMs', 'status'],
        properties: {
          id: testSchema.properties.id,
          file: testSchema.properties.file,
          durationMs: testSchema.properties.durationMs,
          status: testSchema.properties.status,
        },
      },
    },
  },
} as const;
