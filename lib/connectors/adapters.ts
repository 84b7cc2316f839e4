import { aircallAdapter } from "./aircall/aircall-adapter";
import type { ConnectorAdapter } from "./connector";
import { freshdeskAdapter } from "./freshdesk/freshdesk-adapter";
import { zendeskAdapter } from "./zendesk/zendesk-adapter";

/** Every vendor Deskpulse can connect to, by the `kind` stored on a connection. */
export const connectorAdapters: Record<string, ConnectorAdapter> = {
  [zendeskAdapter.kind]: zendeskAdapter,
  [freshdeskAdapter.kind]: freshdeskAdapter,
  [aircallAdapter.kind]: aircallAdapter,
};
