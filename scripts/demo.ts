// `npm start`: the demo session against the embedded simulated exchange.
// The exchange and the scripted session arrive with the client; until then
// this says so, so the README's first command never fails.
process.stdout.write("smarkets-streaming: demo arrives with the client (see README: 'Status').\n");
