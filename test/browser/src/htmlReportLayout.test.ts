import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type GeneratedProject, generateProject, REGRESSED_ID, STEPPED_ID } from './generateProject';
import { CLI, IMAGES, jestPerf, jestPerfStatus, launchChromium } from './harness';

// What a user sees of the page, at a wide and a narrow window, for a project with one run in its history and for
// one with several runs and a regression (issue 19: trends, badges, numbers, labels, the check's verdicts).
const TESTS = 2_000;
const RUNS = 20;
const WIDTHS = [1400, 800] as const;

interface Case {
  name: 'one-run' | 'several-runs';
  project: GeneratedProject;
  html: string;
  /** `jest-perf check`'s counts line for the same run: `1 regressed, 0 unconfirmed, …`. */
  checkCounts: string;
}

/**
 * A project whose report shows `RUNS` runs (`several-runs`), or only the newest (`one-run`: the history was
 * cleared after the baseline was built, as on a CI machine that keeps only the committed baseline).
 */
function reportCase(name: Case['name']): Case {
  const project = generateProject(TESTS, RUNS);
  for (let i = 0; i < RUNS - 1; i += 1) project.saveRun(i);
  // The generated runs hold failing tests on purpose (the report shows statuses): --force builds from them anyway.
  jestPerf(['baseline', '--from-history', '10', '--force'], project.root);
  if (name === 'one-run') {
    fs.rmSync(project.paths.runsDir, { recursive: true, force: true });
    fs.rmSync(project.paths.history, { force: true });
  }
  project.saveRun(RUNS - 1);
  const html = path.join(project.root, 'report.html');
  jestPerf(['report', '--format', 'html', '--out', html], project.root);
  const check = jestPerfStatus(['check'], project.root);
  expect(check.status).toBe(1);
  const counts = /^tests: (.*)$/m.exec(check.stdout)?.[1];
  if (!counts) throw new Error(`no counts line in the check's output:\n${check.stdout}`);
  return { name, project, html, checkCounts: counts };
}

let browser: Browser;
const cases: Case[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build the packages first (pnpm build)`);
  cases.push(reportCase('one-run'), reportCase('several-runs'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const c of cases) c.project.remove();
});

async function open(c: Case, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  await page.goto(pathToFileURL(c.html).href, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready-ms]');
  return page;
}

/** The elements (by selector) whose text runs over more than one line, with how many lines and how tall. */
function wrapped(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set(
        Array.from(range.getClientRects())
          .filter((rect) => rect.width > 0)
          .map((rect) => Math.round(rect.top)),
      ).size;
      const style = getComputedStyle(element);
      // A table cell is as tall as its row: measure its text. A badge must itself be one line tall.
      const height =
        style.display === 'table-cell' ? range.getBoundingClientRect().height : element.getBoundingClientRect().height;
      const chrome =
        style.display === 'table-cell'
          ? 0
          : Number.parseFloat(style.paddingTop) +
            Number.parseFloat(style.paddingBottom) +
            Number.parseFloat(style.borderTopWidth) +
            Number.parseFloat(style.borderBottomWidth);
      const oneLine = lines === 1 && height <= Number.parseFloat(style.lineHeight) + chrome + 0.5;
      return oneLine ? [] : [{ text: element.textContent, lines, height, lineHeight: style.lineHeight }];
    }),
  );
}

describe.each(['one-run', 'several-runs'] as const)('the HTML report with %s of history', (name) => {
  const theCase = () => cases.find((c) => c.name === name) as Case;

  describe.each(WIDTHS)('at %i px wide', (width) => {
    let page: Page;
    beforeAll(async () => {
      page = await open(theCase(), width);
    });
    afterAll(() => page?.close());

    it('never wraps a verdict or status badge', async () => {
      const badges = '#regressions .verdict, .trend .badge, #tests-table td.status, #flaky .verdict';
      expect(await page.locator(badges).count()).toBeGreaterThan(200);
      expect(await wrapped(page, badges)).toEqual([]);
    });

    it('fits the window: nothing scrolls sideways', async () => {
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        sections: Array.from(document.querySelectorAll('section'))
          .filter((s) => s.scrollWidth > s.clientWidth)
          .map((s) => s.id),
      }));
      expect(overflow).toEqual({ page: 0, sections: [] });
    });

    it('shows every slowest-test label whole, nothing cut, with the full id on hover', async () => {
      const bars = await page.locator('#chart-slowest li.bar').evaluateAll((items) =>
        items.map((item) => {
          const label = item.querySelector('.bar-label') as HTMLElement;
          return {
            shown: label.textContent,
            id: item.getAttribute('data-label'),
            title: item.getAttribute('title'),
            clipped: label.scrollWidth > label.clientWidth,
          };
        }),
      );
      expect(bars).toHaveLength(10);
      for (const bar of bars) {
        expect(bar.shown).toBe(bar.id);
        expect(bar.title?.startsWith(`${bar.id}: `)).toBe(true);
        expect(bar.clipped).toBe(false);
      }
    });

    it('formats every number: times in ms or s, counters in their unit, counts whole, never NaN', async () => {
      const counters = await page
        .locator('#counters-table tbody tr')
        .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent)));
      expect(counters).toEqual([
        ['fixtureCache', 'hits', '45'],
        ['fixtureCache', 'misses', '5'],
        ['fixtureCache', 'memoryHits', '20'],
        ['fixtureCache', 'timeSavedMs', '12.00 s'],
        ['fixtureCache', 'buildMs', '3.00 s'],
      ]);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (cells apart) is what a user reads
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('NaN');
      // No raw float anywhere: at most two decimals (`4.02 s`, `×3.02`); only the speed factor (`× 1.000`) and
      // ISO times (`09:00:00.000Z`) have more.
      expect(text.match(/(?<!× ?)\d\.\d{3,}(?!\d*Z)/g)).toBeNull();
    });

    it('shows the same regression counts as `jest-perf check` of the same run', async () => {
      const { checkCounts } = theCase();
      const banner = await page.locator('#regressions .banner').textContent();
      expect(banner).toContain(`tests: ${checkCounts}.`);
      const regressed = /^(\d+) regressed/.exec(checkCounts)?.[1];
      expect(await page.locator('#summary [data-key="regressed"] .value').textContent()).toBe(regressed);
      expect(await page.locator('#regressions-table tr.regressed td:nth-child(2)').allTextContents()).toContain(
        REGRESSED_ID,
      );
    });

    it('keeps a screenshot of the page down to its regressions', async () => {
      const bottom = await page.locator('#regressions').evaluate((s) => s.getBoundingClientRect().bottom + scrollY);
      const file = path.join(IMAGES, `html-report-${name}-${width}.png`);
      // jest-perf-audit-allow repo-tree-write: the docs screenshots are this test's product (one test per file)
      fs.mkdirSync(IMAGES, { recursive: true });
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(bottom) + 8 } });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    });
  });
});

describe('the trends section', () => {
  let page: Page;
  afterEach(() => page?.close());

  it('is one line, with no chart, when the history holds one run', async () => {
    page = await open(cases.find((c) => c.name === 'one-run') as Case, 800);
    const trends = page.locator('#trends');
    expect(await trends.locator('figure, svg').count()).toBe(0);
    expect(await trends.locator('.note').textContent()).toBe(
      'Trends need 3 tracked runs; the history has 1 so far (each tracked run adds one).',
    );
    expect(await wrapped(page, '#trends .note')).toEqual([]);
    // Heading and note share the line: the section is as tall as its heading plus its padding.
    const heights = await trends.evaluate((section) => ({
      section: section.getBoundingClientRect().height,
      heading: (section.querySelector('h2') as HTMLElement).getBoundingClientRect().height,
    }));
    expect(heights.section).toBeLessThan(heights.heading + 30);
  });

  it('draws the tests that changed the most, each over every run, with several runs of history', async () => {
    page = await open(cases.find((c) => c.name === 'several-runs') as Case, 1400);
    const figures = await page
      .locator('#trends figure.trend')
      .evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-test-id'), item.querySelectorAll('circle.point').length]),
      );
    // The regression adds 600 ms, the step 100 ms: the larger change first.
    expect(figures).toEqual([
      [REGRESSED_ID, RUNS],
      [STEPPED_ID, RUNS],
    ]);
  });
});
