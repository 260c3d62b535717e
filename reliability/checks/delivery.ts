// Exactly once, in order, across every reconnect: what the exchange sent to
// each session (seq → payload name) against what the client's handlers were
// given (session, seq, name), checked seq by seq.
//
// A payload the exchange sent must reach the handlers once, in seq order,
// unless it is one the replay rule may replace by a gapfill (login, login
// response, replay request, heartbeat: see runtime/session/replay-server.ts)
// — those may be delivered live or not at all, but never twice.

/** Payloads a replay answers with a gapfill: a client may never see them if their first sending was lost. */
const MAY_BE_GAPFILLED: ReadonlySet<string> = new Set(["eto.login", "eto.login_response", "eto.replay", "eto.heartbeat", "eto.gapfill"]);

/** What one side saw of one session. */
class SessionLog {
  /** seq → name, in the order first seen. */
  readonly bySeq = new Map<bigint, string>();
  lastSeq = 0n;
}

/** The exchange's side: every payload it wrote for a session, first sending or replay. */
export class SentLog {
  readonly sessions = new Map<string, SessionLog>();
  /** A seq the exchange sent twice as different payloads (a bug of the exchange, reported with the rest). */
  readonly conflicts: string[] = [];

  record(sessionId: string, seq: bigint, name: string): void {
    if (name === "eto.gapfill") return;
    const log = logOf(this.sessions, sessionId);
    const before = log.bySeq.get(seq);
    if (before === undefined) log.bySeq.set(seq, name);
    else if (before !== name && this.conflicts.length < 20) this.conflicts.push(`session ${short(sessionId)} seq ${seq}: sent as ${before}, then as ${name}`);
    if (seq > log.lastSeq) log.lastSeq = seq;
  }

  /** The highest seq sent to a session so far. */
  lastSeq(sessionId: string): bigint {
    return this.sessions.get(sessionId)?.lastSeq ?? 0n;
  }
}

/** The client's side: every payload its handlers were given, in order. */
export class DeliveredLog {
  readonly sessions = new Map<string, SessionLog>();
  /** Sessions in the order the client used them. */
  readonly order: string[] = [];
  delivered = 0;
  readonly duplicates: string[] = [];
  readonly outOfOrder: string[] = [];
  duplicateCount = 0;
  outOfOrderCount = 0;

  record(sessionId: string, seq: bigint, name: string): void {
    this.delivered++;
    if (!this.sessions.has(sessionId)) this.order.push(sessionId);
    const log = logOf(this.sessions, sessionId);
    if (log.bySeq.has(seq)) {
      this.duplicateCount++;
      if (this.duplicates.length < 20) this.duplicates.push(`session ${short(sessionId)} seq ${seq} (${name}) delivered again`);
      return;
    }
    if (seq < log.lastSeq) {
      this.outOfOrderCount++;
      if (this.outOfOrder.length < 20) this.outOfOrder.push(`session ${short(sessionId)} seq ${seq} (${name}) delivered after seq ${log.lastSeq}`);
    }
    log.bySeq.set(seq, name);
    if (seq > log.lastSeq) log.lastSeq = seq;
  }
}

export interface DeliveryReport {
  readonly delivered: number;
  /** Sent, must be delivered, and was not. */
  readonly lost: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
  /** Delivered but never sent, or sent as another payload. */
  readonly phantom: number;
  /** Seqs the exchange sent as two different payloads. */
  readonly conflicts: number;
  /** Sent to a session after the client left it for a new one (its account events are resent to the new one). */
  readonly leftWithSession: number;
  /** The first few of each problem, for the report. */
  readonly examples: string[];
}

/**
 * Compares the logs. `checkedTo` gives, per session, the last seq the client
 * must have by now (the current session: the answer to a final ping); a
 * session the client left is checked up to the last seq it delivered there,
 * and what followed is counted as left with it.
 */
export function checkDelivery(sent: SentLog, delivered: DeliveredLog, checkedTo: ReadonlyMap<string, bigint>): DeliveryReport {
  const examples = [...sent.conflicts, ...delivered.duplicates.slice(0, 5), ...delivered.outOfOrder.slice(0, 5)];
  let lost = 0;
  let phantom = 0;
  let leftWithSession = 0;
  for (const [sessionId, got] of delivered.sessions) {
    const truth = sent.sessions.get(sessionId);
    for (const [seq, name] of got.bySeq) {
      const sentName = truth?.bySeq.get(seq);
      if (sentName !== name) {
        phantom++;
        if (examples.length < 30) examples.push(`session ${short(sessionId)} seq ${seq}: delivered ${name}, sent ${sentName ?? "nothing"}`);
      }
    }
  }
  for (const [sessionId, truth] of sent.sessions) {
    const got = delivered.sessions.get(sessionId);
    if (got === undefined) continue; // a session the client never heard of (its login answer was lost): nothing delivered from it
    const upTo = checkedTo.get(sessionId) ?? got.lastSeq;
    for (const [seq, name] of truth.bySeq) {
      if (got.bySeq.has(seq) || MAY_BE_GAPFILLED.has(name)) continue;
      if (seq > upTo) {
        leftWithSession++;
        continue;
      }
      lost++;
      if (examples.length < 30) examples.push(`session ${short(sessionId)} seq ${seq} (${name}) sent, never delivered`);
    }
  }
  return {
    delivered: delivered.delivered,
    lost,
    duplicated: delivered.duplicateCount,
    outOfOrder: delivered.outOfOrderCount,
    phantom,
    conflicts: sent.conflicts.length,
    leftWithSession,
    examples,
  };
}

function logOf(map: Map<string, SessionLog>, sessionId: string): SessionLog {
  let log = map.get(sessionId);
  if (log === undefined) {
    log = new SessionLog();
    map.set(sessionId, log);
  }
  return log;
}

/** Session ids are secrets of a kind: reports show their first 8 characters. */
const short = (sessionId: string): string => sessionId.slice(0, 8);
