import {
  collectTags,
  describeId,
  extendTestId,
  makeTestId,
  parsePragmaTags,
  parseTitleTags,
  testIdAndTags,
  uniqueTestIds,
} from '../tags';

describe('parseTitleTags', () => {
  it('takes trailing @tags off the title', () => {
    expect(parseTitleTags('loads every dataset @slow @integration')).toEqual({
      title: 'loads every dataset',
      tags: ['slow', 'integration'],
    });
  });

  it('ignores @words that are not trailing', () => {
    expect(parseTitleTags('handles @mentions in text')).toEqual({ title: 'handles @mentions in text', tags: [] });
  });

  it('returns a title without tags unchanged', () => {
    expect(parseTitleTags('adds numbers')).toEqual({ title: 'adds numbers', tags: [] });
  });
});

describe('parsePragmaTags', () => {
  it('accepts comma or space separated lists, repeated pragmas and drops junk', () => {
    expect(parsePragmaTags('slow, integration')).toEqual(['slow', 'integration']);
    expect(parsePragmaTags(['serial', 'real_llm other'])).toEqual(['serial', 'real_llm', 'other']);
    expect(parsePragmaTags(undefined)).toEqual([]);
    expect(parsePragmaTags('1bad ok')).toEqual(['ok']);
  });
});

describe('collectTags', () => {
  it('merges file, describe and test tags once each, in that order', () => {
    expect(collectTags(['serial'], ['db @slow', 'query @slow @real_llm'])).toEqual(['serial', 'slow', 'real_llm']);
  });

  it('keeps the file tags once each, in a new array, when no title carries a tag', () => {
    const fileTags = ['serial', 'slow', 'serial'];

    expect(collectTags(fileTags, ['db', 'query'])).toEqual(['serial', 'slow']);
    expect(collectTags(['slow'], ['db'])).toEqual(['slow']);
    expect(collectTags(['slow'], ['db'])).not.toBe(collectTags(['slow'], ['db']));
    const one = ['slow'];
    expect(collectTags(one, [])).not.toBe(one);
    expect(collectTags([], ['query'])).toEqual([]);
  });

  it('merges duplicated file tags with title tags once each', () => {
    expect(collectTags(['slow', 'slow'], ['query @slow @db'])).toEqual(['slow', 'db']);
  });
});

describe('makeTestId', () => {
  it('joins file and titles with › and strips tags so tagging keeps the id', () => {
    expect(makeTestId('a/b.test.ts', ['Mapper @slow'], 'loads @integration')).toBe('a/b.test.ts › Mapper › loads');
    expect(makeTestId('a/b.test.ts', [], 'loads')).toBe(makeTestId('a/b.test.ts', [], 'loads @slow'));
  });
});

describe('describeId and extendTestId', () => {
  it.each([
    ['a/b.test.ts', ['Mapper @slow', ' nested '], 'loads @integration'],
    ['a/b.test.ts', [], 'top level'],
    ['a/b.test.ts', ['a › b'], ' spaced @x '],
  ])('build the same id as makeTestId: %s %j %s', (file, ancestorTitles, title) => {
    expect(extendTestId(describeId(file, ancestorTitles), title)).toBe(makeTestId(file, ancestorTitles, title));
  });

  it('gives a describe path the id its tests extend', () => {
    expect(describeId('a/b.test.ts', ['Mapper @slow', 'loads'])).toBe('a/b.test.ts › Mapper › loads');
    expect(describeId('a/b.test.ts', [])).toBe('a/b.test.ts');
  });
});

describe('testIdAndTags', () => {
  it.each([
    ['a/b.test.ts', ['serial'], ['Mapper @slow', ' nested '], 'loads @integration @slow'],
    ['a/b.test.ts', [], [], 'top level'],
    ['a/b.test.ts', ['x'], ['a › b @x'], ' spaced @x @y '],
  ])('gives the id and tags makeTestId and collectTags give: %s %j %j %s', (file, fileTags, ancestorTitles, title) => {
    const { id, tags } = testIdAndTags(describeId(file, ancestorTitles), collectTags(fileTags, ancestorTitles), title);

    expect(id).toBe(makeTestId(file, ancestorTitles, title));
    expect(tags).toEqual(collectTags(fileTags, [...ancestorTitles, title]));
  });

  it("shares the describe path's tags when the title has none (no array per test)", () => {
    const describeTags = ['slow'];

    expect(testIdAndTags('a/b.test.ts › Mapper', describeTags, 'maps').tags).toBe(describeTags);
  });
});

describe('uniqueTestIds', () => {
  it('leaves distinct ids as they are', () => {
    expect(uniqueTestIds(['f › a', 'f › b'])).toEqual(['f › a', 'f › b']);
  });

  it('numbers the repeats of one id from 2, in order', () => {
    expect(uniqueTestIds(['f › x', 'f › y', 'f › x', 'f › x'])).toEqual(['f › x', 'f › y', 'f › x #2', 'f › x #3']);
  });

  it('never gives a repeat the id another test has as its own', () => {
    expect(uniqueTestIds(['f › x', 'f › x', 'f › x #2'])).toEqual(['f › x', 'f › x #3', 'f › x #2']);
  });
});
