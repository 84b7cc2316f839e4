import Link from "next/link";

import { signOutAction } from "@/app/(workspace)/actions";

import { NotificationBell } from "./notification-bell";
import { ThemeToggle } from "./theme-toggle";

interface AppHeaderProps {
  orgName: string;
  user: { name: string; role: string; scope: string | null };
  /** Links the signed-in user may follow; the pages check again on the server. */
  theme: "light" | "dark";
  show: { import: boolean; users: boolean; keys: boolean; screens: boolean; shareLinks: boolean; digests: boolean; channels: boolean; targets: boolean; kpis: boolean; serviceLevels: boolean; alerts: boolean; notifications: boolean };
}

const LINK =
  "rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";

export function AppHeader({ orgName, user, theme, show }: AppHeaderProps) {
  const nav = [
    { href: "/", label: "Dashboards", visible: true },
    { href: "/competitions", label: "Competitions", visible: true },
    { href: "/kpis", label: "Definitions", visible: true },
    { href: "/import", label: "Import", visible: show.import },
  ].filter((item) => item.visible);
  const settings = [
    { href: "/settings/users", label: "Users", visible: show.users },
    { href: "/settings/targets", label: "Targets", visible: show.targets },
    { href: "/settings/kpis", label: "KPIs", visible: show.kpis },
    { href: "/settings/service-levels", label: "Hours & SLAs", visible: show.serviceLevels },
    { href: "/settings/alerts", label: "Alerts", visible: show.alerts },
    { href: "/settings/screens", label: "Screens", visible: show.screens },
    { href: "/settings/share-links", label: "View-only links", visible: show.shareLinks },
    { href: "/settings/digests", label: "Digests", visible: show.digests },
    { href: "/settings/keys", label: "API keys", visible: show.keys },
    { href: "/settings/connections", label: "Connections", visible: show.keys },
    { href: "/settings/notifications", label: "Notifications", visible: show.channels },
  ].filter((item) => item.visible);
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div className="relative mx-auto flex max-w-[1600px] flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6 sm:py-4">
        <div className="flex flex-wrap items-center gap-x-8 gap-y-2">
          <Link href="/" className="flex items-center gap-3 rounded-lg focus-visible:outline-2 focus-visible:outline-indigo-600">
            <span aria-hidden className="grid h-9 w-9 place-items-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
              D
            </span>
            <span className="text-lg font-semibold tracking-tight">Deskpulse</span>
          </Link>
          <nav aria-label="Main" className="-mx-3 flex flex-wrap items-center gap-1 sm:mx-0">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className={LINK}>
                {item.label}
              </Link>
            ))}
            {settings.length > 0 && (
              <details className="relative" data-testid="settings-menu">
                <summary className={`${LINK} cursor-pointer list-none`}>Settings ▾</summary>
                <div className="absolute left-0 z-40 mt-1 flex w-48 flex-col rounded-xl border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
                  {settings.map((item) => (
                    <Link key={item.href} href={item.href} className={LINK}>
                      {item.label}
                    </Link>
                  ))}
                </div>
              </details>
            )}
          </nav>
        </div>
        {/* On a phone the user's name takes the left of its own row and the buttons the right. */}
        <div className="flex w-full items-center gap-2 sm:w-auto sm:gap-4">
          <div className="mr-auto min-w-0 text-sm leading-tight sm:mr-0 sm:text-right">
            <p className="truncate font-medium text-slate-800 dark:text-slate-100" data-testid="signed-in-user">
              {user.name}
            </p>
            <p className="truncate text-slate-500 dark:text-slate-400">
              {user.role}
              {user.scope ? ` · ${user.scope}` : ` · ${orgName}`}
            </p>
          </div>
          {show.notifications && <NotificationBell />}
          <ThemeToggle initial={theme} />
          <form action={signOutAction}>
            <button type="submit" className={`${LINK} whitespace-nowrap`}>
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
