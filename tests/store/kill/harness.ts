// The kill -9 run: a bot (bot.mjs, its own process, the compiled package)
// trades and receives quotes against the simulated exchange, through a
// recording proxy, keeping its session in a FileSessionStore; it is killed
// with SIGKILL at a seeded point — inside a handler of an order-accepted, an
// order-executed or a quote, right after an order-create is stamped (before
// it is saved or sent) or right after it went out, or at a random moment —
// and a new process resumes from the file, again and again. At the end a
// client in this process resumes once more, settles, and everything is
// checked (see `check`). Used by tests/store/kill9.test.ts and, for longer
// runs, scripts/kill-soak.ts.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Prng } from "../../../exchange/engine/prng.js";
import { startExchange, type ExchangeHandle } from "../../../exchange/index.js";
import { StreamingAPIClient } from "../../../runtime/client/index.js";
import { silentLogger } from "../../../runtime/logging/index.js";
import { FileSessionStore } from "../../../runtime/store/file-session-store.js";
import { isEnded } from "../../../runtime/trading/orders/order-status.js";
import { orderMismatches } from "../../trading-integration/helpers.js";
import { recordingProxy, type SeenBySeq } from "./recording-proxy.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const BOT = path.join(here, "bot.mjs");
/** The compiled package the bot imports (by its own name). */
export const DIST_ENTRY = path.join(here, "..", "..", "..", "dist", "runtime", "index.js");

export const KINDS = ["create-sync", "create-later", "accepted", "executed", "quotes", "timer"] as const;
export type Kind = (typeof KINDS)[number];

/** Eto payloads a replay replaces with a gapfill: their seqs need not be delivered. */
const ADMIN = new Set(["eto.login_response", "eto.heartbeat", "eto.replay", "eto.login", "eto.gapfill"]);

export interface KillRunOptions {
  /** How many times a bot is killed. */
  readonly points: number;
  readonly seed: number;
  /** Where the store and the bots' logs go. */
  readonly dir: string;
  /** Progress lines. */
  readonly progress?: (line: string) => void;
}

export interface KillRunReport {
  readonly points: number;
  /** Kills by where they happened (the plan's point, or "timer" for one from outside). */
  readonly kills: Record<string, number>;
  /** Bots that reported a torn last record when they opened the store. */
  readonly recovered: number;
  readonly sessions: number;
  /** Inbound seqs that had to be delivered, and deliveries in all. */
  readonly seqs: number;
  readonly deliveries: number;
  /** Deliveries flagged redelivered, and of those, seqs actually delivered before. */
  readonly flagged: number;
  readonly repeats: number;
  /** Widest window of seqs flagged after one crash. */
  readonly widestWindow: number;
  readonly ordersPlaced: number;
  readonly ordersKnown: number;
  readonly outcomeUnknown: number;
  readonly storeBytes: number;
  readonly elapsedMs: number;
  /** Everything that broke a guarantee; empty when the run passed. */
  readonly failures: string[];
}

interface Delivery {
  readonly proc: number;
  readonly session: string;
  readonly seq: bigint;
  readonly redelivered: boolean;
}

interface ProcLog {
  readonly proc: number;
  readonly restored: { session: string; nextIn: bigint; deliveredBelow: bigint } | undefined;
  readonly recovered: boolean;
  readonly deliveries: Delivery[];
  readonly placed: bigint[];
  /** Whether it opened the store (one killed while starting may not have). */
  readonly opened: boolean;
  /** References of the orders the store held when the process opened it. */
  readonly restoredOrders: Set<bigint>;
  readonly killedAt: string | undefined;
  readonly loggedIn: { session: string; resumed: boolean } | undefined;
  readonly errors: string[];
}

export async function runKillRounds(o: KillRunOptions): Promise<KillRunReport> {
  if (!fs.existsSync(DIST_ENTRY)) throw new Error(`the kill -9 run needs the compiled package (${DIST_ENTRY}): run npm run build first`);
  const started = performance.now();
  const prng = new Prng(o.seed);
  const random = () => prng.next();
  const ex = await startExchange({
    logger: silentLogger,
    activity: { seed: o.seed, intervalMs: 15 },
    throttle: { averageRatePs: 100_000, burstSize: 100_000, tickMs: 100 },
  });
  const proxy = await recordingProxy(ex);
  const store = path.join(o.dir, "bot.store");
  const logs: ProcLog[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < o.points; i++) {
      // The first bot is not killed from outside: its session is under way before any crash.
      const kind: Kind = i === 0 ? "accepted" : KINDS[i % KINDS.length]!;
      const plan = { kind, nth: 1 + Math.floor(random() * 6), seed: Math.floor(random() * 2 ** 31) };
      const logFile = path.join(o.dir, `bot-${i}.log`);
      // From before the store is opened to well into trading.
      const delayMs = 150 + Math.floor(random() * 1_200);
      const outcome = await runBot(store, proxy, logFile, plan, kind === "timer" ? delayMs : undefined);
      const log = readLog(i, logFile);
      logs.push(log);
      if (outcome.signal !== "SIGKILL") failures.push(`bot ${i} (${kind}) ended with ${outcome.signal ?? `exit code ${outcome.code}`}, not SIGKILL: ${outcome.stderr.trim()}`);
      if (outcome.stderr.trim() !== "") failures.push(`bot ${i} wrote to stderr: ${outcome.stderr.trim()}`);
      failures.push(...log.errors.map((e) => `bot ${i}: ${e}`));
      o.progress?.(`bot ${i}: ${log.killedAt ?? "killed from outside"} (${log.deliveries.length} payloads, ${log.placed.length} orders)`);
    }
    const final = await resumeAndSettle(ex, proxy, store, logs.length);
    logs.push(final.log);
    return {
      ...check(logs, proxy.seen, final, ex, failures),
      points: o.points,
      storeBytes: fs.statSync(store).size,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    await proxy.close();
    await ex.close();
  }
}

async function runBot(
  store: string,
  proxy: { host: string; port: number },
  logFile: string,
  plan: { kind: Kind; nth: number; seed: number },
  killAfterMs: number | undefined,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [BOT, store, proxy.host, String(proxy.port), logFile, JSON.stringify(plan)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  // A plan whose point never comes (no execution happened, say) ends as a kill from outside.
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs ?? 6_000);
  const [code, signal] = (await new Promise((resolve) => child.on("exit", (c, s) => resolve([c, s])))) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, stderr };
}

function readLog(proc: number, file: string): ProcLog {
  const log: ProcLog & { restored: ProcLog["restored"]; recovered: boolean; killedAt: string | undefined; loggedIn: ProcLog["loggedIn"]; opened: boolean } = {
    proc,
    opened: false,
    restored: undefined,
    recovered: false,
    deliveries: [],
    placed: [],
    restoredOrders: new Set(),
    killedAt: undefined,
    loggedIn: undefined,
    errors: [],
  };
  let session = "?";
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  for (const line of text.split("\n")) {
    const [tag, ...f] = line.split(" ");
    switch (tag) {
      case "S":
        log.opened = true;
        if (f[0] !== "-") {
          session = f[0]!;
          log.restored = { session, nextIn: BigInt(f[1]!), deliveredBelow: BigInt(f[2]!) };
        }
        log.recovered = f[4] === "recovered";
        break;
      case "R":
        session = f[0]!;
        break;
      case "L":
        log.loggedIn = { session: f[0]!, resumed: f[1] === "1" };
        break;
      case "D":
        log.deliveries.push({ proc, session, seq: BigInt(f[0]!), redelivered: f[1] === "1" });
        break;
      case "P":
        log.placed.push(BigInt(f[0]!));
        break;
      case "O":
        if (f[0] !== "-") log.restoredOrders.add(BigInt(f[0]!));
        break;
      case "K":
        log.killedAt = f[0];
        break;
      case "X":
        log.errors.push(`could not start: ${f.join(" ")}`);
        break;
      default:
        break;
    }
  }
  return log;
}

interface Final {
  readonly client: StreamingAPIClient;
  readonly log: ProcLog;
  readonly session: string;
}

/** A client in this process resumes from the store, and waits until everything in flight has settled. */
async function resumeAndSettle(ex: ExchangeHandle, proxy: { host: string; port: number }, store: string, proc: number): Promise<Final> {
  const client = new StreamingAPIClient(
    { username: "demo", password: "demo", host: proxy.host, port: proxy.port, tls: false },
    { store: new FileSessionStore(store), logger: silentLogger },
  );
  const restored = client.restored;
  const log: ProcLog = {
    proc,
    opened: true,
    restored: restored?.sessionId === undefined ? undefined : { session: restored.sessionId, nextIn: restored.nextInSeq, deliveredBelow: restored.deliveredBelow },
    recovered: restored?.recovered !== undefined,
    deliveries: [],
    placed: [],
    restoredOrders: new Set((restored?.orders ?? []).flatMap((o) => (o.order.reference === undefined ? [] : [o.order.reference]))),
    killedAt: "end",
    loggedIn: undefined,
    errors: [],
  };
  let session = restored?.sessionId ?? "?";
  client.addGlobalHandler((message, event) => {
    if (event.name === "eto.login_response") session = (message as { session: string }).session;
    log.deliveries.push({ proc, session, seq: event.seq, redelivered: event.redelivered });
  });
  const info = await client.login();
  ex.setActivity(false);
  // Settled: nothing pending, and a ping answered after whatever the exchange queued before it.
  for (let i = 0; i < 500 && client.trading.orders.all().some((o) => o.status === "pending"); i++) await client.ping();
  await client.ping();
  return { client, log, session: info.sessionId };
}

function check(logs: ProcLog[], seen: SeenBySeq, final: Final, ex: ExchangeHandle, failures: string[]): Omit<KillRunReport, "points" | "storeBytes" | "elapsedMs"> {
  const kills: Record<string, number> = {};
  for (const l of logs.slice(0, -1)) kills[l.killedAt ?? "timer"] = (kills[l.killedAt ?? "timer"] ?? 0) + 1;
  for (const l of logs) {
    if (l.restored !== undefined && l.loggedIn !== undefined && (!l.loggedIn.resumed || l.loggedIn.session !== l.restored.session)) {
      failures.push(`process ${l.proc} restored session ${short(l.restored.session)} but logged in to ${short(l.loggedIn.session)} (resumed: ${l.loggedIn.resumed})`);
    }
  }

  // Inbound seqs, session by session: what had to be delivered was, flagged wherever it repeats.
  const bySession = new Map<string, Map<bigint, Delivery[]>>();
  for (const d of logs.flatMap((l) => l.deliveries)) {
    let seqs = bySession.get(d.session);
    if (seqs === undefined) bySession.set(d.session, (seqs = new Map()));
    let list = seqs.get(d.seq);
    if (list === undefined) seqs.set(d.seq, (list = []));
    list.push(d);
  }
  let seqCount = 0;
  let flagged = 0;
  let repeats = 0;
  let widestWindow = 0;
  const windows = new Map<number, { from: bigint; below: bigint }>();
  for (const l of logs) {
    if (l.restored === undefined) continue;
    windows.set(l.proc, { from: l.restored.nextIn, below: l.restored.deliveredBelow });
    widestWindow = Math.max(widestWindow, Number(l.restored.deliveredBelow - l.restored.nextIn));
  }
  for (const [session, sent] of seen) {
    const delivered = bySession.get(session) ?? new Map<bigint, Delivery[]>();
    const end = session === final.session ? final.client.resumeState.nextInSeq : undefined;
    for (const [seq, names] of sent) {
      if (end !== undefined && seq >= end) failures.push(`session ${short(session)} seq ${seq}: sent by the exchange, not reached by the final client (next in ${end})`);
      const must = [...names].some((n) => !ADMIN.has(n));
      const list = delivered.get(seq) ?? [];
      if (must) seqCount++;
      if (must && list.length === 0 && (end === undefined || seq < end) && session === final.session) {
        failures.push(`session ${short(session)} seq ${seq} (${[...names].join("/")}) was never delivered`);
      }
      const unflagged = list.filter((d) => !d.redelivered);
      if (unflagged.length > 1) failures.push(`session ${short(session)} seq ${seq} delivered ${unflagged.length} times without the redelivered flag (processes ${unflagged.map((d) => d.proc).join(", ")})`);
      for (const [i, d] of list.entries()) {
        if (!d.redelivered) continue;
        flagged++;
        if (i > 0) repeats++;
        const w = windows.get(d.proc);
        if (w === undefined || d.seq < w.from || d.seq >= w.below) failures.push(`seq ${seq} flagged redelivered by process ${d.proc} outside its crash window`);
      }
    }
  }
  for (const [session, delivered] of bySession) {
    const sent = seen.get(session);
    for (const seq of delivered.keys()) if (sent?.has(seq) !== true) failures.push(`session ${short(session)} seq ${seq} delivered but never sent`);
  }

  // Orders: every one a dead process sent is known with the exchange's state (or outcome-unknown); state equals the exchange's.
  const client = final.client;
  const accountId = ex.accounts.find((a) => a.username === "demo")!.accountId;
  const placed = new Set(logs.flatMap((l) => l.placed));
  const known = client.trading.orders.all();
  for (const o of known) if (o.status === "pending") failures.push(`order reference ${o.reference} is still pending after settling`);
  failures.push(...orderMismatches(client, ex, accountId).map((m) => `order state differs from the exchange's: ${m}`));
  // Write-ahead: an order-create the exchange received was in the store before it went out, so the next process restored it.
  const placedBy = new Map<bigint, number>();
  for (const l of logs) for (const ref of l.placed) placedBy.set(ref, l.proc);
  let ordersKnown = 0;
  for (const view of engineOrders(ex, accountId)) {
    if (view.reference === undefined || !placed.has(view.reference)) continue;
    const by = placedBy.get(view.reference)!;
    const next = logs.slice(by + 1).find((l) => l.opened)!;
    if (!next.restoredOrders.has(view.reference)) {
      failures.push(`order ${view.id} (reference ${view.reference}) reached the exchange from process ${by}, but the store did not hold it when process ${next.proc} opened it`);
    }
    const mine = client.trading.orders.byReference(view.reference) ?? client.trading.orders.get(view.id);
    if (mine === undefined) failures.push(`order ${view.id} (reference ${view.reference}) is at the exchange but unknown to the client that resumed`);
    else ordersKnown++;
  }
  const outcomeUnknown = known.filter((o) => o.status === "outcome-unknown" || o.status === "expired").length;
  for (const o of known) if (!isEnded(o.status) && o.status !== "live" && o.status !== "partially-executed" && o.status !== "outcome-unknown") failures.push(`order ${o.reference} ends the run ${o.status}`);
  return {
    kills,
    recovered: logs.filter((l) => l.recovered).length,
    sessions: seen.size,
    seqs: seqCount,
    deliveries: logs.reduce((n, l) => n + l.deliveries.length, 0),
    flagged,
    repeats,
    widestWindow,
    ordersPlaced: placed.size,
    ordersKnown,
    outcomeUnknown,
    failures,
  };
}

/** Every order of the account the engine still knows (live, or ended recently), by scanning its ids. */
function engineOrders(ex: ExchangeHandle, accountId: number) {
  const out = [];
  let misses = 0;
  for (let id = 1n; misses < 5_000; id++) {
    const view = ex.engine.order(id);
    if (view === undefined) {
      misses++;
      continue;
    }
    misses = 0;
    if (view.accountId === accountId) out.push(view);
  }
  return out;
}

const short = (session: string) => session.slice(0, 8);
