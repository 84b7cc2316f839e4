"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

interface FittedListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => string;
  row: (item: T) => ReactNode;
  /** Items the data has beyond `items` (a list cut at its limit), counted in "+ n more". */
  beyond?: number;
  className?: string;
  testId?: string;
}

/**
 * A list on a fixed-height card that shows whole rows only, as many as fit, and says "+ n more"
 * for the rest: a row cut in half cannot be read, and a list that silently stops misleads.
 * Rows that do not fit stay laid out but invisible, so the count follows the card's size.
 */
export function FittedList<T>({ items, rowKey, row, beyond = 0, className = "", testId }: FittedListProps<T>) {
  const list = useRef<HTMLOListElement>(null);
  const [shown, setShown] = useState(items.length);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => {
      const rows = [...element.children] as HTMLElement[];
      const fits = rows.findIndex((r) => r.offsetTop + r.offsetHeight > element.clientHeight + 0.5);
      setShown(fits === -1 ? rows.length : fits);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [items]);
  const more = items.length - Math.min(shown, items.length) + beyond;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ol ref={list} className={`relative min-h-0 flex-1 overflow-hidden ${className}`} data-testid={testId}>
        {items.map((item, i) => (
          <li key={rowKey(item)} className={i < shown ? undefined : "invisible"} aria-hidden={i < shown ? undefined : true} data-fitted-row>
            {row(item)}
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p className="shrink-0 pt-1 text-xs font-medium text-slate-500 dark:text-slate-400" data-testid="list-more">
          + {more} more
        </p>
      )}
    </div>
  );
}
