// `npm run bench [-- <suite> [options]]`: suites foundation (default: all quick ones), catalogue (1M items), import (the
// catalogue suite's spreadsheet import alone) and portal (HTTP at 1M items).
const [suite = 'foundation', ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], process.argv[1], ...rest];
if (suite === 'foundation') await import('./foundation.ts');
else if (suite === 'catalogue') await import('./catalogue.ts');
else if (suite === 'import') await import('./import.ts');
else if (suite === 'portal') await import('./portal.ts');
else {
  process.stderr.write(`unknown bench suite "${suite}": use foundation | catalogue | import | portal\n`);
  process.exit(2);
}
