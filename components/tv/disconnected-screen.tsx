/** What a revoked or unknown screen link shows, instead of any data or error. */
export function DisconnectedScreen() {
  return (
    <div className="tv-screen dark fixed inset-0 grid place-items-center bg-slate-950 text-center text-slate-100" data-testid="tv-disconnected">
      <div>
        <h1 className="text-[2.6rem] font-semibold">This screen was disconnected</h1>
        <p className="mt-4 text-[1.3rem] text-slate-400">Its link was revoked or is not known. Ask an admin for a new screen link.</p>
      </div>
    </div>
  );
}
