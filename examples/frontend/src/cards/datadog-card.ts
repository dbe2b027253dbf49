import { createDatadogClient } from '@envspec/client/datadog';
import { demoCredentials, fixtures } from '../backends.ts';
import { busy, report, type Card } from '../ui.ts';

/** Datadog: a JSON:API update of one attribute, with both keys. */
export async function mountDatadog(card: Card, baseUrl: string): Promise<void> {
  const client = createDatadogClient({ baseUrl, ...demoCredentials.datadog, fetch: card.fetch });
  const show = (name: string) => {
    card.shown.textContent = `name: ${name}`;
    card.field.value = name;
  };
  card.save.addEventListener('click', () =>
    busy(card, async () => {
      const updated = await client.environments.update(fixtures.datadog, { name: card.field.value });
      show(updated.attributes.name);
      report(card, 'saved');
    }),
  );
  await busy(card, async () => {
    show((await client.environments.get(fixtures.datadog)).attributes.name);
    report(card, 'loaded');
  });
}
