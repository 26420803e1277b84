// GB 32100-2015 统一社会信用代码: immediate feedback in forms; the server validates again.
import { isValidUscc } from '../../common/checksums.ts';

/** Why a USCC is invalid (Chinese), or null when it passes both check characters. */
export function usccProblem(value: string): string | null {
  if (value.length !== 18) return '统一社会信用代码应为 18 位';
  if (/[a-z]/.test(value)) return '统一社会信用代码应使用大写字母';
  const bad = /[^0-9A-HJ-NP-RTUWXY]/.exec(value);
  if (bad) return `字符“${bad[0]}”不合法（不使用 I、O、S、V、Z）`;
  return isValidUscc(value) ? null : '统一社会信用代码校验位不正确';
}
