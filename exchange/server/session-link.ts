// What a server session needs from the connection it is attached to.

export interface SessionLink {
  /** Writes one numbered payload (frames it). */
  write(payload: Uint8Array, urgent: boolean): void;
  /** Sends what is queued, then closes the connection (after a logout, or a fault rule's cut). */
  finish(why: string): void;
  /** Closes the connection at once, without a logout (the session stays resumable). */
  drop(why: string): void;
}
