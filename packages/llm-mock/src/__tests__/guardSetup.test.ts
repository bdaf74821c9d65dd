import * as path from 'node:path';
import { createLlmGuardSetup, GUARD_CONFIG_GLOBAL, installGuardFromGlobals } from '../guardSetup';
import { jestGlobals } from '../jestGlobals';

describe('createLlmGuardSetup', () => {
  it('gives the setup file and the config as Jest config lines', () => {
    const modulePath = path.join(__dirname, 'fixtures', 'fakeLlm');
    const lines = createLlmGuardSetup({ modulePath, method: 'callLlm' });
    expect(lines.setupFilesAfterEnv).toEqual([require.resolve('../setup')]);
    expect(lines.globals).toEqual({ [GUARD_CONFIG_GLOBAL]: { modulePath, method: 'callLlm' } });
  });

  it('wants an absolute module path, built from the config folder', () => {
    expect(() => createLlmGuardSetup({ modulePath: 'src/llm/callLlm', method: 'callLlm' })).toThrow(
      'The option modulePath should be an absolute path; got src/llm/callLlm',
    );
  });
});

describe('installGuardFromGlobals', () => {
  it('says how to configure the guard when the Jest global is missing', () => {
    expect(() => installGuardFromGlobals(() => ({}))).toThrow(
      `found no guard config in the Jest global ${GUARD_CONFIG_GLOBAL}`,
    );
  });
});

describe('jestGlobals', () => {
  it('names the missing globals and how to pass them', () => {
    const scope = globalThis as Record<string, unknown>;
    const saved = scope.afterAll;
    delete scope.afterAll;
    try {
      expect(() => jestGlobals(['afterAll', 'beforeEach'], {}, 'guardRealLlmCalls')).toThrow(
        'guardRealLlmCalls needs the Jest global(s) afterAll, which are not defined here',
      );
    } finally {
      scope.afterAll = saved;
    }
  });

  it('prefers injected globals and finds the module-scoped jest object', () => {
    const beforeEach = () => undefined;
    const found = jestGlobals(['jest', 'beforeEach'], { beforeEach });
    expect(found.beforeEach).toBe(beforeEach);
    expect(found.jest).toBeDefined();
  });
});
