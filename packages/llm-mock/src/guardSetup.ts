import * as path from 'node:path';
import { LlmMockError } from './errors';
import { type GuardOptions, guardRealLlmCalls } from './guard';
import { guardLlmNetwork } from './guardNetwork';

/** The Jest `globals` key that carries the guard's config from `jest.config.js` into `@jest-perf/llm-mock/setup`. */
export const GUARD_CONFIG_GLOBAL = '__JEST_PERF_LLM_GUARD__';

/** Where the app's seam is, for the setup file (JSON: it travels through Jest's `globals`). */
export interface LlmGuardConfig {
  /**
   * Absolute path of the module that exports the seam (`path.join(__dirname, 'src/llm/callLlm')`).
   * Without it (and `method`) only the network is guarded.
   */
  modulePath?: string;
  /** The seam's name on that module (`'callLlm'`). */
  method?: string;
  /** The LLM servers the network guard watches (see `guardLlmNetwork`); `false` guards the seam only. */
  hosts?: string[] | false;
  /** Tag that allows real calls (default `real_llm`). */
  tag?: string;
  /** See {@link GuardOptions.failTestOnBlockedCall} (default true). */
  failTestOnBlockedCall?: boolean;
}

/**
 * Jest config lines that install the real-call guard in every test file: spread them into your
 * config (merge `setupFilesAfterEnv` and `globals` by hand if you have your own).
 * @example
 * // jest.config.js
 * const { createLlmGuardSetup } = require('@jest-perf/llm-mock');
 * const guard = createLlmGuardSetup({ modulePath: path.join(__dirname, 'src/llm/callLlm'), method: 'callLlm' });
 * module.exports = { preset: '@jest-perf/preset', ...guard };
 */
export function createLlmGuardSetup(config: LlmGuardConfig): {
  setupFilesAfterEnv: string[];
  globals: Record<string, LlmGuardConfig>;
} {
  if (config.modulePath !== undefined && !path.isAbsolute(config.modulePath)) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `The option modulePath should be an absolute path; got ${config.modulePath}`,
      {
        fix: "build it from the config file's folder: path.join(__dirname, 'src/llm/callLlm')",
      },
    );
  }
  return { setupFilesAfterEnv: [require.resolve('./setup')], globals: { [GUARD_CONFIG_GLOBAL]: config } };
}

/**
 * What `@jest-perf/llm-mock/setup` does: reads the config from Jest's globals, loads the app's module
 * through Jest (the same instance the test file gets) and installs the guard on it.
 * @throws {LlmMockError} JEST_PERF_LLM_USAGE when the config is missing.
 */
export function installGuardFromGlobals(
  load: (modulePath: string) => object,
  options: Pick<GuardOptions, 'globals'> = {},
): void {
  const config = (globalThis as Record<string, unknown>)[GUARD_CONFIG_GLOBAL] as LlmGuardConfig | undefined;
  const seam = config && typeof config.modulePath === 'string' && typeof config.method === 'string';
  const networkOnly =
    config && config.modulePath === undefined && config.method === undefined && config.hosts !== false;
  if (!config || (!seam && !networkOnly)) {
    throw new LlmMockError(
      'JEST_PERF_LLM_USAGE',
      `@jest-perf/llm-mock/setup found no guard config in the Jest global ${GUARD_CONFIG_GLOBAL}`,
      {
        fix: "spread createLlmGuardSetup({ modulePath, method }) into jest.config.js, or use your own setup file that calls guardRealLlmCalls({ module: require('./src/llm/callLlm'), method: 'callLlm' })",
      },
    );
  }
  const { tag, failTestOnBlockedCall, hosts } = config;
  if (!seam) {
    guardLlmNetwork({ ...options, tag, failTestOnBlockedCall, ...(hosts ? { hosts } : {}) });
    return;
  }
  guardRealLlmCalls(
    { module: load(config.modulePath as string), method: config.method as string },
    { ...options, tag, failTestOnBlockedCall, ...(hosts === undefined ? {} : { hosts }) },
  );
}
