// settings: answered by settings-accepted, which carries no key, so pending
// settings requests are answered in the order they were sent (the registry
// yields the oldest first).
import type * as seto from "../../../../generated/seto.js";
import { key } from "../keys.js";
import type { RequestSpec } from "../request-spec.js";

export function settingsSpec(cancelAllOnFailure: boolean): RequestSpec<seto.SettingsAccepted> {
  return {
    what: `updateSettings (cancelAllOnFailure ${cancelAllOnFailure})`,
    message: { name: "seto.settings", body: { cancelAllOnFailure } },
    reference: undefined,
    keys: [key.settings],
    replies: {
      "seto.settings_accepted": (m) => ({ resolve: m }),
    },
  };
}
