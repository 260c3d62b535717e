// The shared argument parser and conversions: every mistake names the flag and the value.
import test from "ava";
import { choiceArg, integerArg, parseArgs, positiveNumberArg, uint64Arg } from "../../cli/args.js";
import { ArgumentError } from "../../runtime/errors.js";

const FLAGS = { "--port": "value", "--plain": "switch", "--label": "value" } as const;

test("flags with values (both spellings), switches and positionals", (t) => {
  const a = parseArgs(["7", "--port", "3701", "--plain", "--label=a=b"], FLAGS, 1);
  t.false(a.help);
  t.deepEqual(a.positionals, ["7"]);
  t.is(a.values.get("--port"), "3701");
  t.is(a.values.get("--label"), "a=b");
  t.true(a.switches.has("--plain"));
});

test("-- ends the flags; a negative number is a positional for the command to judge", (t) => {
  t.deepEqual(parseArgs(["--", "--plain"], FLAGS, 1).positionals, ["--plain"]);
  t.deepEqual(parseArgs(["-5"], FLAGS, 1).positionals, ["-5"]);
  t.is(parseArgs(["--label", "-x"], FLAGS, 0).values.get("--label"), "-x");
});

test("--help or -h anywhere asks for help, whatever else is wrong", (t) => {
  t.true(parseArgs(["--bogus", "-h"], FLAGS, 0).help);
  t.true(parseArgs(["x", "y", "--help"], FLAGS, 0).help);
});

for (const [argv, message] of [
  [["--bogus"], /^unknown option "--bogus"$/],
  [["--port"], /^--port needs a value$/],
  [["--port", "--plain"], /^--port needs a value$/],
  [["--port="], /^--port needs a value$/],
  [["--plain=yes"], /^--plain takes no value, got "yes"$/],
  [["--port", "1", "--port", "2"], /^--port is given more than once$/],
  [["--plain", "--plain"], /^--plain is given more than once$/],
  [["a", "b"], /^unexpected argument "b"$/],
] as const) {
  test(`parseArgs refuses ${JSON.stringify(argv)}`, (t) => {
    t.throws(() => parseArgs(argv, FLAGS, 1), { instanceOf: ArgumentError, message });
  });
}

test("integerArg: decimal digits within the range, else the flag and the value are named", (t) => {
  t.is(integerArg("--count", "10", 1, 10), 10);
  for (const bad of ["0", "11", "1.5", "1e1", " 5", "0x5", "-1", ""]) {
    t.throws(() => integerArg("--count", bad, 1, 10), { instanceOf: ArgumentError, message: `--count must be a whole number from 1 to 10, got ${JSON.stringify(bad)}` });
  }
});

test("uint64Arg covers the whole 64-bit range and no more", (t) => {
  t.is(uint64Arg("<orderId>", "18446744073709551615", 1n), (1n << 64n) - 1n);
  t.is(uint64Arg("--reference", "0", 0n), 0n);
  t.throws(() => uint64Arg("<orderId>", "18446744073709551616", 1n), { message: /<orderId> must be a whole number from 1 to 18446744073709551615, got "18446744073709551616"/ });
  t.throws(() => uint64Arg("<orderId>", "0", 1n), { message: /got "0"/ });
  t.throws(() => uint64Arg("<orderId>", "12a", 1n), { message: /got "12a"/ });
});

test("positiveNumberArg and choiceArg", (t) => {
  t.is(positiveNumberArg("--seconds", "0.5", 10), 0.5);
  for (const bad of ["0", "-1", "11", "abc", "1."]) t.throws(() => positiveNumberArg("--seconds", bad, 10), { message: new RegExp(`^--seconds must be a number above 0 and at most 10, got "${bad.replace(".", "\\.")}"$`) });
  t.is(choiceArg("--side", "sell", { buy: 1, sell: 2 }), 2);
  t.throws(() => choiceArg("--side", "hold", { buy: 1, sell: 2 }), { message: '--side must be one of buy, sell, got "hold"' });
  t.throws(() => choiceArg("--side", "toString", { buy: 1 }), { message: /got "toString"/ }, "inherited names are not choices");
});
