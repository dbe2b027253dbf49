/** `envspec review` on its own, for the end-to-end test that runs it as a reviewer does. Users run `envspec review`. */
import { runCli } from '@envspec/cli-kit';
import { createReviewCommand } from './review-command.ts';

await runCli(createReviewCommand().name('envspec-review'), process.argv.slice(2));
