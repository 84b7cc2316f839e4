import { ConfirmButton } from "./confirm-button";
import { Moment } from "./settings-page";

/** The last cells of a key's or screen's row: created, last used, and revoked or a revoke button. */
export function CredentialCells({
  createdAt,
  lastUsedAt,
  revokedAt,
  timeZone,
  revokedWord,
  buttonLabel,
  question,
  revoke,
  cellClass,
}: {
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  timeZone: string;
  revokedWord: string;
  buttonLabel: string;
  question: string;
  revoke: () => Promise<void>;
  cellClass: string;
}) {
  return (
    <>
      <td className={`${cellClass} text-slate-600 dark:text-slate-300`}>
        <Moment at={createdAt} timeZone={timeZone} />
      </td>
      <td className={`${cellClass} text-slate-600 dark:text-slate-300`}>
        <Moment at={lastUsedAt} timeZone={timeZone} />
      </td>
      <td className={cellClass}>
        {revokedAt ? (
          <span className="text-slate-500 dark:text-slate-400">
            {revokedWord} <Moment at={revokedAt} timeZone={timeZone} />
          </span>
        ) : (
          <ConfirmButton label={buttonLabel} question={question} action={revoke} />
        )}
      </td>
    </>
  );
}
