import type { FabroReplaceEnvironmentRequest, FabroVolume } from '@envspec/types/fabro';

type Body = FabroReplaceEnvironmentRequest;

/**
 * The settings of a replace body you care about; every other setting takes the value Fabro itself
 * defaults to. Only `provider` is required.
 */
export interface FabroReplaceSettings {
  provider: Body['provider'];
  image?: Partial<Body['image']>;
  resources?: Partial<Body['resources']>;
  network?: Partial<Body['network']>;
  lifecycle?: Partial<Body['lifecycle']>;
  labels?: Body['labels'];
  /** Volumes; a missing `subpath` mounts the volume's root (`null`). */
  volumes?: Array<Omit<FabroVolume, 'subpath'> & Partial<Pick<FabroVolume, 'subpath'>>>;
  env?: Body['env'];
}

/**
 * A complete replace body, as Fabro's own clients send it: every key present, `null` where a
 * setting is unused — both `image` keys, every `resources` field, `lifecycle.auto_stop` — and
 * `network.mode` set. The defaults are Fabro's: no image (the provider's default), no resource
 * limits, `allow_all` networking with no CIDR ranges, not preserved, stopped on a terminal state,
 * never auto-stopped, no labels, volumes or variables.
 *
 *   replaceRequest({ provider: 'docker', image: { docker: 'alpine:3.20' } })
 */
export function replaceRequest(settings: FabroReplaceSettings): Body {
  const copy = structuredClone(settings);
  return {
    provider: copy.provider,
    image: { docker: null, dockerfile: null, ...copy.image },
    resources: { cpu: null, memory: null, disk: null, ...copy.resources },
    network: { mode: 'allow_all', allow: [], ...copy.network },
    lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: null, ...copy.lifecycle },
    labels: copy.labels ?? {},
    volumes: (copy.volumes ?? []).map((volume) => ({ ...volume, subpath: volume.subpath ?? null })),
    env: copy.env ?? {},
  };
}
