const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** RFC 9110 media type with parameters, as the `content-type` package accepts it. */
const mediaTypeGrammar = new RegExp(
  `^\\s*${token}/${token}(?:\\s*;\\s*${token}\\s*=\\s*(?:${token}|"(?:[^"\\\\\\u0000-\\u0008\\u000a-\\u001f\\u007f]|\\\\[\\u000b\\u0020-\\u00ff])*"))*\\s*$`,
);

/** Whether a Content-Type / Accept entry is a well-formed media type. */
export function isWellFormedMediaType(value: string): boolean {
  return mediaTypeGrammar.test(value);
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** `application/json` and the `application/*+json` family (`application/json-patch+json`): what is parsed as JSON. */
export function isJsonMediaType(type: string | undefined): boolean {
  return type === 'application/json' || (type !== undefined && /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type));
}
