import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { E2E_TIMEOUT_MS, type JestRun, jestTests, Project, removeProjects } from './harness';

/** A local stand-in for the LLM server: answers everything, and remembers each path it was asked. */
const reached: string[] = [];
const server = http.createServer((request, response) => {
  reached.push(request.url ?? '');
  response.end('{"response":"stand-in"}');
});

const LLM_MOCK_PACKAGE = path.resolve(__dirname, '..', '..', '..', 'packages', 'llm-mock');
let run: JestRun;
let project: Project;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project = new Project('llm-guard');
  run = await project.runJest({
    tracked: false,
    env: { LLM_MOCK_PACKAGE, LLM_HOST: `127.0.0.1:${port}`, LLM_URL: `http://127.0.0.1:${port}` },
  });
}, E2E_TIMEOUT_MS);

afterAll(async () => {
  removeProjects();
  await new Promise((resolve) => server.close(resolve));
});

function statusOf(title: string): string | undefined {
  return jestTests(run.json!, project.dir).find((test) => test.title === title)?.status;
}

function failureOf(title: string): string {
  for (const result of run.json!.testResults) {
    const found = result.assertionResults.find((test) => test.title === title) as
      | { failureMessages?: string[] }
      | undefined;
    if (found) return (found.failureMessages ?? []).join('\n');
  }
  throw new Error(`no test titled "${title}"`);
}

const BLOCKED = /Real LLM call from a unit test: (.*)\. Use the mock/;

describe('the LLM guard on real Jest', () => {
  it('ran the fixture with Jest', () => {
    expect(run.json).not.toBeNull();
    expect(run.json!.numTotalTests).toBeGreaterThan(15);
  });

  it.each([
    ['fetch untagged', '/fetch/untagged'],
    ['fetch with a Request object', '/fetch/request'],
    ['mentions @real_llm mid-title only', '/fetch/mid-title'],
    ['swallows the error', '/fetch/swallowed'],
    ['http.request untagged', '/http/request'],
    ['http.get untagged', '/http/get'],
    ['https.get untagged', '/https/get'],
    ['http.request with an options object', '/http/options'],
    ['destructured request untagged', '/destructured/after'],
    ['request destructured before the guard untagged', '/destructured/before'],
    ['after jest.resetModules untagged', '/reset/untagged'],
    ['inside jest.isolateModules untagged', '/isolate/untagged'],
    ['concurrent untagged', '/concurrent/untagged'],
    ['untagged each one', '/concurrent/each-one'],
    ['untagged each two', '/concurrent/each-two'],
  ])('blocks "%s" before it reaches the server and blames that test', (title, requestPath) => {
    expect(statusOf(title)).toBe('failed');
    expect(failureOf(title)).toMatch(BLOCKED);
    expect(BLOCKED.exec(failureOf(title))?.[1]).toContain(title);
    expect(reached).not.toContain(requestPath);
  });

  it.each([
    ['fetch tagged @real_llm', '/fetch/tagged'],
    ['fetches from a tagged describe', '/fetch/describe-tagged'],
    ['http.get tagged @real_llm', '/http/tagged'],
    ['destructured request tagged @real_llm', '/destructured/tagged'],
    ['after jest.resetModules tagged @real_llm', '/reset/tagged'],
    ['concurrent real call @real_llm', '/concurrent/tagged'],
  ])('lets "%s" through', (title, requestPath) => {
    expect(statusOf(title)).toBe('passed');
    expect(reached).toContain(requestPath);
  });

  it('blocks a call made while the file loads', () => {
    expect(statusOf('sees the load-time call blocked')).toBe('passed');
    expect(reached).not.toContain('/load');
  });

  it('blocks a call from afterAll and says it came from a hook of that file', () => {
    const result = run.json!.testResults.find((file) => file.name.endsWith('afterAll.test.js'));
    expect(result?.message).toContain('Real LLM call from a unit test: an afterAll hook of afterAll.test.js');
    expect(result?.message).not.toContain('Real LLM call from a unit test: a nested block runs first');
    expect(reached).not.toContain('/afterall');
    expect(reached).not.toContain('/nested-afterall');
  });

  it('names the blocked call and the fix', () => {
    expect(failureOf('http.get untagged')).toContain('the blocked call was http.get to http://127.0.0.1:');
    expect(failureOf('http.get untagged')).toContain('end the test (or describe) title with @real_llm');
  });
});
