// Test data builders: realistic, valid by default, overridable per test. The element sets live in common/ so that
// the web tests build the same ones.
export { itemElements, uniformElements } from '../../common/test-fixtures.ts';

let counter = 0;

/** A unique 12-character basic code in the synthetic 内蒙古 (150000) catalogue range 1509xxxxxxxx. */
export function nextBasicCode(): string {
  counter += 1;
  return `1509${String(Date.now() % 1_000_000).padStart(6, '0')}${String(counter % 100).padStart(2, '0')}`;
}
