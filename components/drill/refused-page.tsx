import { forbidden, notFound } from "next/navigation";

import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import type { Refusal } from "@/lib/views/page-view";

/** Why a view has no page to show, as the response: a 404, a 403, or what is wrong with the filters. */
export function RefusedPage({ refusal }: { refusal: Refusal }) {
  if (refusal.outcome === "not-found") notFound();
  if (refusal.outcome === "forbidden") forbidden();
  return <InvalidFilters parameter={refusal.parameter} message={refusal.message} />;
}
