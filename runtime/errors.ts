// One error class per failure domain. Every error carries a `name` that
// survives minification and serialisation, an optional `cause`, and a message
// naming the offending value and the limit it broke.

/** Options of every error's constructor: the `cause`. */
export interface ErrorOptions {
  cause?: unknown;
}

/** Base of every error this package throws; `instanceof SmarketsError` catches them all. */
export class SmarketsError extends Error {
  override readonly name: string = "SmarketsError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Bytes could not be split into frames: bad length header, frame over the size cap. */
export class DecodeError extends SmarketsError {
  override readonly name = "DecodeError";
  constructor(
    message: string,
    /** Stream offset of the frame whose header was bad, when known. */
    readonly offset?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Bytes of an offending frame a ParseError keeps: enough to diagnose, never a whole 16 MiB frame per queued error. */
export const PARSE_ERROR_FRAME_BYTES = 1024;

/** A complete frame did not hold a valid `seto.Payload` (bad protobuf, missing required field). */
export class ParseError extends SmarketsError {
  override readonly name = "ParseError";
  /**
   * The offending frame body's first PARSE_ERROR_FRAME_BYTES bytes, copied
   * (not a view that would keep the whole receive buffer alive), for logging
   * and diagnosis.
   */
  readonly frame?: Uint8Array;
  /** The offending frame body's full length. */
  readonly frameLength?: number;
  constructor(message: string, frame?: Uint8Array, options?: ErrorOptions) {
    super(message, options);
    if (frame !== undefined) {
      this.frame = frame.slice(0, PARSE_ERROR_FRAME_BYTES);
      this.frameLength = frame.length;
    }
  }
}

/** The peer broke the session protocol (sequence went backwards without `is_replay`, login not first, …). */
export class ProtocolError extends SmarketsError {
  override readonly name = "ProtocolError";
}

/** Could not connect, or the connection failed; says where to and why. */
export class ConnectionError extends SmarketsError {
  override readonly name: string = "ConnectionError";
  constructor(
    message: string,
    readonly host?: string,
    readonly port?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The socket closed (by the peer, by an error, or declared dead for silence). */
export class SocketDisconnected extends ConnectionError {
  override readonly name: string = "SocketDisconnected";
}

/**
 * We dropped the connection because the peer does not take what we send:
 * `backlogBytes` were waiting to be sent, over the `limitBytes` the
 * connection may hold (maxOutboundBytes).
 */
export class SlowConsumer extends SocketDisconnected {
  override readonly name = "SlowConsumer";
  constructor(
    message: string,
    readonly backlogBytes: number,
    readonly limitBytes: number,
    host?: string,
    port?: number,
    options?: ErrorOptions,
  ) {
    super(message, host, port, options);
  }
}

/** A handler name that is not a payload type, or a handler that is not a function. */
export class InvalidCallbackError extends SmarketsError {
  override readonly name = "InvalidCallbackError";
}

/** The exchange refused the login; `reason` is the logout reason it gave. */
export class LoginError extends SmarketsError {
  override readonly name = "LoginError";
  constructor(
    message: string,
    /** The `eto.LogoutReason` the exchange sent, or undefined if it closed without one. */
    readonly reason?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** No login response arrived within the login timeout. */
export class LoginTimeout extends SmarketsError {
  override readonly name = "LoginTimeout";
  constructor(
    message: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An awaited operation did not complete in time. */
export class TimeoutError extends SmarketsError {
  override readonly name = "TimeoutError";
  constructor(
    message: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An awaited operation was cancelled through its AbortSignal. */
export class AbortedError extends SmarketsError {
  override readonly name = "AbortedError";
}

/** A caller passed a bad argument (wrong type, out of range); nothing was sent. */
export class ArgumentError extends SmarketsError {
  override readonly name = "ArgumentError";
}

/** A handler threw while processing an incoming payload (`cause` is what it threw). */
export class HandlerError extends SmarketsError {
  override readonly name = "HandlerError";
  /** The handler, by its function name ("anonymous" without one) and place, e.g. `"onQuote" (handler 2 of 3 for seto.contract_quotes)`. */
  readonly handler: string | undefined;
  /** The payload being handled (with its own copy of the bytes). */
  readonly payload: IncomingPayloadLike | undefined;
  constructor(
    message: string,
    /** The payload name the handler was registered for, e.g. `seto.order_accepted`. */
    readonly payloadName: string,
    readonly seq: bigint,
    options?: ErrorOptions & { handler?: string; payload?: IncomingPayloadLike },
  ) {
    super(message, options);
    this.handler = options?.handler;
    this.payload = options?.payload;
  }
}

/** What a HandlerError keeps of the payload (an IncomingPayload; typed structurally to keep this file free of imports). */
export interface IncomingPayloadLike {
  readonly name: string;
  readonly seq: bigint;
  readonly isReplay: boolean;
  readonly bytes: Uint8Array;
}
