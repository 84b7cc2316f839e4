import Link from "next/link";

interface AppHeaderProps {
  orgName: string;
}

const NAV = [
  { href: "/", label: "Today" },
  { href: "/kpis", label: "Definitions" },
  { href: "/import", label: "Import" },
];

export function AppHeader({ orgName }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-6 py-4">
        <div className="flex items-center gap-8">
          <Link href="/" className="flex items-center gap-3 rounded-lg focus-visible:outline-2 focus-visible:outline-indigo-600">
            <span aria-hidden className="grid h-9 w-9 place-items-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
              D
            </span>
            <span className="text-lg font-semibold tracking-tight">Deskpulse</span>
          </Link>
          <nav aria-label="Main" className="flex gap-1">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        </div>
        <span className="text-sm text-slate-500">{orgName}</span>
      </div>
    </header>
  );
}
