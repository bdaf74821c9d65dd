/** @tags serial */
import {
  DEFAULT_LLM_TIMEOUT_MS,
  DEFAULT_OLLAMA_HOST,
  getSettings,
  normaliseHost,
  readSettings,
  resetSettings,
} from '../../src/config/settings';

// These tests change process.env and the module's cached settings singleton, then put both back.
describe('settings', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
    resetSettings();
  });

  it('defaults OLLAMA_HOST to the local Ollama port', () => {
    expect(readSettings({}).ollamaHost).toBe(DEFAULT_OLLAMA_HOST);
  });

  it.each([
    ['127.0.0.1:9999', 'http://127.0.0.1:9999'],
    ['localhost', 'http://localhost:11434'],
    ['http://10.0.0.5:80', 'http://10.0.0.5'],
  ])('normalises OLLAMA_HOST=%s to %s', (value, expected) => {
    expect(normaliseHost(value)).toBe(expected);
  });

  it('rejects an OLLAMA_HOST that is not a URL', () => {
    expect(() => normaliseHost('http://exa mple')).toThrow('OLLAMA_HOST is not a valid URL');
  });

  it('rejects a timeout that is not a positive integer, naming the variable', () => {
    expect(() => readSettings({ LLM_TIMEOUT_MS: 'soon' })).toThrow(
      'LLM_TIMEOUT_MS should be a positive integer, got "soon"',
    );
  });

  it('uses the default timeout when LLM_TIMEOUT_MS is empty', () => {
    expect(readSettings({ LLM_TIMEOUT_MS: '' }).llmTimeoutMs).toBe(DEFAULT_LLM_TIMEOUT_MS);
  });

  it('caches the settings until reset @serial', () => {
    process.env.OLLAMA_MODEL = 'first-model';
    resetSettings();
    expect(getSettings().ollamaModel).toBe('first-model');
    process.env.OLLAMA_MODEL = 'second-model';
    expect(getSettings().ollamaModel).toBe('first-model');
    resetSettings();
    expect(getSettings().ollamaModel).toBe('second-model');
  });

  it('reads the learning and log folders from the environment @serial', () => {
    // Only read, never written: any absolute path does.
    process.env.NL_QUERY_LEARNING_DIR = '/srv/clinical/learning';
    process.env.AUDIT_LOG_DIR = '/srv/clinical/logs';
    resetSettings();
    expect(getSettings()).toMatchObject({ learningDir: '/srv/clinical/learning', auditLogDir: '/srv/clinical/logs' });
  });
});
