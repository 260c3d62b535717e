// The tables of the protocol docs (../shared/protocol/docs, Smarkets' API
// docs), transcribed row by row exactly as written, and the few places where
// a row contradicts its own table (errata: each is corrected here, with why).
// The tests walk these rows; tables-coverage.test.ts checks, when ../shared is
// present, that every table row of every doc is transcribed here verbatim.

export interface DocTable {
  /** The doc, relative to docs/ (e.g. `eto/seq.txt`). */
  readonly doc: string;
  readonly title: string;
  /** The table's rows, verbatim (header rows left out). */
  readonly rows: readonly string[];
}

export const SEQ_TABLE: DocTable = {
  doc: "eto/seq.txt",
  title: "the life of a session sequence",
  rows: [
    "| 1 | 1 | | - | | 1 | 1 |",
    "| 1 | 1 | | < | eto/payload{seq=1, login=…} | 2 | 1 |",
    "| 2 | 1 | eto/payload{seq=1, login=…} | < | | 2 | 1 |",
    "| 2 | 2 | eto/payload{seq=1, login_response=…} | > | | 2 | 1 |",
    "| 2 | 2 | | > | eto/payload{seq=1, login_response=…} | 2 | 2 |",
  ],
};

export const LOGIN_RESUME_TABLE: DocTable = {
  doc: "eto/login.txt",
  title: "resuming a session",
  rows: [
    "| 20 | 78 | | - | | 78 | 20 |",
    "| 20 | 78 | | < | eto/payload{seq=20, login=eto/login{session=…}} | 21 | 78 |",
    "| 21 | 78 | eto/payload{seq=20, login=eto/login{session=…}} | < | | 21 | 78 |",
    "| 21 | 79 | eto/payload{seq=78, login_response=…} | > | | 21 | 78 |",
    "| 21 | 79 | | > | eto/payload{seq=78, login_response=…} | 21 | 79 |",
  ],
};

export const LOGIN_REPLAY_TABLE: DocTable = {
  doc: "eto/login.txt",
  title: "requesting replay after resuming a session",
  rows: [
    "| 40 | 58 | | - | | 40 | 54 |",
    "| 40 | 58 | | < | eto/payload{seq=40, login=eto/login{session=…}} | 41 | 54 |",
    "| 41 | 58 | eto/payload{seq=40, login=eto/login{session=…}} | < | | 41 | 54 |",
    "| 41 | 59 | eto/payload{seq=58, login_response=…} | > | | 41 | 54 |",
    "| 41 | 59 | | > | eto/payload{seq=78, login_response=…} | 41 | 54 |",
    "| 41 | 59 | | < | eto/payload{seq=41, is_replay=eto/replay{seq=54}} | 42 | 54 |",
    "| 42 | 59 | eto/payload{seq=42, is_replay=eto/replay{seq=54}} | < | | 42 | 54 |",
    "| 42 | 59 | eto/payload{seq=54, type=pong, is_replay=true} | > | | 42 | 54 |",
    "| 42 | 59 | eto/payload{seq=55, type=pong, is_replay=true} | > | | 42 | 54 |",
    "| 42 | 59 | | > | eto/payload{seq=54, type=pong, is_replay=true} | 42 | 55 |",
    "| 42 | 59 | eto/payload{seq=56, type=pong, is_replay=true} | > | | 42 | 54 |",
    "| 42 | 59 | | > | eto/payload{seq=55, type=pong, is_replay=true} | 42 | 56 |",
    "| 42 | 59 | | > | eto/payload{seq=56, type=pong, is_replay=true} | 42 | 57 |",
    "| 42 | 59 | eto/payload{seq=57, type=pong, is_replay=true} | > | | 42 | 54 |",
    "| 42 | 59 | eto/payload{seq=58, type=gapfill, is_replay=true} | > | | 42 | 54 |",
    "| 42 | 59 | | > | eto/payload{seq=57, type=pong, is_replay=true} | 42 | 58 |",
    "| 42 | 59 | | > | eto/payload{seq=58, type=gapfill, is_replay=true} | 42 | 59 |",
  ],
};

export const CONTRACT_QUOTES_TABLE: DocTable = {
  doc: "seto/contract-quotes.txt",
  title: "contract-quotes updates of a depth view",
  rows: [
    "| 55%100000 | 54%100000 | 53%100000 | 52%100000 | 51%100000 | 49%100000 | 48%100000 | 47%100000 | 46%100000 | 45%100000 |",
    '| Contract updated with a new buy price at 50% contract_quotes{ contract = ..., bids = [ quote{ price = 5000, quantity = 100000 } ] } Push worse available quotes to the side to fit in 50% Note that the liquidity is displayed on the opposite side, meaning "available for you to sell - matching the available buy". |',
    "| - | - | - | - | - | insert | > | > | > | > |",
    "| 55%100000 | 54%100000 | 53%100000 | 52%100000 | 51%100000 | 50%100000 | 49%100000 | 48%100000 | 47%100000 | 46%100000 |",
    "| A sell order comes in at 50% that matches all of the available 50% quantity with some left over. contract_quotes{ contract = ..., bids = [ quote{ price = 4500, quantity = 400000 }, quote{ price = 5000, quantity = 0 } ], offers = [ quote{ price = 5000, quantity = 300000 } ], executions = [ execution{ price = 5000, quantity = 100000, liquidity = buy } ] } Get rid of 50% available for a seller to take due to receiving 1 worse price from outside the depth size and a new 5000 quantity of 0. Move prices over to fill in where 50% used to live and add the 45% we were just told. Push over the worse sell quotes to the left and fit in the 50% available for someone to buy. Note that the available quantity at 45% is different to what we previously pushed off the end, this is because it fell outside of the available depth that Smarkets provides, and has updated since it fell off the end. |",
    "| < | < | < | < | insert | remove < | < | < | < | insert |",
    "| 54%100000 | 53%100000 | 52%100000 | 51%100000 | 50%300000 | 49%100000 | 48%100000 | 47%100000 | 46%100000 | 45%400000 |",
    "| A buy order at 51% comes in that takes a price improvement causing all the 50% to get matched along with a portion of the available 51% quantity. There is no more liquidity worse than 54% on the buy side (offers) contract_quotes{ contract = ..., offers = [ quote{ price = 5000, quantity = 0 }, quote{ price = 5100, quantity = 20000 } ], executions = [ execution{ price = 5000, quantity = 300000, liquidity = sell }, execution{ price = 5100, quantity = 280000, liquidity = sell } ] } Remove 50% due to execution, a new quantity of 0, and an extra price coming in from outside the depth size of 5. Update 51% to quantity 20000 |",
    "| | > | > | > | > remove | - | - | - | - | - |",
    "| - | 54%100000 | 53%100000 | 52%100000 | 51%20000 | 49%100000 | 48%100000 | 47%100000 | 46%100000 | 45%400000 |",
    "| All 48% is cancelled and more comes in from outside the depth limit of 5. contract_quotes{ contract = ..., bids = [ quote{ price = 4800, quantity = 0 }, quote{ price = 4000, quantity = 30000 } ] } Remove 48% due to quantity of zero and an extra price coming in from outside the depth size of 5. |",
    "| | - | - | - | - | - | removed < | < | < | insert |",
    "| - | 54%100000 | 53%100000 | 52%100000 | 51%20000 | 49%100000 | 47%100000 | 46%100000 | 45%400000 | 40%30000 |",
  ],
};

export const DOC_TABLES: readonly DocTable[] = [SEQ_TABLE, LOGIN_RESUME_TABLE, LOGIN_REPLAY_TABLE, CONTRACT_QUOTES_TABLE];

/** A row the docs print wrongly, the row the tests use instead, and why. */
export interface Erratum {
  readonly row: string;
  readonly corrected: string;
  readonly why: string;
}

export const ERRATA: readonly Erratum[] = [
  {
    row: "| 20 | 78 | | - | | 78 | 20 |",
    corrected: "| 20 | 78 | | - | | 20 | 78 |",
    why: "the client's Out and In are swapped: the next row has the client send seq 20 and show Out 21, In 78",
  },
  {
    row: "| 41 | 59 | | > | eto/payload{seq=78, login_response=…} | 41 | 54 |",
    corrected: "| 41 | 59 | | > | eto/payload{seq=58, login_response=…} | 41 | 54 |",
    why: "the client receives the login_response the server sent in the row before, seq 58 (78 is the first table's)",
  },
  {
    row: "| 41 | 59 | | < | eto/payload{seq=41, is_replay=eto/replay{seq=54}} | 42 | 54 |",
    corrected: "| 41 | 59 | | < | eto/payload{seq=41, replay=eto/replay{seq=54}} | 42 | 54 |",
    why: "the replay request travels in eto payload field `replay` (type replay); `is_replay` is the boolean flag on resent payloads",
  },
  {
    row: "| 42 | 59 | eto/payload{seq=42, is_replay=eto/replay{seq=54}} | < | | 42 | 54 |",
    corrected: "| 42 | 59 | eto/payload{seq=41, replay=eto/replay{seq=54}} | < | | 42 | 54 |",
    why: "the server receives the replay request the client sent as seq 41 (its In becomes 42); field `replay`, as above",
  },
  {
    row: CONTRACT_QUOTES_TABLE.rows[7] as string,
    corrected: (CONTRACT_QUOTES_TABLE.rows[7] as string).replace("quantity = 280000", "quantity = 80000"),
    why: "51% showed 100000 and shows 20000 after the buy: 80000 traded there (280000 is more than was offered)",
  },
];

/** The row as the tests use it: its erratum's correction, or the row itself. */
export function corrected(row: string): string {
  return ERRATA.find((e) => e.row === row)?.corrected ?? row;
}

/** The table rows of a doc's text, in order (header rows left out). */
export function tableRows(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("|") && !/^\| Server \||^\| In \| Out \|/.test(l));
}
