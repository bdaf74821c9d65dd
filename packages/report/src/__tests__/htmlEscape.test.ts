import { escapeHtml, jsonForScript } from '../html/escape';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves other text, test-id separators included, as it is', () => {
    expect(escapeHtml('src/a.test.ts › group › does thing')).toBe('src/a.test.ts › group › does thing');
  });
});

describe('jsonForScript', () => {
  const hostile = {
    title: '</script><script>alert(1)</script>',
    comment: '<!-- x -->',
    amp: 'a & b',
    line: 'a\u2028b\u2029c',
  };

  it('never holds a sequence that could close the script element or open a comment', () => {
    const json = jsonForScript(hostile);

    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('parses back to exactly the same value', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
  });
});
