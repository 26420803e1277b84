// Reading the server-rendered public pages in tests: their visible text, and the structure accessibility needs.
import { expect } from 'vitest';

/** The visible text of an HTML page: styles and tags dropped, entities decoded, whitespace folded. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * What axe-core checks structurally and what the public pages promise: a language, a titled page, a skip link to
 * main, no script, one h1 first and no skipped heading levels, headers with scope, a caption per table, a label
 * around every field and a name on every chart. `lang`, when given, is the one language the page must declare.
 */
export function expectAccessible(html: string, lang?: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  if (lang) expect(html).toContain(`<html lang="${lang}">`);
  else expect(html).toMatch(/<html lang="(zh-CN|en|mn-Mong)"/);
  expect(html).toMatch(/<title>[^<]*\p{Script=Han}[^<]*<\/title>/u);
  expect(html).toMatch(/<a class="skip" href="#main">/);
  expect(html).toMatch(/<main id="main"[\s>]/);
  expect(html).not.toMatch(/<script/i);
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading order ${levels.join(',')}`).toBeLessThanOrEqual(levels[i - 1] + 1);
  });
  for (const th of html.match(/<th[\s>][^>]*>?/g) ?? []) expect(th).toMatch(/scope="(col|row)"/);
  expect(html.match(/<caption>/g)?.length ?? 0).toBe(html.match(/<table[\s>]/g)?.length ?? 0);
  for (const input of html.match(/<(input|select|textarea)[^>]*>/g) ?? []) {
    expect(html, input).toMatch(new RegExp(`<label>[^<]*${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  for (const svg of html.match(/<svg[^>]*>/g) ?? []) expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
}
