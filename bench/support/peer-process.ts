// Starts a benchmark peer (a server) in a process of its own, with plain
// node, and waits for it to say which port it listens on. The peer talks to
// its parent over the IPC channel: `{ port }` once listening, and whatever
// reports it sends later (`on`).
import { fork, type ChildProcess } from "node:child_process";

export interface Peer {
  readonly port: number;
  readonly process: ChildProcess;
  /** The next IPC message from the peer that `accept` takes. */
  next<T>(accept: (message: unknown) => T | undefined): Promise<T>;
  stop(): Promise<void>;
}

/** `script`: a compiled peer beside this file, e.g. "firehose-server.js". */
export async function startPeer(script: string, args: readonly string[] = []): Promise<Peer> {
  const child = fork(new URL(script, import.meta.url), [...args], { execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const waiting = new Set<(message: unknown) => boolean>();
  // Messages nobody waited for yet: several can arrive in one turn (the IPC
  // channel emits all it read at once), before a caller asks for the next.
  const unclaimed: unknown[] = [];
  child.on("message", (message) => {
    for (const w of waiting) if (w(message)) return;
    unclaimed.push(message);
  });
  const next = <T>(accept: (message: unknown) => T | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      for (const [i, message] of unclaimed.entries()) {
        const value = accept(message);
        if (value !== undefined) {
          unclaimed.splice(i, 1);
          resolve(value);
          return;
        }
      }
      const onExit = (code: number | null) => reject(new Error(`peer ${script} exited (${code}) before answering`));
      const w = (message: unknown): boolean => {
        const value = accept(message);
        if (value === undefined) return false;
        waiting.delete(w);
        child.off("exit", onExit);
        resolve(value);
        return true;
      };
      waiting.add(w);
      child.once("exit", onExit);
    });
  const port = await next((m) => (isObject(m) && typeof m.port === "number" ? m.port : undefined));
  return {
    port,
    process: child,
    next,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
