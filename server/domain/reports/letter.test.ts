import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListChange } from '../publications/publications.service.ts';
import { findCjkFont, renderPdf } from '../seals/pdf.ts';
import { LETTER_MAX_DETAIL_CHARS, LETTER_MAX_LISTED_CHANGES, reportLetter, type LetterInput } from './letter.ts';

const change = (i: number, kind: ListChange['kind'] = 'changed', long = true): ListChange => ({
  kind, implementationCode: `C${i}`, newImplementationCode: null, name: long ? `内蒙古自治区某项行政许可事项名称较长的第${i}项` : `养犬登记${i}`, orgId: 'o', orgName: '乌审旗市场监督管理局',
  fromVersionNo: 1, toVersionNo: 2, decisionNumbers: long ? [`乌政务调〔2026〕${i}号`, `乌政务调〔2026〕${100 + i}号`] : [`乌政务调〔2026〕${i}号`], diff: [],
});

function input(changes: ListChange[]): LetterInput {
  const counts = { added: 0, cancelled: 0, delegated: 0, entrusted: 0, changed: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return { recipient: '鄂尔多斯市行政审批和政务服务局', sender: '乌审旗政务服务局', number: '乌审旗政务服务事项清单 2026年第3版', publishedAt: '2026-09-30T16:30:00.000Z', previous: '乌审旗政务服务事项清单 2026年第2版', itemCount: 533, counts, changes };
}

describe('the report letter', () => {
  it('is addressed to the city bureau, dated in China time, and counts the changes by kind', () => {
    const l = reportLetter(input([change(1, 'added'), change(2, 'cancelled'), change(3)]));
    expect(l.title).toBe('关于报备《乌审旗政务服务事项清单 2026年第3版》的函');
    expect(l.paragraphs[0]).toBe('鄂尔多斯市行政审批和政务服务局：');
    expect(l.paragraphs[1]).toContain('2026年10月1日公布');
    expect(l.paragraphs[2]).toBe('与上一期《乌审旗政务服务事项清单 2026年第2版》相比，共调整事项 3 项：新增 1 项，取消 1 项，变更 1 项。');
    expect(l.paragraphs[3]).toContain('乌政务调〔2026〕2号');
  });

  it(`lists up to ${LETTER_MAX_LISTED_CHANGES} changes while they fit; beyond, points to the attached list and names the decisions`, () => {
    const few = reportLetter(input(Array.from({ length: 10 }, (_, i) => change(i + 1, 'changed', false))));
    expect(few.paragraphs.join('')).toContain('10. 变更“养犬登记10”（乌政务调〔2026〕10号）');
    // Few changes with long names and many decisions would not fit: summarised as well.
    expect(reportLetter(input(Array.from({ length: 8 }, (_, i) => change(i + 1)))).paragraphs.join('')).toContain('详见附件清单');
    const many = reportLetter(input(Array.from({ length: LETTER_MAX_LISTED_CHANGES + 1 }, (_, i) => change(i + 1))));
    const text = many.paragraphs.join('');
    expect(text).toContain('详见附件清单');
    expect(text).not.toContain('1. 变更');
    expect(text).toContain('乌政务调〔2026〕1号');
    expect(text).toContain(`等 ${(LETTER_MAX_LISTED_CHANGES + 1) * 2} 件`);
  });

  it('says so for a first publication and for one without changes', () => {
    expect(reportLetter({ ...input([]), previous: null }).paragraphs.join('')).toContain('本期为首次公布');
    expect(reportLetter(input([])).paragraphs.join('')).toContain('事项无变化');
  });

  it.skipIf(!findCjkFont())('stays on one page with the most it lists', async () => {
    const l = reportLetter(input([]));
    l.paragraphs[2] = `${'调整明细'.repeat(LETTER_MAX_DETAIL_CHARS / 4)}`;
    l.paragraphs[1] += '（较长的公布说明）'.repeat(3);
    const pdf = await renderPdf({ ...l, issuer: '乌审旗政务服务局', date: '2026年10月1日', seal: { rim: '乌审旗政务服务局', bottom: '电子印章' }, footer: 'verify' }, new Date());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-letter-')), 'letter.pdf');
    fs.writeFileSync(file, pdf);
    try {
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      expect(pdf.toString('latin1').match(/\/Type \/Page\n/g)).toHaveLength(1);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
