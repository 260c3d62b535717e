// Walks an eto table of the protocol docs against the exchange, row by row.
// A row is `| server In | server Out | server sends/receives | < or > | client
// sends/receives | client Out | client In |`; each row is one side acting, and
// the test checks that side's payload (type, seq, is_replay) and its counters
// after it:
// - the client's counters are the scripted peer's own (the docs' rules);
// - the server's In is what the exchange reports for the session once it
//   has taken the payload; its Out is checked on the wire: a new payload the
//   server sends carries its Out, which then moves on by one, and a replayed
//   one moves nothing. (The exchange answers in the same step as it takes a
//   payload, so its Out can only be seen before the answer on the wire.)
// The other side's columns in a row are not checked: the docs leave them as
// they were when that side last acted (in the replay table they lag behind).
//
// The docs predate seto throttle_limits_changed, which this exchange sends
// right after every login_response: it is numbered like any payload, so from
// there on the exchange's Out is one above the table's. The walk steps over
// it (counting it in `extra`) and the tests say so where they check it.
import type { ExecutionContext } from "ava";
import type { ExchangeHandle } from "../../../exchange/index.js";
import type { PayloadName } from "../../../generated/payload-map.js";
import { replayRequestPayload, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import { eventually } from "../helpers/setup.js";
import { serverCounters, type ScriptedPeer } from "../helpers/scripted-peer.js";
import { corrected } from "./doc-tables.js";

export interface EtoRow {
  readonly text: string;
  readonly server: { readonly in: bigint; readonly out: bigint };
  readonly serverCell: string;
  readonly direction: "-" | "<" | ">";
  readonly clientCell: string;
  readonly client: { readonly out: bigint; readonly in: bigint };
}

export function parseEtoRow(text: string): EtoRow {
  const cells = text.split("|").slice(1, -1).map((c) => c.trim());
  if (cells.length !== 7) throw new Error(`not a 7-column eto table row: ${text}`);
  const [sIn, sOut, serverCell, direction, clientCell, cOut, cIn] = cells as [string, string, string, string, string, string, string];
  if (direction !== "-" && direction !== "<" && direction !== ">") throw new Error(`no direction in ${text}`);
  return { text, server: { in: BigInt(sIn), out: BigInt(sOut) }, serverCell, direction, clientCell, client: { out: BigInt(cOut), in: BigInt(cIn) } };
}

/** What a cell such as `eto/payload{seq=54, type=pong, is_replay=true}` says. */
export interface Cell {
  readonly seq: bigint;
  readonly name: PayloadName;
  readonly isReplay: boolean;
  /** A login naming the session it resumes (`login=eto/login{session=…}`). */
  readonly resumes: boolean;
  /** A replay request's `replay.seq`. */
  readonly replayFrom: bigint | undefined;
}

export function parseCell(cell: string): Cell {
  const seq = /\bseq=(\d+)/.exec(cell)?.[1];
  if (seq === undefined) throw new Error(`no seq in ${cell}`);
  const isReplay = /is_replay=true/.test(cell);
  const replayFrom = /replay=eto\/replay\{seq=(\d+)\}/.exec(cell)?.[1];
  let name: PayloadName;
  if (/login_response=/.test(cell)) name = "eto.login_response";
  else if (/\blogin=/.test(cell)) name = "eto.login";
  else if (replayFrom !== undefined) name = "eto.replay";
  else if (/type=pong/.test(cell)) name = "eto.pong";
  else if (/type=gapfill/.test(cell)) name = "eto.gapfill";
  else throw new Error(`unknown payload in ${cell}`);
  return { seq: BigInt(seq), name, isReplay, resumes: /session=/.test(cell), replayFrom: replayFrom === undefined ? undefined : BigInt(replayFrom) };
}

export interface EtoWorld {
  readonly exchange: ExchangeHandle;
  readonly peer: ScriptedPeer;
  /** The client's login; `resume`: naming the session (the session id is known by then). */
  login(resume: boolean): UnsequencedPayload;
  /** The session the rows are about (known once the login_response arrived, or before for a resume). */
  sessionId(): string | undefined;
  /** Called with the login_response as it arrives (to learn the session id). */
  onLoginResponse?(p: IncomingPayload): void;
  /** Payload types the docs' revision lacks, stepped over. */
  readonly extra: ReadonlySet<string>;
}

export interface WalkResult {
  /** New payloads the exchange sent that the docs' revision lacks (numbered; they raise its Out). */
  readonly extraSent: IncomingPayload[];
  /** The server's Out as the wire showed it at the end (the table's, plus the extras). */
  readonly serverOut: bigint;
}

export async function walkEtoTable(t: ExecutionContext, rows: readonly string[], world: EtoWorld): Promise<WalkResult> {
  const { exchange, peer } = world;
  // Set by the table's first row (`-`: the starting counters).
  let serverOut = 0n;
  let lastClientSeq: bigint | undefined;
  const extraSent: IncomingPayload[] = [];
  let arrived = 0;
  const sent = (): bigint => serverOut - BigInt(extraSent.length);

  for (const [i, raw] of rows.entries()) {
    const row = parseEtoRow(corrected(raw));
    const at = `row ${i + 1} ${raw}`;
    if (row.direction === "-") {
      t.is(peer.out, row.client.out, `${at}: client Out`);
      t.is(peer.in, row.client.in, `${at}: client In`);
      const id = world.sessionId();
      if (id === undefined) {
        // No session yet: a new one starts at In 1, Out 1 (the login's seq and the login_response's show it).
        t.deepEqual([row.server.in, row.server.out], [1n, 1n], `${at}: a new session's counters`);
      } else {
        t.deepEqual(serverCounters(exchange, id), { in: row.server.in, out: row.server.out }, `${at}: server counters`);
      }
      serverOut = row.server.out;
      continue;
    }
    if (row.clientCell !== "") {
      const cell = parseCell(row.clientCell);
      if (row.direction === "<") {
        t.is(cell.seq, peer.out, `${at}: the client sends with its Out`);
        peer.send(clientPayload(world, cell), cell.seq);
        lastClientSeq = cell.seq;
      } else {
        let p = await peer.receive();
        while (world.extra.has(p.name)) p = await peer.receive();
        t.deepEqual([p.name, p.seq, p.isReplay], [cell.name, cell.seq, cell.isReplay], `${at}: the client receives`);
      }
      t.is(peer.out, row.client.out, `${at}: client Out`);
      t.is(peer.in, row.client.in, `${at}: client In`);
      continue;
    }
    const cell = parseCell(row.serverCell);
    if (row.direction === "<") {
      t.is<bigint | undefined, bigint | undefined>(cell.seq, lastClientSeq, `${at}: the server receives what the client sent`);
      const id = world.sessionId();
      if (id !== undefined) {
        await eventually(() => (exchange.sessions.get(id)?.nextInSeq ?? 0n) >= row.server.in);
        t.is(serverCounters(exchange, id).in, row.server.in, `${at}: server In`);
      }
      t.is(sent(), row.server.out, `${at}: server Out (nothing sent yet)`);
      continue;
    }
    // The server sends: the next payload on the wire, stepping over the extras.
    let p = await peer.arrival(arrived++);
    while (world.extra.has(p.name)) {
      if (!p.isReplay) {
        t.is(p.seq, serverOut, `${at}: ${p.name} (not in the docs) numbered in turn`);
        extraSent.push(p);
        serverOut += 1n;
      }
      p = await peer.arrival(arrived++);
    }
    t.deepEqual([p.name, p.seq, p.isReplay], [cell.name, cell.seq, cell.isReplay], `${at}: the server sends`);
    if (p.name === "eto.login_response") {
      world.onLoginResponse?.(p);
      t.is(p.payload.etoPayload?.loginResponse?.reset, row.server.in, `${at}: reset = the seq the server expects next`);
    }
    if (!p.isReplay) {
      t.is(p.seq, serverOut, `${at}: a new payload carries the server's Out`);
      serverOut += 1n;
    }
    t.is(sent(), row.server.out, `${at}: server Out`);
  }
  return { extraSent, serverOut };
}

function clientPayload(world: EtoWorld, cell: Cell): UnsequencedPayload {
  switch (cell.name) {
    case "eto.login":
      return world.login(cell.resumes);
    case "eto.replay":
      return replayRequestPayload(cell.replayFrom as bigint);
    default:
      throw new Error(`the tables have the client send only logins and replay requests, not ${cell.name}`);
  }
}
