import type { DashboardWidget } from "@/lib/dashboards/widget-config";

// A dashboard prints as one page: the sheet is as wide as the dashboard's widest screen layout
// (the page's max-width) and as tall as its grid, so the widgets keep their places, and charts,
// which measure themselves on screen and do not redraw for print, are never cut. Printed on paper,
// the print dialog scales the sheet to fit; saved as PDF it is one page.

/** The widest the dashboard page lays out (max-w-[1600px]). */
const SHEET_WIDTH_PX = 1600;
/** `.dashboard-grid`: 5.25rem rows and 1rem gaps on wide screens (globals.css). */
const ROW_PX = 84;
const GAP_PX = 16;
/** Title, period, filters and the update line above the grid, and the page's padding. */
const HEAD_PX = 240;

export function PrintPageSize({ widgets }: { widgets: DashboardWidget[] }) {
  const rows = Math.max(1, ...widgets.map((w) => w.y + w.h));
  const height = HEAD_PX + rows * ROW_PX + (rows - 1) * GAP_PX;
  return <style>{`@media print { @page { size: ${SHEET_WIDTH_PX}px ${height}px; margin: 0; } }`}</style>;
}
