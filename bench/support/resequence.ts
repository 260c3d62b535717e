// Payloads re-numbered without the generated encoder, for streams too long to
// encode whole (the memory benchmark plays millions): a firehose payload is
// cut into its envelope's type and eto type and its body field, and framed
// again around any seq. Only the layout the firehose generator writes is
// understood: seto type (field 1), eto_payload (field 2: seq, eto type),
// then at most one body field, copied as it is.
export interface Template {
  readonly setoType: number;
  /** eto type, or -1 for a seto message. */
  readonly etoType: number;
  /** The body field, tag and length included (empty for an eto payload). */
  readonly body: Uint8Array;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return [value, at];
    scale *= 128;
  }
}

/** Splits a payload the firehose generator encoded. */
export function template(payload: Uint8Array): Template {
  if (payload[0] !== 0x08) throw new Error("not a firehose payload: field 1 first expected");
  const [setoType, afterType] = readVarint(payload, 1);
  if (payload[afterType] !== 0x12) throw new Error("not a firehose payload: eto_payload second expected");
  const [etoLength, etoStart] = readVarint(payload, afterType + 1);
  const etoEnd = etoStart + etoLength;
  let etoType = -1;
  for (let at = etoStart; at < etoEnd; ) {
    const tag = payload[at]!;
    const [value, next] = readVarint(payload, at + 1);
    if (tag === 0x10) etoType = value;
    at = next;
  }
  return { setoType, etoType, body: payload.subarray(etoEnd) };
}

function varintLength(value: number): number {
  let n = 1;
  for (; value >= 0x80; value = Math.floor(value / 128)) n++;
  return n;
}

function writeVarint(value: number, into: Uint8Array, at: number): number {
  for (; value >= 0x80; value = Math.floor(value / 128)) into[at++] = (value % 128) | 0x80;
  into[at++] = value;
  return at;
}

/** Bytes the frame of `t` at `seq` takes (length header, payload, padding to 4). */
export function frameSize(t: Template, seq: number): number {
  const payload = payloadSize(t, seq);
  return Math.max(4, varintLength(payload) + payload);
}

function payloadSize(t: Template, seq: number): number {
  const eto = 1 + varintLength(seq) + (t.etoType >= 0 ? 1 + varintLength(t.etoType) : 0);
  return 1 + varintLength(t.setoType) + 1 + varintLength(eto) + eto + t.body.length;
}

/** Writes the frame of `t` numbered `seq` at `into[at]`; returns where it ends. */
export function writeFrameAt(t: Template, seq: number, into: Uint8Array, at: number): number {
  const start = at;
  const eto = 1 + varintLength(seq) + (t.etoType >= 0 ? 1 + varintLength(t.etoType) : 0);
  at = writeVarint(payloadSize(t, seq), into, at);
  into[at++] = 0x08;
  at = writeVarint(t.setoType, into, at);
  into[at++] = 0x12;
  at = writeVarint(eto, into, at);
  into[at++] = 0x08;
  at = writeVarint(seq, into, at);
  if (t.etoType >= 0) {
    into[at++] = 0x10;
    at = writeVarint(t.etoType, into, at);
  }
  into.set(t.body, at);
  at += t.body.length;
  while (at - start < 4) into[at++] = 0;
  return at;
}
