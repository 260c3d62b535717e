// What the soak learns from the client through its public API alone: every
// payload its handlers are given (a global handler, recorded with the
// session it arrived in), its statuses (reconnects, resumes, new sessions,
// dead-peer detections) and the errors it reports.
import type { ClientStatus, StreamingAPIClient } from "../../runtime/client/index.js";
import { SmarketsError } from "../../runtime/errors.js";
import { DeliveredLog } from "../checks/delivery.js";
import { Tally } from "../common/tally.js";

export class ClientWatch {
  readonly delivered = new DeliveredLog();
  /** Statuses by state, with logins split by resumed / new session. */
  readonly statuses = new Tally();
  /** Errors reported on errors(), by name. */
  readonly errors = new Tally();
  /** Errors on errors() that are not SmarketsErrors (none allowed). */
  readonly untypedErrors: string[] = [];
  #loggedIn = false;
  #waiters: (() => void)[] = [];

  constructor(
    readonly client: StreamingAPIClient,
    readonly log?: (line: string) => void,
  ) {
    client.addGlobalHandler((_message, event) => {
      // The session id is set from the login response before anything of the session is delivered.
      this.delivered.record(client.resumeState.sessionId ?? "(none)", event.seq, event.name);
    });
    void this.#follow(client.statuses({ capacity: 100_000, overflow: "drop-oldest" }), (s) => this.#status(s));
    void this.#follow(client.errors({ capacity: 100_000, overflow: "drop-oldest" }), (e) => {
      this.errors.add(e instanceof SmarketsError ? e.name : "untyped");
      if (!(e instanceof SmarketsError) && this.untypedErrors.length < 20) this.untypedErrors.push(String(e));
    });
  }

  /** Resolves once the client is logged in (now or later), or with false after `timeoutMs`. */
  loggedIn(timeoutMs: number): Promise<boolean> {
    if (this.#loggedIn) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  #status(s: ClientStatus): void {
    this.log?.(`client: ${describeStatus(s)}`);
    if (s.state === "logged-in") {
      this.statuses.add(s.resumed ? "login (resumed)" : "login (new session)");
      this.#loggedIn = true;
      for (const wake of this.#waiters.splice(0)) wake();
    } else {
      this.statuses.add(s.state);
      if (s.state === "disconnected" || s.state === "logged-out" || s.state === "closed") this.#loggedIn = false;
    }
  }

  async #follow<T>(stream: AsyncIterable<T>, each: (item: T) => void): Promise<void> {
    for await (const item of stream) each(item);
  }
}

function describeStatus(s: ClientStatus): string {
  const { state, ...rest } = s as ClientStatus & Record<string, unknown>;
  const parts = Object.entries(rest).map(([k, v]) => `${k} ${v instanceof Error ? v.message : typeof v === "string" && k === "sessionId" ? v.slice(0, 8) : String(v)}`);
  return parts.length === 0 ? state : `${state} (${parts.join(", ")})`;
}
