// Loaded for every test file (setupFilesAfterEnv): a test that reaches the real LLM without the mock
// (useExampleLlm) or a `real_llm` tag fails at once, naming itself and the fix.
import { guardRealLlmCalls } from '@jest-perf/llm-mock';
import * as llm from '../src/llm/callLlm';
import { liveLlmCallsAllowed } from './fixtures/llm';

guardRealLlmCalls({ module: llm, method: 'callLlm' }, { allowRealCalls: liveLlmCallsAllowed });
