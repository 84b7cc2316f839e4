interface AppHeaderProps {
  orgName: string;
}

export function AppHeader({ orgName }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
        <div className="flex items-center gap-3">
          <span aria-hidden className="grid h-9 w-9 place-items-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
            D
          </span>
          <span className="text-lg font-semibold tracking-tight">Deskpulse</span>
        </div>
        <span className="text-sm text-slate-500">{orgName}</span>
      </div>
    </header>
  );
}
