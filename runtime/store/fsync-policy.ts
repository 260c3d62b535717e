// When the file store asks the operating system to put its writes on disk.
// Every write reaches the kernel (a synchronous write(2)) before the client
// goes on: a process that dies — kill -9 included — loses nothing it
// committed, whatever the policy. fsync only matters when the machine itself
// goes down (power, kernel panic):
//
// - "always": fsync after every write, before anything goes to the socket.
//   Nothing committed is lost even then; costs a disk flush per inbound chunk
//   and per send (milliseconds on most disks).
// - "batched" (the default): fsync at most every `fsyncIntervalMs` (100 ms),
//   off the event loop. A machine crash loses at most that last interval;
//   the event loop never waits for the disk.
// - "never": leave it to the operating system (typically within 30 s).
import * as fs from "node:fs";
import type { Clock, TimerHandle } from "../clock.js";

/** When a file store forces its writes to disk (see the README's "Durable session state"). */
export type FsyncPolicy = "always" | "batched" | "never";

export const FSYNC_POLICIES: readonly FsyncPolicy[] = ["always", "batched", "never"];

/** Runs a file's fsyncs by a policy. */
export class Syncer {
  #fd: number | undefined;
  #lastSync: number;
  #timer: TimerHandle | undefined;
  #dirty = false;
  #failure: unknown;

  constructor(
    readonly policy: FsyncPolicy,
    readonly intervalMs: number,
    readonly clock: Clock,
  ) {
    this.#lastSync = clock.now();
  }

  /** The file now written to (after opening or compacting). */
  attach(fd: number | undefined): void {
    this.#fd = fd;
  }

  /** A failure of a background fsync, thrown by the next write so it is not lost. */
  takeFailure(): unknown {
    const f = this.#failure;
    this.#failure = undefined;
    return f;
  }

  /** Something was written: sync it as the policy says. */
  written(): void {
    if (this.policy === "never") return;
    this.#dirty = true;
    if (this.policy === "always") {
      this.syncNow();
      return;
    }
    if (this.#timer !== undefined) return;
    const wait = this.#lastSync + this.intervalMs - this.clock.now();
    this.#timer = this.clock.setTimer(Math.max(0, wait), () => {
      this.#timer = undefined;
      this.#syncInBackground();
    });
  }

  /** fsync now, on the event loop (always-policy writes, closing, compaction). */
  syncNow(): void {
    if (this.#fd === undefined || !this.#dirty) return;
    fs.fsyncSync(this.#fd);
    this.#dirty = false;
    this.#lastSync = this.clock.now();
  }

  /** Stops the timer (the file is being closed). */
  stop(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  #syncInBackground(): void {
    const fd = this.#fd;
    if (fd === undefined || !this.#dirty) return;
    this.#dirty = false;
    this.#lastSync = this.clock.now();
    fs.fsync(fd, (e) => {
      // A file closed meanwhile was synced by close; anything else is kept for the next write to throw.
      if (e !== null && e.code !== "EBADF") this.#failure = e;
    });
  }
}
