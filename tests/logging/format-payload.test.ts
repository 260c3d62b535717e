import test from "ava";
import fc from "fast-check";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { payloadInfo, payloadNames } from "../../generated/payload-map.js";
import { formatPayload, payloadKindName } from "../../runtime/logging/index.js";

function envelope(seq: bigint, type = eto.PayloadType.PAYLOAD_NONE, isReplay?: boolean): eto.Payload {
  return { seq, type, isReplay };
}

/** Through the wire and back, so the test sees what the client logs. */
function decoded(payload: seto.Payload): seto.Payload {
  return seto.Payload.decode(seto.Payload.encode(payload).finish());
}

function etoPayload(body: Partial<eto.Payload> & { type: eto.PayloadType }, seq = 3n): seto.Payload {
  return { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq, ...body } };
}

test("kind names come from the PayloadType enums, one per payload type of both layers", (t) => {
  for (const name of payloadNames) {
    const info = payloadInfo[name];
    t.is(payloadKindName(info.setoType, info.etoType), name);
  }
  t.is(payloadKindName(seto.PayloadType.PAYLOAD_ORDER_CREATE, undefined), "seto.order_create");
  t.is(payloadKindName(seto.PayloadType.PAYLOAD_ETO, eto.PayloadType.PAYLOAD_HEARTBEAT), "eto.heartbeat");
});

test("unknown type numbers are named by number", (t) => {
  t.is(payloadKindName(99, undefined), "seto.unknown(99)");
  t.is(payloadKindName(seto.PayloadType.PAYLOAD_ETO, 42), "eto.unknown(42)");
  t.is(payloadKindName(-1, undefined), "seto.unknown(-1)");
});

test("an order create shows kind, seq, is_replay and its fields with enums by name", (t) => {
  const text = formatPayload(
    decoded({
      type: seto.PayloadType.PAYLOAD_ORDER_CREATE,
      etoPayload: envelope(12n),
      orderCreate: {
        type: seto.OrderCreateType.ORDER_CREATE_LIMIT,
        side: seto.Side.SIDE_BUY,
        quantityType: seto.QuantityType.QUANTITY_PAYOFF_CURRENCY,
        quantity: 123456789012345n,
        priceType: seto.PriceType.PRICE_PERCENT_ODDS,
        price: 2500,
        tif: seto.TimeInForceType.IMMEDIATE_OR_CANCEL,
        marketId: 7,
        contractId: 8,
        label: "my order",
      },
    }),
  );
  t.is(
    text,
    "seto.order_create seq=12 is_replay=false {type=ORDER_CREATE_LIMIT side=SIDE_BUY quantity_type=QUANTITY_PAYOFF_CURRENCY " +
      'quantity=123456789012345 price_type=PRICE_PERCENT_ODDS price=2500 tif=IMMEDIATE_OR_CANCEL market_id=7 contract_id=8 label="my order"}',
  );
});

test("a bodiless eto payload shows kind, seq and replay flag", (t) => {
  t.is(formatPayload(decoded(etoPayload({ type: eto.PayloadType.PAYLOAD_HEARTBEAT, isReplay: true }, 41n))), "eto.heartbeat seq=41 is_replay=true");
});

test("nested messages: market quotes with contract quotes, quotes and executions", (t) => {
  const text = formatPayload(
    decoded({
      type: seto.PayloadType.PAYLOAD_MARKET_QUOTES,
      etoPayload: envelope(5n),
      marketQuotes: {
        marketId: 1,
        priceType: seto.PriceType.PRICE_PERCENT_ODDS,
        contractQuotes: [
          {
            marketId: 1,
            contractId: 2,
            bids: [
              { price: 5000, quantity: 100n },
              { price: 4900, quantity: 200n },
            ],
            offers: [{ price: 5100, quantity: 300n }],
            executions: [],
            lastExecution: { price: 5000, quantity: 10n, liquidity: seto.Side.SIDE_SELL, microseconds: 1700000000000000n },
          },
        ],
      },
    }),
  );
  t.is(
    text,
    "seto.market_quotes seq=5 is_replay=false {contract_quotes=[{bids=[{price=5000 quantity=100}, {price=4900 quantity=200}] " +
      "offers=[{price=5100 quantity=300}] executions=[] last_execution={price=5000 quantity=10 liquidity=SIDE_SELL microseconds=1700000000000000} " +
      "market_id=1 contract_id=2}] price_type=PRICE_PERCENT_ODDS market_id=1}",
  );
});

test("repeated enums and market state contracts are shown by name", (t) => {
  const invalid = formatPayload(
    decoded({
      type: seto.PayloadType.PAYLOAD_ORDER_INVALID,
      etoPayload: envelope(9n),
      orderInvalid: { seq: 4n, reasons: [seto.OrderInvalidReason.ORDER_INVALID_INVALID_PRICE, seto.OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY] },
    }),
  );
  t.is(invalid, "seto.order_invalid seq=9 is_replay=false {seq=4 reasons=[ORDER_INVALID_INVALID_PRICE, ORDER_INVALID_INVALID_QUANTITY]}");
  const state = formatPayload(
    decoded({
      type: seto.PayloadType.PAYLOAD_MARKET_STATE,
      etoPayload: envelope(10n),
      marketState: {
        state: seto.MarketStateType.MARKET_STATE_LIVE,
        marketId: 3,
        contracts: [{ contractId: 4, state: seto.ContractStateType.CONTRACT_STATE_HALTED }],
      },
    }),
  );
  t.is(state, "seto.market_state seq=10 is_replay=false {state=MARKET_STATE_LIVE market_id=3 contracts=[{contract_id=4 state=CONTRACT_STATE_HALTED}]}");
});

test("eto logout reason by name; an unknown enum number is shown as the number", (t) => {
  const known = etoPayload({ type: eto.PayloadType.PAYLOAD_LOGOUT, logout: { reason: eto.LogoutReason.LOGOUT_HEARTBEAT_TIMEOUT } });
  t.is(formatPayload(decoded(known)), "eto.logout seq=3 is_replay=false {reason=LOGOUT_HEARTBEAT_TIMEOUT}");
  const unknown = etoPayload({ type: eto.PayloadType.PAYLOAD_LOGOUT, logout: { reason: 77 as eto.LogoutReason } });
  t.is(formatPayload(decoded(unknown)), "eto.logout seq=3 is_replay=false {reason=77}");
  const placeholder = etoPayload({ type: eto.PayloadType.PAYLOAD_LOGOUT, logout: { reason: eto.LogoutReason.UNRECOGNIZED } });
  t.is(formatPayload(placeholder), "eto.logout seq=3 is_replay=false {reason=-1}");
});

test("seto login: username shown, password and cookie redacted", (t) => {
  const text = formatPayload(
    decoded({
      type: seto.PayloadType.PAYLOAD_LOGIN,
      etoPayload: envelope(1n),
      login: { username: "alice", password: "hunter2", cookie: new TextEncoder().encode("cookie-bytes"), accountSequence64: 9n },
    }),
  );
  t.is(text, "seto.login seq=1 is_replay=false {username=alice password=<redacted> cookie=<redacted> account_sequence64=9}");
});

test("eto login and login response: the session id is redacted", (t) => {
  const login = formatPayload(decoded(etoPayload({ type: eto.PayloadType.PAYLOAD_LOGIN, login: { session: "sess-0123" } })));
  t.is(login, "eto.login seq=3 is_replay=false {session=<redacted>}");
  const response = formatPayload(
    decoded(etoPayload({ type: eto.PayloadType.PAYLOAD_LOGIN_RESPONSE, loginResponse: { session: "sess-0123", reset: 4n } })),
  );
  t.is(response, "eto.login_response seq=3 is_replay=false {session=<redacted> reset=4}");
});

test("secret-named fields are redacted generically, at any depth and in unknown payloads", (t) => {
  // A future protocol version may add such fields; they are masked by name.
  const future = {
    type: seto.PayloadType.PAYLOAD_ORDER_CREATE,
    etoPayload: envelope(2n),
    orderCreate: { side: 1, quantity: 1n, marketId: 1, contractId: 1, apiToken: "tok-abc", nested: { clientSecret: "sec-xyz" } },
  } as unknown as seto.Payload;
  const text = formatPayload(future);
  t.true(text.includes("api_token=<redacted>"), text);
  t.true(text.includes("client_secret=<redacted>"), text);
  t.false(/tok-abc|sec-xyz/.test(text), text);

  const unknownType = {
    type: 200,
    etoPayload: envelope(2n),
    login: { username: "u", password: "pw-999" },
  } as unknown as seto.Payload;
  const unknownText = formatPayload(unknownType);
  t.is(unknownText, "seto.unknown(200) seq=2 is_replay=false login={username=u password=<redacted>}");
});

test("an empty body shows as {}; a body that does not belong to the type is shown by name", (t) => {
  const empty = decoded({ type: seto.PayloadType.PAYLOAD_PRICE_FEED_SUBSCRIBE, etoPayload: envelope(2n), priceFeedSubscribe: {} });
  t.is(formatPayload(empty), "seto.price_feed_subscribe seq=2 is_replay=false {}");
  const stray = decoded({
    type: seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE,
    etoPayload: { ...envelope(2n), replay: { seq: 1n } },
    marketSubscribe: { marketId: 5 },
    eventSubscribe: { eventId: 6 },
  });
  t.is(formatPayload(stray), "seto.market_subscribe seq=2 is_replay=false {market_id=5} event_subscribe={event_id=6} replay={seq=1}");
});

test("odd input never throws and says what it saw", (t) => {
  const e = envelope(1n);
  const cases: [unknown, string][] = [
    [undefined, "<not a payload: undefined>"],
    [null, "<not a payload: null>"],
    [42, "<not a payload: 42>"],
    [{}, "seto.unknown(undefined) seq=? is_replay=false"],
    [{ type: seto.PayloadType.PAYLOAD_ETO }, "eto.unknown(undefined) seq=? is_replay=false"],
    [{ type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq: 1n } }, "eto.unknown(undefined) seq=1 is_replay=false"],
    [{ type: "PAYLOAD_LOGIN", etoPayload: null }, "seto.unknown(PAYLOAD_LOGIN) seq=? is_replay=false"],
    [{ type: seto.PayloadType.PAYLOAD_LOGIN, etoPayload: e, login: null }, "seto.login seq=1 is_replay=false {body=null}"],
    [{ type: seto.PayloadType.PAYLOAD_LOGIN, etoPayload: e, login: "a string" }, 'seto.login seq=1 is_replay=false {body="a string"}'],
    [
      { type: seto.PayloadType.PAYLOAD_MARKET_QUOTES, etoPayload: e, marketQuotes: { contractQuotes: [null, 3, { bids: "x" }] } },
      "seto.market_quotes seq=1 is_replay=false {contract_quotes=[null, 3, {bids=x}]}",
    ],
    [
      {
        type: seto.PayloadType.PAYLOAD_ORDER_CREATE,
        etoPayload: e,
        get orderCreate(): never {
          throw new Error("getter exploded");
        },
      },
      "seto.order_create seq=1 is_replay=false {body=[unreadable]}",
    ],
    [
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error("proxy exploded");
          },
          get() {
            return 99;
          },
        },
      ),
      "<unformattable payload: Error: proxy exploded>",
    ],
  ];
  for (const [input, expected] of cases) t.is(formatPayload(input as seto.Payload), expected);
});

test("a cyclic body is cut off at a fixed depth", (t) => {
  const cyclic: Record<string, unknown> = { side: 1 };
  cyclic["self"] = cyclic;
  const text = formatPayload({ type: seto.PayloadType.PAYLOAD_ORDER_CREATE, etoPayload: envelope(1n), orderCreate: cyclic } as unknown as seto.Payload);
  t.regex(text, /^seto\.order_create seq=1 is_replay=false \{side=SIDE_BUY self=\{side=1 self=.*\{…\}+$/);
});

test("property: the password and cookie of a login payload never appear in its text", (t) => {
  // A distinctive prefix keeps short secrets from matching other text by chance.
  const secret = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `S3CR3T:${s}`);
  fc.assert(
    fc.property(secret, secret, fc.string({ maxLength: 20 }), fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), (password, cookie, username, seq) => {
      const payload = decoded({
        type: seto.PayloadType.PAYLOAD_LOGIN,
        etoPayload: envelope(seq),
        login: { username, password, cookie: new TextEncoder().encode(cookie) },
      });
      const text = formatPayload(payload);
      return !text.includes("S3CR3T") && text.includes("password=<redacted>") && text.includes("cookie=<redacted>");
    }),
  );
  t.pass();
});

test("property: the session of an eto login never appears in its text", (t) => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), (session) => {
      const secret = `S3SS10N:${session}`;
      const text = formatPayload(decoded(etoPayload({ type: eto.PayloadType.PAYLOAD_LOGIN, login: { session: secret } })));
      return !text.includes("S3SS10N");
    }),
  );
  t.pass();
});

test("property: any payload renders as one line", (t) => {
  fc.assert(
    fc.property(fc.string(), fc.constantFrom(...payloadNames), (label, name) => {
      const info = payloadInfo[name];
      const payload: seto.Payload = { type: info.setoType, etoPayload: envelope(1n, info.etoType ?? eto.PayloadType.PAYLOAD_NONE) };
      if (info.layer === "seto" && info.property !== undefined) {
        (payload as unknown as Record<string, unknown>)[info.property] = { label, reason: label };
      }
      const text = formatPayload(payload);
      return text.startsWith(`${name} seq=1 `) && !/[\n\r\u2028\u2029]/.test(text);
    }),
  );
  t.pass();
});
