// Catches what would otherwise crash or silently poison a run: an uncaught
// exception or an unhandled promise rejection anywhere in the process. Each
// is a failure of the run (the client must never produce one), kept with a
// label of what was running when it happened.
export interface CaughtFailure {
  readonly kind: "uncaught exception" | "unhandled rejection";
  readonly during: string;
  readonly error: string;
}

export class ProcessGuard {
  readonly caught: CaughtFailure[] = [];
  /** What is running now (a case, a phase), for the report. */
  during = "start-up";
  readonly #onException = (e: unknown) => this.#catch("uncaught exception", e);
  readonly #onRejection = (e: unknown) => this.#catch("unhandled rejection", e);

  install(): this {
    process.on("uncaughtException", this.#onException);
    process.on("unhandledRejection", this.#onRejection);
    return this;
  }

  uninstall(): void {
    process.off("uncaughtException", this.#onException);
    process.off("unhandledRejection", this.#onRejection);
  }

  #catch(kind: CaughtFailure["kind"], e: unknown): void {
    const error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ""}` : String(e);
    this.caught.push({ kind, during: this.during, error });
  }
}
