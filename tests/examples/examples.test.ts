// Every example in examples/ (the README's snippets) runs and says what it should.
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectRoot } from "../helpers/shared.js";

const run = promisify(execFile);
const tsx = `${projectRoot}/node_modules/.bin/tsx`;

const expectations: Record<string, RegExp[]> = {
  "quickstart.ts": [/logged in: session \S+/, /ping: \d+\.\d\d ms/, /market 1: 2 contracts/, /order \d+ accepted \(request seq 4/, /logout: LOGOUT_CONFIRMATION/],
  "handlers.ts": [/status: logged-in/, /throttle: \d+\/s/, /#1 eto\.login_response/, /snapshot of market 1/, /status: closed/],
  "resume.ts": [/resumed \S+: true/, /reconnecting in \d+ ms \(attempt 1\)/, /logged in \(resumed\)/, /same session: true/],
  "trading.ts": [
    /best offer: \{ price: 4000, quantity: 200000n \}/,
    /partially-executed: executed 200000, remaining 100000/,
    /rejected: ORDER_REJECTED_MARKET_NOT_FOUND/,
    /OrderValidationError: price 2501 bps is not on the odds ladder/,
  ],
  "durable.ts": [/bot ended by SIGKILL/, /the store held session \S+, order 42 pending/, /resumed: true; order 42 live/],
  "prices-and-ids.ts": [/25% 4\.0 3 to 1 \+300/, /33 20/, /'98\.04%', '99\.01%', '99\.99%'/, /Account 00000000000400000000000072c6acc1 4n 29382n/],
};

for (const [file, patterns] of Object.entries(expectations)) {
  test(`examples/${file} runs`, async (t) => {
    const { stdout } = await run(tsx, [`examples/${file}`], { cwd: projectRoot, timeout: 60_000 });
    for (const p of patterns) t.regex(stdout, p);
  });
}
