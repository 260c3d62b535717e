import test from "ava";
import fc from "fast-check";
import { Side } from "../../generated/seto.js";
import { averagePrice, buyerStake, moneyToCurrency, orderRisk, sellerStake } from "../../exchange/engine/money.js";
import { positionExposure } from "../../exchange/engine/accounts.js";

test("the seto docs' example: 400000 of quantity at 25% is a 10.00 buy stake", (t) => {
  t.is(buyerStake(400000n, 2500), 100000n);
  t.is(moneyToCurrency(buyerStake(400000n, 2500)), 10);
  t.is(sellerStake(400000n, 2500), 300000n);
});

test("buyer and seller stakes always add up to the payoff", (t) => {
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 1, max: 9999 }), (units, price) => {
      const q = units * 10000n;
      t.is(buyerStake(q, price) + sellerStake(q, price), q);
      t.is(orderRisk(Side.SIDE_BUY, q, price), buyerStake(q, price));
      t.is(orderRisk(Side.SIDE_SELL, q, price), sellerStake(q, price));
    }),
  );
});

test("averagePrice rounds half up and is undefined with nothing executed", (t) => {
  t.is(averagePrice(0n, 0n), undefined);
  t.is(averagePrice(3n * 4967n - 1n, 3n), 4967); // 4966.67
  t.is(averagePrice(2n * 4950n + 1n, 2n), 4951); // 4950.5
  t.is(averagePrice(4900n + 5000n, 2n), 4950);
});

test("moneyToCurrency divides by 10000", (t) => {
  t.is(moneyToCurrency(12345n), 1.2345);
  t.is(moneyToCurrency(-10000n), -1);
});

test("a position's worst case: a long loses its stake, a short loses quantity minus what it received", (t) => {
  t.is(positionExposure({ quantity: 0n, stake: 0n }), 0n);
  t.is(positionExposure({ quantity: 100n, stake: 25n }), 25n);
  t.is(positionExposure({ quantity: -100n, stake: -25n }), 75n);
  // Bought at 50, sold at 60: a locked-in profit, nothing at risk.
  t.is(positionExposure({ quantity: 0n, stake: -10n }), 0n);
});
