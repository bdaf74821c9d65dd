import { audit, code, hits } from './helpers/audit';

const RULE = 'repo-tree-write';

const FS = "import * as fs from 'node:fs';\nimport * as path from 'node:path';\n";

describe('repo-tree-write', () => {
  it.each([
    [`${FS}fs.writeFileSync(path.join(__dirname, 'out.json'), '{}');`, ['3:18']],
    [`${FS}fs.mkdirSync(path.resolve(__dirname, '..', 'fixtures'), { recursive: true });`, ['3:14']],
    [`${FS}fs.rmSync(path.join(process.cwd(), 'build'), { recursive: true });`, ['3:11']],
    [`${FS}fs.appendFileSync('./log.txt', 'x');`, ['3:19']],
    [`${FS}fs.writeFileSync('out/report.json', '{}');`, ['3:18']],
    [`${FS}fs.unlinkSync(path.resolve('snapshot.txt'));`, ['3:15']],
    [
      `${FS}const out = path.join(__dirname, 'out');\nit('x', () => fs.writeFileSync(path.join(out, 'a.txt'), 'x'));`,
      ['4:32'],
    ],
    [`${FS}fs.copyFileSync(src, path.join(__dirname, 'copy.txt'));`, ['3:22']],
    [`${FS}fs.renameSync(path.join(__dirname, 'a'), elsewhere);`, ['3:15']],
    [`${FS}const stream = fs.createWriteStream(\`\${__dirname}/out.log\`);`, ['3:37']],
    [`${FS}await fs.promises.writeFile(path.join(__dirname, 'x'), '');`, ['3:29']],
    [
      "import { writeFile, rm as remove } from 'node:fs/promises';\nawait writeFile('x.txt', '');\nawait remove('./build');",
      ['2:17', '3:14'],
    ],
    ["const { mkdirSync } = require('fs');\nmkdirSync(__dirname + '/tmp');", ['2:11']],
    ["import fse from 'fs-extra';\nfse.outputFileSync(path.join(__dirname, 'gen.ts'), '');", ['2:20']],
    [`${FS}let dir = path.join(__dirname, 'out');\nfs.writeFileSync(path.join(dir, 'x'), '');`, ['4:18']],
    [`${FS}let dir = path.join(__dirname, 'out');\ndir = path.join(dir, 'sub');\nfs.writeFileSync(dir, '');`, ['5:18']],
    ["import fs = require('fs');\nfs.writeFileSync('./x.txt', '');", ['2:18']],
    ["const { promises: fsp } = require('node:fs');\nawait fsp.writeFile('./x.txt', '');", ['2:21']],
    ["import { promises } from 'fs';\nawait promises.rm(process.cwd() + '/x');", ['2:19']],
    [`${FS}fs.mkdirSync(deep ? './a/b' : './a');`, ['3:14']],
    [`${FS}fs.writeFileSync(path.dirname(__filename) + '/x', '');`, ['3:18']],
    [`${FS}fs.writeFileSync(path.join(import.meta.dirname, 'x'), '');`, ['3:18']],
  ])('flags %j', (source, at) => {
    expect(hits(source, RULE)).toEqual(at);
  });

  it.each([
    [
      `${FS}import * as os from 'node:os';\nconst dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));\nfs.writeFileSync(path.join(dir, 'a'), '');`,
    ],
    [
      `${FS}let dir: string;\nbeforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-')); });\nit('x', () => fs.writeFileSync(path.join(dir, 'a'), ''));`,
    ],
    [
      `${FS}import { tmpDir } from '@jest-perf/parallel/tmpDir';\nit('x', () => fs.writeFileSync(path.join(tmpDir(), 'a'), ''));`,
    ],
    [`${FS}const root = makeTempProject();\nfs.writeFileSync(path.join(root, 'a'), '');`],
    [`${FS}fs.writeFileSync(path.join(project.root, 'a'), '');`],
    [`${FS}function write(file: string) { fs.writeFileSync(file, ''); }`],
    [`${FS}fs.readFileSync(path.join(__dirname, 'fixture.json'), 'utf8');`],
    [`${FS}fs.existsSync('./out');`],
    [`${FS}fs.copyFileSync(path.join(__dirname, 'fixture.json'), path.join(tmp, 'copy.json'));`],
    [`${FS}fs.writeFileSync('/var/data/out.json', '');`],
    [`${FS}fs.writeFileSync(path.join(__dirname.length > 0 ? tmpDir() : other, 'x'), '');`],
    ["const store = new Map();\nstore.delete('./x');\nmemfs.writeFileSync('./x', '');"],
    [`${FS}const templateDir = path.join(__dirname, 'templates');\nfs.readdirSync(templateDir);`],
    [`${FS}fs.writeFileSync(process.env.OUT ?? './out.json', '');`],
    [`${FS}fs.writeFileSync(custom || path.join(os.tmpdir(), 'x'), '');`],
    [`${FS}fs.writeFileSync(path.relative(a, b), '');`],
  ])('does not flag %j', (source) => {
    expect(hits(source, RULE)).toEqual([]);
  });

  it('names the call and where the path starts', () => {
    const [finding] = audit(code(`${FS}fs.writeFileSync(path.join(__dirname, 'out.json'), '{}');`)).findings;

    expect(finding?.message).toBe(
      'writeFileSync writes into the repository tree (the path starts at __dirname (the source tree)): every worker and run shares it',
    );
    expect(finding?.fix).toContain('tmpDir()');
  });
});
