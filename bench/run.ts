// `npm run bench [-- <suite> [options]]`: suites foundation (default: all quick ones) and catalogue (1M items).
const [suite = 'foundation', ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], process.argv[1], ...rest];
if (suite === 'foundation') await import('./foundation.ts');
else if (suite === 'catalogue') await import('./catalogue.ts');
else {
  process.stderr.write(`unknown bench suite "${suite}": use foundation | catalogue\n`);
  process.exit(2);
}
