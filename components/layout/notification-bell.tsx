"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { markNotificationsReadAction } from "@/app/(workspace)/notifications-actions";
import { queryKeys } from "@/lib/client/query-keys";
import { useNotifications } from "@/lib/client/use-notifications";
import type { NotificationList } from "@/lib/motivation/notifications";

const NONE: NotificationList = { unread: 0, items: [] };

/** An agent's achievements and competition rank changes, a manager's alerts, polled; opening the list marks them read. */
export function NotificationBell() {
  const client = useQueryClient();
  const data = useNotifications().data ?? NONE;
  const [open, setOpen] = useState(false);
  const markRead = async () => {
    // A poll already on its way would bring the old count back.
    await client.cancelQueries({ queryKey: queryKeys.notifications() });
    client.setQueryData<NotificationList>(queryKeys.notifications(), { unread: 0, items: data.items });
    await markNotificationsReadAction();
  };
  const toggle = () => {
    setOpen(!open);
    if (!open && data.unread > 0) void markRead();
  };
  return (
    // On a phone the list spans the header (positioned there) rather than hanging off the bell.
    <div className="relative max-sm:static">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-label={data.unread ? `Notifications, ${data.unread} new` : "Notifications"}
        data-testid="notification-bell"
        className="relative rounded-lg px-2 py-2 text-lg text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <svg viewBox="0 0 20 20" aria-hidden className="h-5 w-5 fill-current">
          <path d="M10 2a5 5 0 0 0-5 5v3.2L3.6 13a1 1 0 0 0 .9 1.5h11a1 1 0 0 0 .9-1.5L15 10.2V7a5 5 0 0 0-5-5zm-2 14a2 2 0 0 0 4 0z" />
        </svg>
        {data.unread > 0 && (
          <span className="absolute -right-0.5 -top-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-red-600 px-1 text-xs font-semibold text-white" data-testid="notification-count">
            {data.unread}
          </span>
        )}
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-2 w-80 max-sm:inset-x-4 max-sm:w-auto rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900" data-testid="notification-list">
          {data.items.length === 0 ? (
            <p className="p-3 text-sm text-slate-500 dark:text-slate-400">Nothing yet. Achievements, competition news and alerts show up here.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto text-sm dark:divide-slate-800">
              {data.items.map((n) => (
                <li key={n.id} className={`p-2 ${n.read ? "text-slate-600 dark:text-slate-400" : "font-medium text-slate-900 dark:text-white"}`}>
                  {n.href ? (
                    <Link href={n.href} className="hover:underline" onClick={() => setOpen(false)}>
                      {n.text}
                    </Link>
                  ) : (
                    n.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
