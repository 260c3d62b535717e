// One process per store file: two writing one log would interleave records
// and ruin it. The lock is a file beside the store holding the owner's pid,
// created exclusively. A process killed (kill -9) leaves it behind, so a lock
// whose pid no longer runs is stale and taken over; one whose pid runs is
// refused with a StoreError naming it.
import * as fs from "node:fs";
import { StoreError } from "./errors.js";

export class FileLock {
  readonly #path: string;
  #held = false;

  constructor(readonly storePath: string) {
    this.#path = `${storePath}.lock`;
  }

  /** Takes the lock (a stale one is taken over); throws StoreError if a live process holds it. */
  acquire(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(this.#path, String(process.pid), { flag: "wx" });
        this.#held = true;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new StoreError(`cannot lock the session store ${this.storePath}: ${describe(e)}`, this.storePath, { cause: e });
        }
      }
      const owner = this.#owner();
      if (owner !== undefined && owner !== process.pid && alive(owner)) {
        throw new StoreError(
          `the session store ${this.storePath} is in use by process ${owner} (lock file ${this.#path}); one process per store`,
          this.storePath,
        );
      }
      // Stale (its process is gone) or our own from an earlier open: take it over.
      fs.rmSync(this.#path, { force: true });
    }
    throw new StoreError(`cannot lock the session store ${this.storePath}: the lock file ${this.#path} keeps reappearing`, this.storePath);
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    fs.rmSync(this.#path, { force: true });
  }

  #owner(): number | undefined {
    try {
      const pid = Number.parseInt(fs.readFileSync(this.#path, "utf8"), 10);
      return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
