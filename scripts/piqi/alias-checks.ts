// Checks on aliases once every type name is resolved.
import { PROTO_SCALARS } from "./builtins.js";
import { fail, quote } from "./errors.js";
import { baseType, type AliasDef } from "./model.js";
import type { AliasSpec } from "./spec.js";

/** An alias must end at a real type; `a` → `b` → `a` would never unwind. */
export function rejectAliasLoop(alias: AliasDef): void {
  const chain: AliasDef[] = [alias];
  let current = alias.target;
  while (current.kind === "def" && current.def.kind === "alias") {
    const next = current.def;
    const seen = chain.indexOf(next);
    if (seen >= 0) fail(next.pos, `alias loop: ${[...chain.slice(seen), next].map((a) => quote(a.piqiName)).join(" -> ")}`);
    chain.push(next);
    current = next.target;
  }
}

/** `.piqi-type` must agree with `.type`; `.protobuf-type` must be a proto scalar holding the alias's values. */
export function checkAlias(alias: AliasDef, spec: AliasSpec): void {
  const base = baseType(alias.target);
  if (spec.type && spec.piqiType) {
    const kind = base.kind === "builtin" ? base.builtin.kind : undefined;
    if (kind !== spec.piqiType.value) {
      fail(spec.piqiType.pos, `.piqi-type ${spec.piqiType.value} doesn't match the type ${quote(spec.type.value)}`);
    }
  }
  const override = spec.protobufType;
  if (!override) return;
  const scalar = PROTO_SCALARS.get(override.value);
  if (!scalar) {
    fail(override.pos, `invalid .protobuf-type ${quote(override.value)}: expected one of ${[...PROTO_SCALARS.keys()].join(", ")}`);
  }
  if (base.kind !== "builtin" || base.builtin.kind !== scalar.kind) {
    const what = base.kind === "builtin" ? `piqi type ${quote(base.builtin.kind)}` : `${base.def.kind} ${quote(base.def.piqiName)}`;
    fail(override.pos, `.protobuf-type ${quote(override.value)} is incompatible with ${what}`);
  }
}
