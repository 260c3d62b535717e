import { FakeClock } from "../../../runtime/fake-clock.js";
import { Trading, type TradingOptions } from "../../../runtime/trading/index.js";
import { FakePort } from "./fake-port.js";

/** A Trading on a fake clock and port, with references 1001, 1002, … */
export function setup(options: TradingOptions = {}): { clock: FakeClock; port: FakePort; trading: Trading } {
  const clock = new FakeClock();
  const port = new FakePort(clock);
  let next = 1000n;
  const trading = new Trading(port, { clock, references: () => ++next, ...options });
  return { clock, port, trading };
}

export const ORDER = { marketId: 1, contractId: 2, side: "buy", price: 2500, quantity: 400_000n } as const;
