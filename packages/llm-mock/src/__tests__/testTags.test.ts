import { docblockTags, testHasTag } from '../testTags';

describe('docblockTags', () => {
  it('reads @tags from the first docblock, after a shebang, in any list form', () => {
    expect(docblockTags('#!/usr/bin/env node\n/**\n * @tags slow, real_llm\n * @tags serial\n */\ncode();')).toEqual([
      'slow',
      'real_llm',
      'serial',
    ]);
    expect(docblockTags('/** @tags real_llm */\nit()')).toEqual(['real_llm']);
  });

  it('ignores a docblock that is not first, and files without one', () => {
    expect(docblockTags('import x from "y";\n/** @tags real_llm */')).toEqual([]);
    expect(docblockTags('// @tags real_llm')).toEqual([]);
  });
});

describe('testHasTag', () => {
  it('reads title tags and a missing file as no file tags', () => {
    expect(testHasTag('real_llm', 'x @real_llm', undefined)).toBe(true);
    expect(testHasTag('real_llm', 'x', '/nowhere/at/all.test.ts')).toBe(false);
    expect(testHasTag('real_llm', undefined, undefined)).toBe(false);
  });
});
