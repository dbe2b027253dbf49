export { checkDependents, consumerProjects, type DependentsResult, type TypeProblem } from './dependents.ts';
export { runReview, type Review, type ReviewOptions, type ReviewedChange, type VendorReview } from './review.ts';
export { renderMarkdown, commentMarker } from './markdown.ts';
export {
  acknowledgementsFile,
  acknowledgementSnippet,
  loadAcknowledgements,
  parseAcknowledgements,
  type Acknowledgement,
} from './acknowledgements.ts';
export { bundle, lint, resolveBase } from './tools.ts';
