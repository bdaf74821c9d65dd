import { audit, code, hits } from './helpers/audit';

const RULE = 'fixed-port';

describe('fixed-port', () => {
  it.each([
    ['server.listen(3000);', '1:15'],
    ["app.listen('8080', () => {});", '1:12'],
    ['const PORT = 4000;\nbeforeAll(() => server.listen(PORT));', '2:31'],
    ['startServer({ host: "127.0.0.1", port: 9229 });', '1:40'],
    ['const wss = new WebSocketServer({ port: 8080 });', '1:41'],
    ['http.createServer(handler).listen(3000);', '1:35'],
    ['server.listen({ port: 4000, host: "127.0.0.1" });', '1:23'],
    ['const socket = net.connect({ port: 6379 });', '1:36'],
    ["const client = new Client('localhost:5432');", '1:27'],
    ["await fetch('http://localhost:3000/health');", '1:13'],
    ["const url = 'ws://127.0.0.1:8080/socket';", '1:13'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['const base = `http://localhost:3000/${path}`;', '1:14'],
    ["connect('0.0.0.0:80');", '1:9'],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual([at]);
  });

  it.each([
    ['server.listen(0);'],
    ["server.listen(0, '127.0.0.1', resolve);"],
    ['server.listen();'],
    ['server.listen(port);'],
    ['startServer({ host: "127.0.0.1", port: 0 });'],
    ['startServer({ port });'],
    ['const options = { port: server.address().port };'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal is the input
    ['const url = `http://127.0.0.1:${port}/health`;'],
    ["const url = 'http://localhost/health';"],
    ["const host = 'example.com:8080';"],
    ["const url = 'http://mylocalhost:3000';"],
    ["expect(normaliseHost('localhost')).toBe('http://localhost:11434');"],
    ['expect(config).toEqual({ port: 8080 });'],
    ["it.each([['127.0.0.1:9999', 'http://127.0.0.1:9999']])('normalises %s', (value, expected) => {});"],
    ["it('talks to localhost:3000 in its title only', () => {});"],
    ['emitter.listen(70000);'],
    // Not a server's or client's options: test data or config under test.
    ["const env = { PORT: '5432' };"],
    ["const input = { host: 'db', port: 5432 };\nexpect(format(input)).toBe('db:5432');"],
    // Not a well-formed address: prose, or an invalid URL a test feeds to a parser.
    ["const url = 'http://localhost:61500this is an invalid url!!!!';"],
    ["logger.info('Server running at http://localhost:3000');"],
    ["const message = 'connect ECONNREFUSED 127.0.0.1:3000';"],
    // Interceptors: nock and msw answer the request in the process; no port is opened or reached.
    ["nock('http://localhost:3000').get('/user').reply(200, {});"],
    ["const handlers = [http.get('http://localhost:3000/user', () => HttpResponse.json({}))];"],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it('says why and how to fix it', () => {
    const [finding] = audit(code('server.listen(3000);')).findings;

    expect(finding?.message).toBe('listen(3000) binds a fixed port: two workers (or two runs) collide');
    expect(finding?.fix).toContain('port 0');
  });

  it('names the address of a URL', () => {
    // jest-perf-audit-allow fixed-port: a fixture source in a string; nothing connects to it
    const [finding] = audit(code("const url = 'http://localhost:3000/x';")).findings;

    expect(finding?.message).toBe('localhost:3000 is a fixed address: a server there is shared by every worker');
  });
});
