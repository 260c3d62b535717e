// Preloaded into each process bench/import.ts starts (node --import): on
// exit, reports the process's CPU time (user + system, startup included) on
// stderr, which a busy machine disturbs less than wall time.
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-us ${user + system}\n`);
});
