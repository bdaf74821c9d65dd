/**
 * A file tagged for real LLM calls: the guard lets every test in it through.
 * @tags real_llm
 */
import { GUARD_CONFIG_GLOBAL } from '../guardSetup';
import * as fakeLlm from './fixtures/fakeLlm';

(globalThis as Record<string, unknown>)[GUARD_CONFIG_GLOBAL] = {
  modulePath: require.resolve('./fixtures/fakeLlm'),
  method: 'callLlm',
};
require('../setup');

it('lets an untagged test in a file tagged @tags real_llm call the real function', async () => {
  await expect(fakeLlm.callLlm('RESULT_INTERPRETATION', 's', 'u')).resolves.toMatchObject({
    payload: { summary: 'real answer' },
  });
  expect(fakeLlm.realCalls).toHaveLength(1);
});
