// What the client fuzz's worker and its hostile-server process tell each
// other over IPC. The worker asks, one request at a time; the server answers
// each request, in order, with one reply.

/** Where the server's case stands: the bytes it moved, whether it is mid-flood, and its next timer. */
export interface ServerState {
  /** Bytes the server read on the case's connections, closed ones included. */
  readonly bytesIn: number;
  /** Bytes the server wrote on the case's connections, closed ones included. */
  readonly bytesOut: number;
  /** A flood is under way (it writes again on a later turn without anything read). */
  readonly busy: boolean;
  /** When the server's next timer falls due on the case's fake clock, if one is set. */
  readonly nextTimerAt: number | undefined;
}

export type ServerRequest =
  /** Connections from now on meet the hostile kind case `k` of run `seed` draws; the case's clock starts at 0. */
  | { readonly t: "begin"; readonly seed: number; readonly k: number }
  | { readonly t: "state" }
  /** Moves the case's fake clock to `to`, firing the server's timers due on the way. */
  | { readonly t: "advance"; readonly to: number }
  /** Closes whatever the case left open. */
  | { readonly t: "end" };

export type ServerReply =
  | { readonly t: "ready"; readonly port: number }
  | { readonly t: "begun" }
  | ({ readonly t: "state" } & ServerState)
  | { readonly t: "ended"; readonly connections: number; readonly scriptErrors: string[] };
