import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { consoleLogger, silentLogger, type LogLevel } from "../../runtime/logging/index.js";

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0, 0);
const STAMP = "2024-05-01T12:00:00.000Z";

function capture(level?: LogLevel) {
  const lines: string[] = [];
  const stream = { write: (text: string) => lines.push(text) };
  const logger = consoleLogger({ ...(level ? { level } : {}), stream, now: () => T0 });
  return { logger, lines };
}

function logAll(logger: ReturnType<typeof capture>["logger"]): void {
  logger.debug("d");
  logger.info("i");
  logger.warn("w");
  logger.error("e");
}

test("level filtering: each level writes itself and the levels above it", (t) => {
  const expected: Record<LogLevel, string[]> = {
    debug: ["d", "i", "w", "e"],
    info: ["i", "w", "e"],
    warn: ["w", "e"],
    error: ["e"],
    silent: [],
  };
  for (const [level, messages] of Object.entries(expected) as [LogLevel, string[]][]) {
    const { logger, lines } = capture(level);
    logAll(logger);
    t.deepEqual(
      lines.map((line) => line.trimEnd().split(" ").at(-1)),
      messages,
      level,
    );
    t.is(logger.level, level);
  }
});

test("the default level is info", (t) => {
  const { logger, lines } = capture();
  logAll(logger);
  t.is(lines.length, 3);
  t.is(logger.level, "info");
});

test("one line per entry: time, level, message, fields", (t) => {
  const { logger, lines } = capture("debug");
  logger.info("hello");
  logger.warn({ marketId: 12, label: "my order", big: 12345678901234567890n, ok: true, none: null }, "order sent");
  logger.debug({ quote: { price: 5000, quantity: 10n }, ids: [1, 2] });
  t.deepEqual(lines, [
    `${STAMP} INFO  hello\n`,
    `${STAMP} WARN  order sent marketId=12 label="my order" big=12345678901234567890 ok=true none=null\n`,
    `${STAMP} DEBUG quote={"price":5000,"quantity":10} ids=[1,2]\n`,
  ]);
});

test("newlines in messages and values are escaped, so an entry stays one line", (t) => {
  const { logger, lines } = capture();
  logger.info({ note: "two\nlines", nested: { s: "a\u2028b" } }, "first\nsecond\r");
  t.is(lines.length, 1);
  t.is(lines[0], `${STAMP} INFO  first\\nsecond\\r note="two\\nlines" nested={"s":"a\\u2028b"}\n`);
});

test("errors: (err, msg) logs the error under err with its cause; (err) uses its message", (t) => {
  const { logger, lines } = capture();
  const err = new ArgumentError("bad price 0", { cause: new RangeError("below 1") });
  logger.error(err, "order refused");
  logger.error(err);
  logger.warn({ err, detail: { err } });
  t.deepEqual(lines, [
    `${STAMP} ERROR order refused err="ArgumentError: bad price 0 (cause: RangeError: below 1)"\n`,
    `${STAMP} ERROR bad price 0 err="ArgumentError: bad price 0 (cause: RangeError: below 1)"\n`,
    `${STAMP} WARN  err="ArgumentError: bad price 0 (cause: RangeError: below 1)" detail={"err":{"name":"ArgumentError","message":"bad price 0","cause":{"name":"RangeError","message":"below 1"}}}\n`,
  ]);
});

test("child loggers add their bindings to every entry, nested children accumulate them", (t) => {
  const { logger, lines } = capture();
  const child = logger.child({ conn: 3 });
  const grandchild = child.child({ market: "m-1" });
  child.info("a");
  grandchild.info({ x: 1 }, "b");
  logger.info("c");
  t.deepEqual(lines, [`${STAMP} INFO  a conn=3\n`, `${STAMP} INFO  b conn=3 market=m-1 x=1\n`, `${STAMP} INFO  c\n`]);
  t.is(grandchild.level, "info");
});

test("children keep the parent's level", (t) => {
  const { logger, lines } = capture("warn");
  logger.child({ a: 1 }).info("dropped");
  logger.child({ a: 1 }).warn("kept");
  t.deepEqual(lines, [`${STAMP} WARN  kept a=1\n`]);
});

test("secret-named fields and bindings are redacted, at any depth", (t) => {
  const { logger, lines } = capture();
  logger.child({ token: "tok-1" }).info({ password: "pw-2", settings: { host: "h", tls: { key: "pem-3" }, apiKey: "k-4" } }, "login");
  t.is(lines[0], `${STAMP} INFO  login token=<redacted> password=<redacted> settings={"host":"h","tls":{"key":"<redacted>"},"apiKey":"<redacted>"}\n`);
});

test("odd values never throw: cycles, bytes, undefined, functions, a throwing stream", (t) => {
  const { logger, lines } = capture();
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic["self"] = cyclic;
  logger.info({ cyclic, bytes: new Uint8Array(3), gone: undefined, fn: function named() {}, when: new Date(T0), map: new Map([["k", 1n]]) });
  t.is(
    lines[0],
    `${STAMP} INFO  cyclic={"a":1,"self":"[circular]"} bytes=<3 bytes> fn=[function named] when="${STAMP}" map={"k":1}\n`,
  );
  const broken = consoleLogger({
    stream: {
      write: () => {
        throw new Error("EPIPE");
      },
    },
  });
  t.notThrows(() => broken.error("still fine"));
  // Untyped callers: a bare number or a non-string message.
  const untyped = logger as unknown as { info(a: unknown, b?: unknown): void };
  untyped.info(42, 7);
  t.is(lines[1], `${STAMP} INFO  7 value=42\n`);
});

test("an unknown level is refused with an error naming it and the allowed ones", (t) => {
  const err = t.throws(() => consoleLogger({ level: "verbose" as LogLevel }), { instanceOf: ArgumentError });
  t.is(err?.message, 'log level must be one of debug, info, warn, error, silent; got "verbose"');
});

test("writes to stderr by default", (t) => {
  const original = process.stderr.write;
  const written: string[] = [];
  process.stderr.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stderr.write;
  try {
    consoleLogger().warn("to stderr");
  } finally {
    process.stderr.write = original;
  }
  t.is(written.length, 1);
  t.regex(written[0] ?? "", /^\S+Z WARN  to stderr\n$/);
});

test("the silent logger accepts every call shape and writes nothing", (t) => {
  t.notThrows(() => {
    silentLogger.info("x");
    silentLogger.error({ a: 1 }, "y");
    silentLogger.child?.({ a: 1 }).debug("z");
  });
});
