import type { ConnectorAdapter } from "./connector";
import { zendeskAdapter } from "./zendesk/zendesk-adapter";

/** Every vendor Deskpulse can connect to, by the `kind` stored on a connection. */
export const connectorAdapters: Record<string, ConnectorAdapter> = {
  [zendeskAdapter.kind]: zendeskAdapter,
};
