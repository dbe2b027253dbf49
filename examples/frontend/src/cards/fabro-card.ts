import { createFabroClient, etagOf, toReplaceRequest, type FabroEnvironment } from '@envspec/client/fabro';
import { demoCredentials, fixtures } from '../backends.ts';
import { busy, report, type Card } from '../ui.ts';

/**
 * Fabro: a full replace guarded by the ETag. Each save sends the ETag of the version on screen
 * (the one read, then the one each save returned); "Save with the first ETag" sends the ETag the
 * page first read, which is stale once anything was saved, to show Fabro's 409.
 */
export async function mountFabro(card: Card, baseUrl: string): Promise<void> {
  const client = createFabroClient({ baseUrl, token: demoCredentials.fabro.token, fetch: card.fetch });
  let current: { environment: FabroEnvironment; etag: string } | undefined;
  let firstEtag: string | undefined;

  const etagShown = document.createElement('code');
  etagShown.dataset.testid = 'fabro-etag';
  const show = (environment: FabroEnvironment, etag: string) => {
    current = { environment, etag };
    card.shown.textContent = `labels.team: ${environment.labels?.team ?? '—'}, ETag `;
    etagShown.textContent = etag;
    card.shown.append(etagShown);
    card.field.value = environment.labels?.team ?? '';
  };
  const replaceWith = async (ifMatch: string) => {
    if (!current) throw new Error('nothing loaded yet');
    const body = toReplaceRequest(current.environment);
    body.labels = { ...body.labels, team: card.field.value };
    const replaced = await client.environments.replace(fixtures.fabro, body, { ifMatch });
    show(replaced, etagOf(replaced));
    report(card, `saved: revision ${replaced.revision}`);
  };

  const stale = document.createElement('button');
  stale.dataset.testid = 'fabro-save-stale';
  stale.textContent = 'Save with the first ETag';
  card.actions.append(stale);
  card.save.addEventListener('click', () => busy(card, () => replaceWith(current?.etag ?? '')));
  stale.addEventListener('click', () => busy(card, () => replaceWith(firstEtag ?? '')));

  await busy(card, async () => {
    const { environment, etag } = await client.environments.getWithETag(fixtures.fabro);
    firstEtag = etag;
    show(environment, etag);
    report(card, 'loaded');
  });
}
