/**
 * `envspec review` and `envspec docs` work on a checkout of the envspec repository (its spec
 * sources, git history, Redocly config and generated code), so they come from the repo's own
 * `@envspec/scripts` (private; a devDependency here, linked by `pnpm install` in a checkout and
 * never installed with the published CLI). An installed CLI still lists them and says, with exit
 * 2, where they run.
 */
import { Command } from 'commander';
import { configureCommand, UsageError } from '@envspec/cli-kit';

interface CheckoutCommands {
  createReviewCommand(options: { cwd: string }): Command;
  createDocsCommand(options: { cwd: string }): Command;
}

const descriptions = {
  review:
    'Review the spec changes of an envspec checkout: lint, bundle and type drift, breaking changes against a base, dependents.',
  docs: 'Build the HTML API reference of every spec (one self-contained page per vendor and an index).',
};

function unavailable(name: keyof typeof descriptions): Command {
  return configureCommand(new Command(name).description(`${descriptions[name]} (in a clone of the envspec repository)`))
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError(
        `envspec ${name} works in a clone of the envspec repository (it needs the spec sources and their history): run it there, where pnpm install links it`,
      );
    });
}

export async function checkoutCommands(cwd: string): Promise<Command[]> {
  let commands: CheckoutCommands;
  try {
    // `as string`: tsc must not resolve a package that is absent where the CLI is installed (nor
    // compile its sources into this one), while esbuild, which strips the cast, still bundles it
    // for `pnpm envspec` (scripts/launch.mjs).
    commands = (await import('@envspec/scripts/commands' as string)) as CheckoutCommands;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return [unavailable('review'), unavailable('docs')];
  }
  return [commands.createReviewCommand({ cwd }), commands.createDocsCommand({ cwd })];
}
