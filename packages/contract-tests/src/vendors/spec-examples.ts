import { listOperations, loadBundle, locate, type ExampleObject, type Vendor } from '@envspec/specs';

/** The value of the first named example of an operation's request body, from the bundled spec. */
export function requestBodyExample(vendor: Vendor, operationId: string, name?: string): unknown {
  const document = loadBundle(vendor);
  const entry = listOperations(document).find(({ operation }) => operation.operationId === operationId);
  if (!entry?.operation.requestBody) throw new Error(`${vendor} ${operationId} has no request body`);
  const media = Object.values(locate(document, entry.operation.requestBody, []).value.content)[0];
  const examples = media?.examples ?? {};
  const chosen = name === undefined ? Object.values(examples)[0] : examples[name];
  if (!chosen) throw new Error(`${vendor} ${operationId} has no request example ${name ?? ''}`);
  return structuredClone(locate<ExampleObject>(document, chosen, []).value.value);
}
