import { ApiError } from '@envspec/client';
import { loggingFetch } from './wire-log.ts';

/** One vendor's card: what was read, one editable field, a save button, the outcome and the wire log. */
export interface Card {
  /** Shows the value read from the API. */
  shown: HTMLElement;
  field: HTMLInputElement;
  save: HTMLButtonElement;
  /** Where buttons of the vendor's own go. */
  actions: HTMLElement;
  /** The last outcome: loaded, saved, or the vendor's error. */
  outcome: HTMLElement;
  /** The fetch the card's client sends through, logging each exchange. */
  fetch: (request: Request) => Promise<Response>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, testId: string, text = ''): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.dataset.testid = testId;
  created.textContent = text;
  return created;
}

/** Adds a card for `vendor` to `container`. */
export function createCard(container: HTMLElement, vendor: string, title: string, fieldLabel: string): Card {
  const section = element('section', `${vendor}-card`);
  section.className = 'card';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const shown = element('p', `${vendor}-shown`, 'loading…');
  const label = document.createElement('label');
  label.textContent = fieldLabel;
  const field = element('input', `${vendor}-field`);
  label.append(field);
  const save = element('button', `${vendor}-save`, 'Save');
  save.disabled = true;
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(save);
  const outcome = element('p', `${vendor}-outcome`);
  outcome.className = 'outcome';
  const log = element('ol', `${vendor}-log`);
  log.className = 'log';
  section.append(heading, shown, label, actions, outcome, log);
  container.append(section);
  return { shown, field, save, actions, outcome, fetch: loggingFetch(log) };
}

/** Shows an outcome: what worked, or the vendor's own status, code and message. */
export function report(card: Card, outcome: string | unknown): void {
  if (typeof outcome === 'string') {
    card.outcome.textContent = outcome;
    card.outcome.dataset.state = 'ok';
    return;
  }
  card.outcome.dataset.state = 'error';
  card.outcome.textContent =
    outcome instanceof ApiError
      ? `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}: ${outcome.message}`
      : `failed: ${outcome instanceof Error ? outcome.message : String(outcome)}`;
}

/** Runs `action` with the card's buttons disabled, reporting a failure on the card. */
export async function busy(card: Card, action: () => Promise<void>): Promise<void> {
  const buttons = [...card.actions.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  try {
    await action();
  } catch (error) {
    report(card, error);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}
