import * as api from '../index';

describe('public entry', () => {
  it('exports the report model, its renderers, the comparison and the marked-section update', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_PROFILE_OPTIONS',
      'SECTION_END',
      'SECTION_START',
      'VERDICT_ORDER',
      'appendStepSummary',
      'buildReport',
      'compareRuns',
      'defaultRows',
      'formatChangePoint',
      'formatSpeed',
      'formatSpeedup',
      'githubAnnotations',
      'markdownTable',
      'metricValue',
      'profileFixtures',
      'renderComparison',
      'renderHookProfiles',
      'renderHtmlReport',
      'renderJson',
      'renderMarkdown',
      'replaceMarkedSection',
      'uncategorizedSlowTests',
      'updateMarkedSection',
    ]);
  });
});
