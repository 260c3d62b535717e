// The soak's printed report: what was injected, what the client went
// through, and every check with its figure.
import { describeBlock, mb } from "../common/resource-monitor.js";
import { SOAK_CLIENT_SETTINGS, SOAK_RECONNECT, type SoakResult } from "./run-soak.js";

const n = (x: number | bigint): string => x.toLocaleString("en-GB");

export function soakHeader(minutes: number, seed: number): string[] {
  const s = SOAK_CLIENT_SETTINGS;
  return [
    `soak: ${minutes} min, seed ${seed} — client (reconnect on) → fault proxy → simulated exchange (in-process, simulated trading on)`,
    `client settings: heartbeatIntervalMs ${s.heartbeatIntervalMs}, deadAfterMs ${s.deadAfterMs}, loginTimeoutMs ${s.loginTimeoutMs}; reconnect ${SOAK_RECONNECT.initialDelayMs}–${SOAK_RECONNECT.maxDelayMs} ms; other settings default`,
  ];
}

export function soakReport(r: SoakResult): string[] {
  const d = r.delivery;
  const st = r.statuses;
  const res = r.resources;
  const lines = [
    `faults injected: ${r.faults.total} (${r.faults.format()})`,
    `connections: ${r.connections}; reconnect attempts ${st.get("reconnecting")}; logins: ${st.get("login (resumed)")} resumed, ${st.get("login (new session)")} new sessions (the first login included); dead-peer detections ${st.get("dead")}; gaps ${st.get("gap")}`,
    `inbound: ${n(d.delivered)} payloads delivered; lost ${d.lost}, delivered twice ${d.duplicated}, out of order ${d.outOfOrder}, not sent as delivered ${d.phantom}` +
      (d.leftWithSession > 0 ? `; ${d.leftWithSession} left behind with an abandoned session` : ""),
    `requests: ${n(r.requests.started)} made, ${n(r.requests.settled)} settled exactly once, ${r.requests.pending().length} pending; trading in flight ${r.pendingAtEnd.inFlight}, queued ${r.pendingAtEnd.queued}`,
    `  outcomes: ${r.requests.outcomes.format()}`,
    `orders: ${n(r.ordersKnown)} known to the client, ${r.orderMismatches.length} mismatches with the exchange's engine; book of market 1: ${r.bookMismatches.length === 0 ? "equal to the exchange's" : `${r.bookMismatches.length} differences`}`,
    `errors reported by the client: ${r.errors.format()}`,
    `rss: start ${mb(res.rssStart)} MB, peak ${mb(res.rssPeak)} MB, end ${mb(res.rssEnd)} MB (client, proxy and exchange share the process); max event-loop block ${Math.round(res.maxBlockMs)} ms (CPU-attributed, ${describeBlock(res.maxBlockDetail)}; ${Math.round(res.maxDelayMs)} ms by the wall clock on a shared machine)`,
  ];
  for (const e of d.examples.slice(0, 10)) lines.push(`  ${e}`);
  if (r.violations.length === 0) lines.push("PASS: every check held");
  else {
    lines.push(`FAIL: ${r.violations.length} violations`);
    for (const v of r.violations) lines.push(`  - ${v}`);
    lines.push(`rerun: npm run soak -- --minutes ${r.minutes} --seed ${r.seed}`);
  }
  return lines;
}
