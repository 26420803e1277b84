// Public supervision (接受社会监督) on the portal: the answered feedback of an item or publication and the form that
// posts to /feedback (urlencoded, works without JavaScript). Pure functions; no I/O.
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS } from '../feedback/feedback.policy.ts';
import type { PublicFeedback } from '../feedback/feedback.service.ts';
import { html, type Html } from './html.ts';

export type FeedbackTargetRef = { item: string } | { publication: string };

/** The form's action: the target travels in the query, so the form has no hidden fields. */
export function feedbackAction(target: FeedbackTargetRef): string {
  return 'item' in target ? `/feedback?item=${encodeURIComponent(target.item)}` : `/feedback?publication=${encodeURIComponent(target.publication)}`;
}

/** The feedback form; `values` refills it after a rejected submission. */
export function feedbackForm(target: FeedbackTargetRef, values: { category?: string; text?: string } = {}): Html {
  return html`<form class="feedback no-print" method="post" action="${feedbackAction(target)}">
<label>意见类型<select name="category">${FEEDBACK_CATEGORIES.map(
    (c) => html`<option value="${c}"${c === values.category ? html` selected` : ''}>${FEEDBACK_CATEGORY_LABELS[c]}</option>`,
  )}</select></label>
<label>意见内容（10～2000 字）<textarea name="text" rows="4" minlength="10" maxlength="2000" required>${values.text ?? ''}</textarea></label>
<div class="contact"><label>姓名（选填）<input name="name" maxlength="50" autocomplete="name"></label>
<label>电话（选填）<input name="phone" type="tel" maxlength="20" autocomplete="tel"></label>
<label>电子邮箱（选填）<input name="email" type="email" maxlength="100" autocomplete="email"></label></div>
<div class="hp" aria-hidden="true"><label>网址（请勿填写）<input name="website" tabindex="-1" autocomplete="off"></label></div>
<p class="note">联系方式仅供答复单位与您联系，不会公开；意见内容与答复将在本页公开。</p>
<button type="submit">提交意见</button></form>`;
}

/** Answered feedback, newest first; the number still awaiting an answer. */
export function answeredFeedback(items: PublicFeedback[], headingLevel: 'h2' | 'h3' = 'h3'): Html {
  const answered = items.filter((f) => f.answer);
  const pending = items.length - answered.length;
  const heading = headingLevel === 'h2' ? html`<h2 id="answered">已答复的意见</h2>` : html`<h3 id="answered">已答复的意见</h3>`;
  return html`${heading}${
    answered.length
      ? html`<ul class="answers">${answered.map(
          (f) => html`<li><p><span class="tag">${f.categoryLabel}</span>${f.submittedOn} 收到：${f.text}</p><p class="answer"><strong>答复</strong>（${(f.answeredAt ?? '').slice(0, 10)}）：${f.answer}</p></li>`,
        )}</ul>`
      : html`<p>暂无已答复的意见。</p>`
  }${pending ? html`<p class="note">另有 ${pending} 条意见正在办理，答复后在此公开。</p>` : ''}`;
}

/** A tag for ETags: changes when feedback is answered or arrives. */
export function feedbackTag(items: PublicFeedback[]): string {
  if (items.length === 0) return '';
  const answered = items.filter((f) => f.answer);
  const last = answered.map((f) => f.answeredAt ?? '').sort().pop() ?? '';
  return `-f${items.length}.${answered.length}.${last ? Date.parse(last).toString(36) : '0'}`;
}

export const FEEDBACK_CSS = `
form.feedback{display:grid;gap:.75rem;max-width:40rem}form.feedback label{display:flex;flex-direction:column;gap:.25rem}
form.feedback textarea{font:inherit;padding:.35rem .5rem}form.feedback .contact{display:flex;flex-wrap:wrap;gap:.75rem}
form.feedback button{justify-self:start}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
ul.answers{list-style:none;padding:0}ul.answers li{border-left:3px solid var(--line);padding:.25rem .75rem;margin:.75rem 0}.answer{margin:.25rem 0 0}
`;
