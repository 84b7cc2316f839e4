// 95 % margins of error, in the KPI's own units (percentage points for rates, points for NPS).

const Z95 = 1.959964;

/**
 * Half the width of the Wilson score interval of `successes` out of `n`, in percentage points.
 * Wilson rather than the normal approximation because it stays sensible for small n and for
 * rates near 0 or 100 %, which is exactly where a manager is most tempted to over-read a number.
 */
export function wilsonMarginOfError(successes: number, n: number): number | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return half * 100;
}

/**
 * NPS = %promoters − %detractors. Each response scores +1, 0 or −1; the standard error of their
 * mean is sqrt((p + d − (p − d)²) / n), reported as a 95 % margin in NPS points.
 */
export function npsMarginOfError(promoters: number, detractors: number, n: number): number | null {
  if (n <= 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  return Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) * 100;
}
