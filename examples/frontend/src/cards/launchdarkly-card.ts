import { createLaunchDarklyClient } from '@envspec/client/launchdarkly';
import { demoCredentials, fixtures } from '../backends.ts';
import { busy, report, type Card } from '../ui.ts';

/** LaunchDarkly: a JSON Patch `replace` of the name. */
export async function mountLaunchDarkly(card: Card, baseUrl: string): Promise<void> {
  const client = createLaunchDarklyClient({ baseUrl, apiKey: demoCredentials.launchdarkly.apiKey, fetch: card.fetch });
  const { projectKey, environmentKey } = fixtures.launchdarkly;
  const show = (name: string) => {
    card.shown.textContent = `name: ${name}`;
    card.field.value = name;
  };
  card.save.addEventListener('click', () =>
    busy(card, async () => {
      const patched = await client.environments.patch(projectKey, environmentKey, [
        { op: 'replace', path: '/name', value: card.field.value },
      ]);
      show(patched.name);
      report(card, 'saved');
    }),
  );
  await busy(card, async () => {
    show((await client.environments.get(projectKey, environmentKey)).name);
    report(card, 'loaded');
  });
}
