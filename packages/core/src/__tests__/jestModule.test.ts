import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jestSearchDirs, type PnpResolver, resolveFromProject } from '../jestModule';

let root: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-perf-resolve-')));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('resolveFromProject', () => {
  it("finds a package of the project's Jest (jest → jest-cli → jest-config) that the project itself lacks", () => {
    write('app/package.json', '{}');
    // Laid out like a strict install: jest-cli and jest-config are jest's, not the project's.
    write('store/jest/package.json', '{"name":"jest"}');
    write('store/jest/node_modules/jest-cli/package.json', '{"name":"jest-cli"}');
    write('store/jest/node_modules/jest-cli/node_modules/jest-config/package.json', '{"name":"jest-config"}');
    write(
      'store/jest/node_modules/jest-cli/node_modules/jest-config/node_modules/jest-environment-node/package.json',
      '{"main":"env.js"}',
    );
    write('store/jest/node_modules/jest-cli/node_modules/jest-config/node_modules/jest-environment-node/env.js', '');
    fs.mkdirSync(path.join(root, 'app/node_modules'));
    fs.symlinkSync(path.join(root, 'store/jest'), path.join(root, 'app/node_modules/jest'));

    const found = resolveFromProject('jest-environment-node', path.join(root, 'app'));

    expect(found).toBe(
      path.join(
        root,
        'store/jest/node_modules/jest-cli/node_modules/jest-config/node_modules/jest-environment-node/env.js',
      ),
    );
    expect(jestSearchDirs(path.join(root, 'app')).slice(0, 4)).toEqual([
      path.join(root, 'app'),
      path.join(root, 'store/jest'),
      path.join(root, 'store/jest/node_modules/jest-cli'),
      path.join(root, 'store/jest/node_modules/jest-cli/node_modules/jest-config'),
    ]);
  });

  it("prefers the project's own copy, and resolves sub paths and relative paths", () => {
    write('node_modules/@scope/env/package.json', '{"main":"main.js"}');
    write('node_modules/@scope/env/main.js', '');
    write('node_modules/@scope/env/other.js', '');
    write('envs/mine.js', '');

    expect(resolveFromProject('@scope/env', root)).toBe(path.join(root, 'node_modules/@scope/env/main.js'));
    expect(resolveFromProject('@scope/env/other', root)).toBe(path.join(root, 'node_modules/@scope/env/other.js'));
    expect(resolveFromProject('./envs/mine.js', root)).toBe(path.join(root, 'envs/mine.js'));
  });

  it('returns undefined when neither the project nor its Jest has the module', () => {
    write('package.json', '{}');

    expect(resolveFromProject('jest-environment-jsdom', root)).toBeUndefined();
    expect(resolveFromProject('./missing.js', root)).toBeUndefined();
  });

  describe("under Yarn Plug'n'Play (no node_modules to walk)", () => {
    /** A resolver that knows one package per issuer folder, and throws for the rest as pnpapi does. */
    function fakePnp(known: Record<string, Record<string, string>>): PnpResolver & { issuers: string[] } {
      const issuers: string[] = [];
      return {
        issuers,
        resolveRequest(request, issuer) {
          issuers.push(issuer);
          const found = known[issuer]?.[request];
          if (found === undefined) throw new Error(`${issuer} does not depend on ${request}`);
          return found;
        },
      };
    }

    it("asks Plug'n'Play from the project's folder", () => {
      const pnp = fakePnp({ [`${root}${path.sep}`]: { 'jest-environment-jsdom': '/cache/jsdom.zip/index.js' } });

      expect(resolveFromProject('jest-environment-jsdom', root, pnp)).toBe('/cache/jsdom.zip/index.js');
      expect(pnp.issuers).toEqual([`${root}${path.sep}`]);
    });

    it("then from the folders of the running Jest's packages, which depend on Jest's own environments", () => {
      // A worker has jest-runner loaded: a stand-in, loaded here so that it is among the loaded modules.
      write('cache/jest-runner.zip/node_modules/jest-runner/build/index.js', 'module.exports = {};');
      require(path.join(root, 'cache/jest-runner.zip/node_modules/jest-runner/build/index.js'));
      const jestDir = `${path.join(root, 'cache/jest-runner.zip/node_modules/jest-runner')}${path.sep}`;
      const pnp = fakePnp({ [jestDir]: { 'jest-environment-node': '/cache/node.zip/index.js' } });

      expect(resolveFromProject('jest-environment-node', root, pnp)).toBe('/cache/node.zip/index.js');
      expect(pnp.issuers[0]).toBe(`${root}${path.sep}`);
      expect(resolveFromProject('jest-environment-missing', root, pnp)).toBeUndefined();
    });

    it('resolves relative paths from rootDir as without it', () => {
      write('envs/mine.js', '');

      expect(resolveFromProject('./envs/mine.js', root, fakePnp({}))).toBe(path.join(root, 'envs/mine.js'));
    });
  });
});
