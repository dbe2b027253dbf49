import type { FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { ApiError } from '../errors/api-error.ts';
import { parseDuration, renderDuration } from './duration.ts';
import { parseSize, renderSize } from './size.ts';

type Settings = FabroReplaceEnvironmentRequest;

/** What Fabro's JSON extractor says when a value parses as JSON but not as its type. */
function unprocessable(field: string, problem: string): never {
  throw new ApiError(422, `Failed to deserialize the JSON body into the target type: ${field}: ${problem}`);
}

function canonicalSize(field: string, value: string | null): string | null {
  if (value === null) return null;
  const parsed = parseSize(value);
  return 'bytes' in parsed ? renderSize(parsed.bytes) : unprocessable(field, parsed.problem);
}

function canonicalDuration(field: string, value: string | null): string | null {
  if (value === null) return null;
  const parsed = parseDuration(value);
  return 'milliseconds' in parsed ? renderDuration(parsed.milliseconds) : unprocessable(field, parsed.problem);
}

/**
 * The settings as Fabro stores and answers them: sizes and durations in their canonical form
 * (`4GiB` → `4294967296B`, `120m` → `2h`), everything else as sent. The spec's patterns have
 * admitted only their shape, so what is left to refuse (422) is a number past Fabro's 64-bit range.
 */
export function canonicalSettings(settings: Settings): Settings {
  return {
    ...settings,
    resources: {
      ...settings.resources,
      memory: canonicalSize('resources.memory', settings.resources.memory),
      disk: canonicalSize('resources.disk', settings.resources.disk),
    },
    lifecycle: {
      ...settings.lifecycle,
      auto_stop: canonicalDuration('lifecycle.auto_stop', settings.lifecycle.auto_stop),
    },
  };
}
