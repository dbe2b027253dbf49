import express, { type RequestHandler } from 'express';
import { ApiError } from './api-error.ts';
import { jsonNestingDepth } from './json-depth.ts';

export interface JsonBodyOptions {
  /** Largest accepted body in bytes. */
  limitBytes: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: number;
}

export const defaultJsonBodyOptions: JsonBodyOptions = { limitBytes: 100 * 1024, maxDepth: 32 };

/** Parses JSON bodies (`application/json` and `application/*+json`) with a size and depth limit. */
export function jsonBody({ limitBytes, maxDepth }: JsonBodyOptions): RequestHandler {
  return express.json({
    limit: limitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: (_req, _res, buffer) => {
      const depth = jsonNestingDepth(buffer.toString('utf8'));
      if (depth > maxDepth) {
        throw new ApiError(400, `request body nests ${depth} levels deep; at most ${maxDepth} are accepted`, {
          code: 'body_too_deep',
        });
      }
    },
  });
}
