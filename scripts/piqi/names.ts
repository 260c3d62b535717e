// Piqi and proto naming rules, and the mapping between them.

/** A piqi name: a letter, then letters, digits and dashes (`order-create`). */
export function isValidPiqiName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(name);
}

/** A piqi module name: like a piqi name, but `_` and `.` are allowed too. */
export function isValidModuleName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(name);
}

/** The proto name piqi derives from a piqi name: dashes become underscores. */
export function protoNameOf(piqiName: string): string {
  return piqiName.replace(/-/g, "_");
}

/** A proto identifier: letters, digits and underscores, not starting with a digit. */
export function isValidProtoIdent(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** A proto package: identifiers joined by dots. */
export function isValidProtoPackage(name: string): boolean {
  return name.split(".").every(isValidProtoIdent);
}

/** The module name piqi derives from a file name: the base name without `.proto.piqi` or `.piqi`. */
export function moduleNameOfFile(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  if (base.endsWith(".proto.piqi")) return base.slice(0, -".proto.piqi".length);
  if (base.endsWith(".piqi")) return base.slice(0, -".piqi".length);
  return base;
}
