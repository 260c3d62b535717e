// Prices on the Smarkets ladder and the seed's tagged ids. No network needed.
import { ids, odds } from "smarkets-streaming";

// Prices travel as basis points of probability: 2500 = 25% = decimal 4.0.
console.log(odds.toPercentStr(2500), odds.toDecimalStr(2500), odds.toFractionalStr(2500), odds.toAmericanStr(2500));
console.log(odds.fromDecimal("4.0"), odds.fromPercent("25"), odds.fromFractional("3/1"), odds.fromAmerican(300));

// Only ladder prices can be traded; snapping moves to the nearest tick that is
// equal or worse for your side.
console.log(odds.isTick(2501)); // false
console.log(odds.snapToTick("buy", 30), odds.snapToTick("sell", 30)); // 0.3% → 33 (0.33%) buying, 20 (0.20%) selling
console.log(odds.ticksAbove(9750, 3).map(odds.toPercentStr)); // [ '98.04%', '99.01%', '99.99%' ]

// Tagged 128-bit ids with slugs, as the seed's smarkets.uuid.
const account = ids.TaggedId.fromSlug("a-lvgb2h48s4kweqbl");
console.log(account.tag.name, account.toHex(), account.high, account.low);
const order = ids.TaggedId.fromInt(12345n, "Order");
console.log(order.toSlug(), order.toHex(), ids.TaggedId.parse(order.toSlug()).number);
