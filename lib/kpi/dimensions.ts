/** What KPIs can be filtered and broken down by; kept apart from the SQL so browser code can import it. */
export const DIMENSIONS = ["team", "agent", "channel", "queue"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
