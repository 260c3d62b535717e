// An Io for running commands in the test's own process: output collected in
// strings, a chosen environment, optionally a terminal of a given size.
import type { Io, TerminalSize } from "../../../cli/io.js";

export interface FakeIo extends Io {
  readonly out: string;
  readonly err: string;
}

export function fakeIo(options: { env?: NodeJS.ProcessEnv; terminal?: TerminalSize; interrupted?: AbortSignal } = {}): FakeIo {
  const text = { out: "", err: "" };
  return {
    stdout: { write: (s: string) => void (text.out += s) },
    stderr: { write: (s: string) => void (text.err += s) },
    terminal: () => options.terminal,
    env: options.env ?? {},
    interrupted: options.interrupted ?? new AbortController().signal,
    get out() {
      return text.out;
    },
    get err() {
      return text.err;
    },
  };
}
