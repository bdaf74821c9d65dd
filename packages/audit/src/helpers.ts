import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { parseSource } from './parse';

/**
 * The local modules a test file imports (`import ... from './helpers/setup'`, `require('../fixtures')`),
 * read and parsed once per audit: rules look there for the afterEach that restores what a test changes.
 */

/** Relative module names the file imports or requires at its top level. */
export function relativeImports(sourceFile: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const add = (node: ts.Expression | undefined) => {
    if (node && ts.isStringLiteralLike(node) && node.text.startsWith('.')) specifiers.push(node.text);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) add(statement.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (
          value &&
          ts.isCallExpression(value) &&
          ts.isIdentifier(value.expression) &&
          value.expression.text === 'require'
        ) {
          add(value.arguments[0]);
        }
      }
    }
  }
  return specifiers;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The file a relative specifier names, the way TypeScript finds it (`./a.js` may be `./a.ts`). */
export function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => stem + extension),
    ...EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => EXTENSIONS.includes(path.extname(candidate)) && isFile(candidate));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Loads and caches the parsed helpers of files on disk. */
export class HelperLoader {
  private readonly parsed = new Map<string, ts.SourceFile | null>();

  helpersOf(absoluteFile: string, sourceFile: ts.SourceFile): ts.SourceFile[] {
    const helpers: ts.SourceFile[] = [];
    for (const specifier of relativeImports(sourceFile)) {
      const resolved = resolveRelative(absoluteFile, specifier);
      const helper = resolved === undefined ? null : this.load(resolved);
      if (helper) helpers.push(helper);
    }
    return helpers;
  }

  private load(file: string): ts.SourceFile | null {
    let helper = this.parsed.get(file);
    if (helper === undefined) {
      try {
        helper = parseSource(file, fs.readFileSync(file, 'utf8'));
      } catch {
        helper = null;
      }
      this.parsed.set(file, helper);
    }
    return helper;
  }
}
