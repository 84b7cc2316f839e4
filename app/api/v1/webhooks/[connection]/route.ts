import { z } from "zod";

import { handleWebhookDelivery } from "@/lib/connectors/handle-webhook-delivery";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Public: the vendor's signature over the raw body is the authentication, checked in lib/.
export const POST = route({ auth: "public", params: z.object({ connection: z.coerce.number().int().positive() }) }, ({ db, params, request }) =>
  handleWebhookDelivery(db, params.connection, request),
);
