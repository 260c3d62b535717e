/**
 * How an offending value appears in an error message: strings quoted (so ""
 * and " 1" stay visible), bigints with their `n`, -0 as "-0", objects by kind.
 */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return Object.prototype.toString.call(value);
  return String(value);
}
