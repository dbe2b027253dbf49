/** The envspec CLI's commands that work on a checkout of this repository; `@envspec/cli` mounts them. */
export { createReviewCommand } from './spec-review/review-command.ts';
export { createDocsCommand } from './docs/docs-command.ts';
