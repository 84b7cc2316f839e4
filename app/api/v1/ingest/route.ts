import { z } from "zod";

import { handleIngestRequest, MAX_INGEST_BODY_BYTES } from "@/lib/ingest/handle-ingest-request";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Records are validated by the ingest schemas, which report every bad record by kind and index.
export const POST = route({ auth: "data:ingest", body: z.unknown(), maxBodyBytes: MAX_INGEST_BODY_BYTES }, ({ db, body }) =>
  handleIngestRequest(db, body),
);
