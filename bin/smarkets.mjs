#!/usr/bin/env node
// The `smarkets` command. The CLI is TypeScript, run through tsx's loader
// (registered here, so a user's install needs tsx as a dependency); the
// project's own tsconfig is used whatever directory the command runs in.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../cli/main.ts");
