// The action catalogue: log an everyday action, optionally with a photo that stays on this
// device, and see the latest ones logged.

import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { atText, gramsText } from '../../format.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import { logEverydayAction } from '../actions.ts';
import { type ActionEntry, actionTitle } from '../catalogue.ts';
import { useLiveQuery } from '../live.ts';

function PhotoThumb({ db, photoId }: { db: LedgerDb; photoId: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    db.photos.get(photoId).then((photo) => {
      if (cancelled || !photo) return;
      objectUrl = URL.createObjectURL(photo.blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [db, photoId]);
  return url ? <img class="proof" src={url} alt={i18n.t('dashboard.photoAlt')} /> : null;
}

function ActionRow({ db, action, onLogged }: { db: LedgerDb; action: ActionEntry; onLogged: (m: string) => void }) {
  const [photo, setPhoto] = useState<File | null>(null);
  const inputId = `photo-${action.id}`;
  const log = async (event: Event) => {
    event.preventDefault();
    const result = await logEverydayAction(db, action, photo);
    onLogged(
      result.logged
        ? i18n.t('dashboard.actionLogged', [action.title])
        : result.reason === 'paused'
          ? i18n.t('dashboard.loggingPaused')
          : result.reason === 'already-today'
            ? i18n.t('dashboard.actionAlreadyToday', [action.title])
            : i18n.t('dashboard.actionFailed', [result.error ?? result.reason]),
    );
    if (result.logged) {
      setPhoto(null);
      (event.target as HTMLFormElement).reset();
    }
  };
  return (
    <li class="action" data-action-id={action.id}>
      <form onSubmit={log}>
        <div>
          <strong>{action.title}</strong> <span class="muted">{gramsText(action.gramsCO2e)} CO2e</span>
          <br />
          <a class="source" href={action.source.url} target="_blank" rel="noreferrer">
            {action.source.publisher}, {action.source.year}
          </a>
        </div>
        <label for={inputId} class="photo-input">
          {i18n.t('dashboard.photoOptional')}
          <input
            id={inputId}
            type="file"
            accept="image/*"
            onChange={(e) => setPhoto((e.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </label>
        <button type="submit">{i18n.t('dashboard.logAction')}</button>
      </form>
    </li>
  );
}

export function ActionsSection({ db, catalogue }: { db: LedgerDb; catalogue: readonly ActionEntry[] }) {
  const [message, setMessage] = useState<string | null>(null);
  const recent = useLiveQuery(() => db.actions.orderBy('at').reverse().limit(10).toArray(), [db]);
  return (
    <section id="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{i18n.t('dashboard.actions')}</h2>
      <p class="muted">{i18n.t('dashboard.actionsIntro')}</p>
      <ul class="plain actions">
        {catalogue.map((action) => (
          <ActionRow key={action.id} db={db} action={action} onLogged={setMessage} />
        ))}
      </ul>
      <p role="status" class="status">
        {message}
      </p>
      <h3>{i18n.t('dashboard.recentActions')}</h3>
      {recent?.length ? (
        <ul class="plain recent-actions">
          {recent.map((row) => (
            <li key={row.id}>
              {actionTitle(row.actionId)} <span class="muted">{atText(row.at)}</span>
              {row.photoId && <PhotoThumb db={db} photoId={row.photoId} />}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{i18n.t('dashboard.noActions')}</p>
      )}
    </section>
  );
}
