// `node bench/load-child.ts <optionsJSON>`: one autocannon run in its own process (so the load generator does not
// share the server's event loop). Prints the autocannon result as JSON.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]) as autocannon.Options;
const result = await autocannon(options);
process.stdout.write(JSON.stringify(result));
