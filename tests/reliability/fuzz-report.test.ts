// The fuzz's note on busy processes sharing cores: a client worker counts
// twice (it drives a hostile server in a process of its own).
import test from "ava";
import { coreShareNote } from "../../reliability/fuzz/report.js";

test("a client worker and its hostile server on two cores need no note", (t) => {
  t.is(coreShareNote({ target: "client", workers: 1 }, 2), undefined);
  t.is(coreShareNote({ target: "exchange", workers: 2 }, 2), undefined);
});

test("two client workers on two cores are four busy processes: the note says so and what to use", (t) => {
  const note = coreShareNote({ target: "client", workers: 2 }, 2);
  t.is(note, "note: 2 workers and their hostile servers are 4 busy processes on 2 cores; the blocks measured grow when they share cores (to judge the block target, use --workers 1)");
});

test("more exchange workers than cores: the note names the count that fits", (t) => {
  const note = coreShareNote({ target: "exchange", workers: 3 }, 2);
  t.is(note, "note: 3 workers are 3 busy processes on 2 cores; the blocks measured grow when they share cores (to judge the block target, use --workers 2)");
});

test("on one core a client worker still shares it, and one worker is the least there is", (t) => {
  t.is(coreShareNote({ target: "client", workers: 1 }, 1), "note: 1 worker and its hostile server are 2 busy processes on 1 core; the blocks measured grow when they share cores (to judge the block target, use --workers 1)");
});
