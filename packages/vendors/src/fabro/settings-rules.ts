import type { FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { ApiError } from '../errors/api-error.ts';
import { isCidr } from './cidr.ts';

type Settings = FabroReplaceEnvironmentRequest;

/** One broken rule, as Fabro's settings resolver words it: where, then why. */
const invalid = (path: string, reason: string) => `environment.${path}: invalid value - ${reason}`;

/**
 * The rules Fabro's server checks after the body has the right shape, in its order: every `allow`
 * entry is a CIDR range; a Daytona environment builds from `image.dockerfile`, never `image.docker`;
 * `local` cannot police egress at all and `docker` cannot enforce a CIDR allow-list.
 */
function brokenRules({ provider, image, network }: Settings): string[] {
  const broken = network.allow.flatMap((entry, index) =>
    isCidr(entry) ? [] : [invalid(`network.allow[${index}]`, `invalid CIDR: ${entry}`)],
  );
  if (provider === 'daytona' && image.docker !== null) {
    broken.push(
      invalid('image', 'daytona environments do not support image.docker; use image.dockerfile for custom snapshots'),
    );
  }
  if (provider === 'local' && network.mode !== 'allow_all') {
    broken.push(invalid('network.mode', 'local environments cannot enforce blocked or CIDR allow-list networking'));
  }
  if (provider === 'docker' && network.mode === 'cidr_allow_list') {
    broken.push(invalid('network.mode', 'docker environments cannot enforce CIDR allow-list networking'));
  }
  return broken;
}

/** Throws Fabro's 422 when the settings break a domain rule, naming every rule they break. */
export function checkSettingsRules(settings: Settings): void {
  const broken = brokenRules(settings);
  if (broken.length > 0) throw new ApiError(422, `environment settings are invalid: ${broken.join('; ')}`);
}
