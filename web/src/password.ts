// No 0/O, 1/l/I: initial passwords are read out or copied by hand.
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYMBOLS = '#%+=@';

/** A random 14-character initial password with upper, lower, digit and symbol. */
export function generatePassword(): string {
  const random = new Uint32Array(14);
  crypto.getRandomValues(random);
  const chars = Array.from(random, (n) => CHARS.charAt(n % CHARS.length));
  chars[3] = SYMBOLS.charAt((random[3] ?? 0) % SYMBOLS.length);
  chars[7] = String(2 + ((random[7] ?? 0) % 8));
  chars[0] = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.charAt((random[0] ?? 0) % 24);
  chars[1] = 'abcdefghijkmnopqrstuvwxyz'.charAt((random[1] ?? 0) % 25);
  return chars.join('');
}
