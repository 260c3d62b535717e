// The registry files requests under typed keys (kind and value): keys of
// different kinds never meet, a key shared by several requests answers them
// as their kind says (all of them, or oldest first), and unfiling leaves
// nothing behind.
import test from "ava";
import { PendingRequest } from "../../runtime/trading/requests/pending-request.js";
import { key, replyKeys } from "../../runtime/trading/requests/keys.js";
import { RequestRegistry } from "../../runtime/trading/requests/registry.js";
import type { RequestSpec } from "../../runtime/trading/requests/request-spec.js";
import { incoming } from "./helpers/events.js";

type Spec = RequestSpec<string>;

function request(name: string, spec: Partial<Spec>): PendingRequest<string> {
  const full: Spec = { what: name, message: { name: "seto.settings", body: { cancelAllOnFailure: true } }, reference: undefined, keys: [], replies: {}, ...spec };
  const r = new PendingRequest<string>(full, () => undefined);
  r.promise.catch(() => undefined);
  return r;
}

const acceptedBy = (name: string): Spec["replies"] => ({ "seto.order_accepted": () => ({ resolve: name }) });

test("keys of different kinds with the same value never meet", (t) => {
  const registry = new RequestRegistry();
  const byReference = request("by reference 5", { reference: 5n, keys: [key.reference(5n)], replies: acceptedBy("by reference 5") });
  registry.reserve(5n); // as the requester does before sending
  byReference.markSent(9n);
  registry.file(byReference as PendingRequest<unknown>, 9n);
  const byOrder = request("by order 5", { reference: 6n, keys: [key.reference(6n), key.order(5n)], replies: acceptedBy("by order 5") });
  registry.reserve(6n);
  byOrder.markSent(10n);
  registry.file(byOrder as PendingRequest<unknown>, 10n);
  // Seq 5 is nobody's: the request with reference 5 was sent as seq 9.
  t.deepEqual(registry.answers(incoming("seto.order_accepted", { seq: 5n, orderId: 1n }), replyKeys.order), []);
  const answers = registry.answers(incoming("seto.order_accepted", { seq: 10n, reference: 6n, orderId: 5n }), replyKeys.order);
  t.deepEqual(
    answers.map((a) => a.request.what),
    ["by order 5"],
  );
  t.is(registry.size, 1);
  t.true(registry.holds(5n));
  t.false(registry.holds(6n), "an answered request's reference is free again");
});

test("a shared key answers every request filed under it; an exclusive one, the oldest first", (t) => {
  const registry = new RequestRegistry();
  const snapshot = { "seto.market_quotes": () => ({ resolve: "snapshot" }) } as Spec["replies"];
  const subscribes = [1n, 2n].map((seq) => {
    const r = request(`subscribe ${seq}`, { keys: [key.market(3)], replies: snapshot, shared: true });
    r.markSent(seq);
    registry.file(r as PendingRequest<unknown>, seq);
    return r;
  });
  const settled = { "seto.settings_accepted": () => ({ resolve: "ok" }) } as Spec["replies"];
  const settings = [3n, 4n].map((seq) => {
    const r = request(`settings ${seq}`, { keys: [key.settings], replies: settled });
    r.markSent(seq);
    registry.file(r as PendingRequest<unknown>, seq);
    return r;
  });
  t.deepEqual(
    registry.answers(incoming("seto.market_quotes", { marketId: 3, contractQuotes: [] }), replyKeys.market).map((a) => a.request),
    subscribes,
  );
  t.deepEqual(registry.answers(incoming("seto.market_quotes", { marketId: 3, contractQuotes: [] }), replyKeys.market), [], "both unfiled");
  t.deepEqual(
    registry.answers(incoming("seto.settings_accepted", { cancelAllOnFailure: true }), replyKeys.settings).map((a) => a.request),
    [settings[0]],
  );
  const later = request("subscribe 5", { keys: [key.market(3)], replies: snapshot, shared: true });
  later.markSent(5n);
  registry.file(later as PendingRequest<unknown>, 5n);
  t.deepEqual(
    registry.answers(incoming("seto.settings_accepted", { cancelAllOnFailure: true }), replyKeys.settings).map((a) => a.request),
    [settings[1]],
  );
  t.deepEqual(
    registry.answers(incoming("seto.market_quotes", { marketId: 3, contractQuotes: [] }), replyKeys.market).map((a) => a.request),
    [later],
  );
  t.is(registry.size, 0);
});

test("references past 2^53 are held exactly; unfiling and draining leave nothing filed", (t) => {
  const registry = new RequestRegistry();
  const big = 2n ** 53n + 1n;
  registry.reserve(big);
  t.true(registry.holds(big));
  t.false(registry.holds(big + 1n));
  t.false(registry.holds(2n ** 53n), "no rounding to a neighbour");
  const r = request("big", { reference: big, keys: [key.reference(big), key.order(2n ** 63n)], replies: acceptedBy("big") });
  r.markSent(1n);
  registry.file(r as PendingRequest<unknown>, 1n);
  t.deepEqual(registry.drain(), [r as PendingRequest<unknown>]);
  t.false(registry.holds(big));
  t.deepEqual(registry.answers(incoming("seto.order_accepted", { seq: 1n, reference: big, orderId: 2n ** 63n }), replyKeys.order), []);
});
