import { createQoderClient } from '@envspec/client/qoder';
import { demoCredentials, fixtures } from '../backends.ts';
import { busy, report, type Card } from '../ui.ts';

/** Qoder: a merge update (`PUT` with only the field changed). */
export async function mountQoder(card: Card, baseUrl: string): Promise<void> {
  const client = createQoderClient({ baseUrl, token: demoCredentials.qoder.token, fetch: card.fetch });
  const show = (description: string | undefined) => {
    card.shown.textContent = `description: ${description ?? '—'}`;
    card.field.value = description ?? '';
  };
  card.save.addEventListener('click', () =>
    busy(card, async () => {
      const updated = await client.environments.update(fixtures.qoder, { description: card.field.value });
      show(updated.description ?? undefined);
      report(card, 'saved');
    }),
  );
  await busy(card, async () => {
    show((await client.environments.get(fixtures.qoder)).description ?? undefined);
    report(card, 'loaded');
  });
}
