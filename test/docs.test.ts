// The generated docs stay in step with the registry (npm run docs rewrites them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorPage, indicatorTable } from '../dist/docs.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

describe('generated docs', () => {
  it('docs/indicators.md matches the registry (run npm run docs)', () => {
    expect(read('docs/indicators.md')).toBe(indicatorPage() + '\n');
  });

  it("the README's indicator table matches the registry (run npm run docs)", () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('<!-- indicator-table:begin -->') + '<!-- indicator-table:begin -->'.length, readme.indexOf('<!-- indicator-table:end -->'));
    expect(table.trim()).toBe(indicatorTable());
  });
});
