/** The mark of an achievement: drawn, not an emoji, so it shows on screens without an emoji font. */
export function AwardBadge({ className = "h-5 w-5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={`shrink-0 ${className}`}>
      <circle cx="10" cy="10" r="9" className="fill-amber-400" />
      <path d="M10 4.5l1.6 3.4 3.7.4-2.8 2.5.8 3.7L10 12.6 6.7 14.5l.8-3.7-2.8-2.5 3.7-.4z" className="fill-white" />
    </svg>
  );
}
