// Checks a seto login's credentials: username and password, or a token sent
// as the login `cookie`. Comparisons take the same time whatever the guess.
import { createHash, timingSafeEqual } from "node:crypto";
import type * as seto from "../../generated/seto.js";
import type { ResolvedAccount } from "./accounts.js";

interface Entry {
  readonly accountId: number;
  readonly username: string;
  readonly password: Buffer;
}

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();
const utf8 = new TextDecoder("utf-8", { fatal: false });

export interface Authenticated {
  readonly accountId: number;
  readonly username: string;
}

export class CredentialBook {
  readonly #byName = new Map<string, Entry>();
  readonly #tokens: { readonly token: Buffer; readonly entry: Entry }[] = [];

  /** `accounts[i]` logs in to engine account `accountIds[i]`. */
  constructor(accounts: readonly ResolvedAccount[], accountIds: readonly number[]) {
    accounts.forEach((a, i) => {
      const entry: Entry = { accountId: accountIds[i] as number, username: a.username, password: digest(a.password) };
      this.#byName.set(a.username, entry);
      if (a.token !== undefined) this.#tokens.push({ token: digest(a.token), entry });
    });
  }

  /** The account the login names, or undefined if its credentials are wrong or missing. */
  authenticate(login: seto.Login): Authenticated | undefined {
    if (login.password !== undefined || login.username !== undefined) {
      const entry = login.username === undefined ? undefined : this.#byName.get(login.username);
      const guess = digest(login.password ?? "");
      // Compare even for an unknown user, so timing does not tell which names exist.
      const ok = timingSafeEqual(guess, entry?.password ?? digest("\u0000no such user"));
      return ok && entry !== undefined ? view(entry) : undefined;
    }
    if (login.cookie !== undefined && login.cookie.length > 0) {
      const guess = digest(utf8.decode(login.cookie));
      let found: Entry | undefined;
      for (const t of this.#tokens) if (timingSafeEqual(guess, t.token)) found = t.entry;
      return found === undefined ? undefined : view(found);
    }
    return undefined;
  }
}

function view(e: Entry): Authenticated {
  return { accountId: e.accountId, username: e.username };
}
