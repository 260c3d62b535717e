// Every kind of hostile server the client fuzz draws from, and the draw.
import type { Prng } from "../../../exchange/engine/index.js";
import { pickWeighted } from "../../common/weighted.js";
import { BYTES_KINDS } from "./bytes.js";
import { FLOW_KINDS } from "./flow.js";
import type { HostileKind } from "./kit.js";
import { PROTOBUF_KINDS } from "./protobuf.js";
import { SEQUENCING_KINDS } from "./sequencing.js";
import { SESSION_KINDS } from "./session.js";
import { TRADING_KINDS } from "./trading.js";

export const HOSTILE_KINDS: readonly HostileKind[] = [...BYTES_KINDS, ...PROTOBUF_KINDS, ...SEQUENCING_KINDS, ...SESSION_KINDS, ...TRADING_KINDS, ...FLOW_KINDS];

/** A kind drawn by weight. */
export const drawKind = (rng: Prng): HostileKind => pickWeighted(rng, HOSTILE_KINDS, (k) => k.weight ?? 1);
