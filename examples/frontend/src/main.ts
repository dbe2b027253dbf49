import './style.css';
import { backendLabels, backends, baseUrlFor, chosenBackend } from './backends.ts';
import { mountDatadog } from './cards/datadog-card.ts';
import { mountFabro } from './cards/fabro-card.ts';
import { mountLaunchDarkly } from './cards/launchdarkly-card.ts';
import { mountQoder } from './cards/qoder-card.ts';
import { unregisterServiceWorkers } from './service-workers.ts';
import { createCard } from './ui.ts';

const backend = chosenBackend(location.search);

const picker = document.querySelector<HTMLSelectElement>('#backend')!;
for (const choice of backends) picker.add(new Option(backendLabels[choice], choice, false, choice === backend));
picker.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('backend', picker.value);
  location.assign(url);
});

if (backend === 'msw') {
  const { startMockWorker } = await import('./mock-worker.ts');
  await startMockWorker();
} else {
  await unregisterServiceWorkers();
}

const cards = document.querySelector<HTMLElement>('#cards')!;
await Promise.all([
  mountQoder(createCard(cards, 'qoder', 'Qoder', 'description'), baseUrlFor(backend, 'qoder', location.search)),
  mountFabro(createCard(cards, 'fabro', 'Fabro', 'labels.team'), baseUrlFor(backend, 'fabro', location.search)),
  mountDatadog(createCard(cards, 'datadog', 'Datadog', 'name'), baseUrlFor(backend, 'datadog', location.search)),
  mountLaunchDarkly(
    createCard(cards, 'launchdarkly', 'LaunchDarkly', 'name'),
    baseUrlFor(backend, 'launchdarkly', location.search),
  ),
]);
document.body.dataset.ready = backend;
