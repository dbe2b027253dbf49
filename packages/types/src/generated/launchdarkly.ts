// Generated from specs/bundled/launchdarkly.json by packages/types/scripts/generate.ts. Do not edit.
// Regenerate with: pnpm generate

export interface paths {
    "/api/v2/projects/{projectKey}/environments/{environmentKey}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project key
                 * @example default
                 */
                projectKey: components["parameters"]["ProjectKey"];
                /**
                 * @description The environment key
                 * @example production
                 */
                environmentKey: components["parameters"]["EnvironmentKey"];
            };
            cookie?: never;
        };
        /**
         * Get environment
         * @description Returns the environment with the given key in the given project.
         *
         *     `approvalSettings` and `resourceApprovalSettings` are only returned when the
         *     [approvals](https://launchdarkly.com/docs/home/releases/approvals/) feature is enabled.
         */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update environment
         * @description Update an environment. Updating an environment uses a
         *     [JSON Patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired
         *     changes: an array of operations applied in order. To learn more, read
         *     [Updates](https://launchdarkly.com/docs/api#updates).
         *
         *     To update fields in the environment object that are arrays, set the `path` to the name of
         *     the field and then append `/<array index>`. Using `/0` inserts at the beginning of the array.
         *
         *     If a `test` operation fails, the request answers `409` with `optimistic_locking_error` and
         *     no operation is applied. The read-only fields `_id`, `key`, `apiKey`, `mobileKey`, `_links`
         *     and `_access` cannot be patched.
         *
         *     ### Approval settings
         *
         *     This request only returns the `approvalSettings` and `resourceApprovalSettings` if the
         *     [approvals](https://launchdarkly.com/docs/home/releases/approvals/) feature is enabled.
         *
         *     Only the `canReviewOwnRequest`, `canApplyDeclinedChanges`, `minNumApprovals`, `required`
         *     and `requiredApprovalTags` fields are editable.
         *
         *     If you try to patch the environment by setting both `required` and `requiredApprovalTags`,
         *     the request fails and an error appears. You can specify either required approvals for all
         *     flags in an environment or those with specific tags, but not both.
         */
        patch: operations["patchEnvironment"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The location and content type of a related resource. */
        Link: {
            /** @description The path of the related resource, relative to the host. */
            href?: string;
            /** @description The content type of the related resource. */
            type?: string;
        };
        /** @description The policy statement that decides whether an action is allowed. */
        AccessReason: {
            /**
             * @description Whether this statement allows or denies the actions.
             * @enum {string}
             */
            effect: "allow" | "deny";
            /** @description Resource specifiers the statement applies to (for example `proj/*:env/*;qa_*:/flag/*`). */
            resources?: string[];
            /** @description Resource specifiers the statement applies to all resources except. */
            notResources?: string[];
            /** @description Actions the statement applies to (for example `*`). */
            actions?: string[];
            /** @description Actions the statement applies to all actions except. */
            notActions?: string[];
            /** @description The name of the role that holds this statement. */
            role_name?: string;
        };
        /** @description An action denied to the caller. */
        AccessDenied: {
            /** @description The denied action (for example `updateName`). */
            action: string;
            reason: components["schemas"]["AccessReason"];
        };
        /** @description An action allowed to the caller. */
        AccessAllowed: {
            /** @description The allowed action (for example `updateName`). */
            action: string;
            reason: components["schemas"]["AccessReason"];
        };
        /** @description Which actions the caller's access token may and may not take on this environment, and why. Read-only. */
        Access: {
            /** @description Actions denied to the caller, each with the policy statement that denies it. */
            denied: components["schemas"]["AccessDenied"][];
            /** @description Actions allowed to the caller, each with the policy statement that allows it. */
            allowed: components["schemas"]["AccessAllowed"][];
        };
        /**
         * @description Details about the approval settings for flags (or another resource kind) in this environment.
         *     Only `canReviewOwnRequest`, `canApplyDeclinedChanges`, `minNumApprovals`, `required` and
         *     `requiredApprovalTags` are editable, and `required` and `requiredApprovalTags` cannot both be set.
         */
        ApprovalSettings: {
            /** @description Whether approvals are required for all changes in this environment. */
            required: boolean;
            /** @description Whether to skip approvals for pending changes. */
            bypassApprovalsForPendingChanges: boolean;
            /** @description The number of approvals required before a member can apply a change (at least one). */
            minNumApprovals: number;
            /** @description Whether someone who makes an approval request can apply their own change. */
            canReviewOwnRequest: boolean;
            /** @description Whether a change can be applied as long as at least one person has approved it, even if others declined it. */
            canApplyDeclinedChanges: boolean;
            /** @description Which service manages approvals (for example `launchdarkly` or `servicenow`). */
            serviceKind: string;
            /** @description Configuration specific to the approval service; empty for `launchdarkly`. */
            serviceConfig: Record<string, never>;
            /** @description Require approval only on flags with these tags. When empty, `required` decides whether all flags require approval. */
            requiredApprovalTags: string[];
            /** @description Whether to apply a change automatically once all reviewers approve it. Only applies to approval services other than LaunchDarkly. */
            autoApplyApprovedChanges?: boolean;
            /** @description The integration configuration ID of a custom approval integration. */
            serviceKindConfigurationId?: string;
            /** @description The kind of resource these approval settings apply to, for example `flag` or `segment`. */
            resourceKind?: string;
        };
        /** @description A LaunchDarkly environment. */
        Environment: {
            /** @description The location and content type of related resources. Read-only. */
            _links: {
                [key: string]: components["schemas"]["Link"];
            };
            /** @description The ID for the environment. Use this as the client-side ID for authorization in some client-side SDKs, and to associate LaunchDarkly environments with CDN integrations in edge SDKs. Read-only. */
            _id: string;
            /** @description A project-unique key for the environment. Read-only. */
            key: string;
            /** @description A human-friendly name for the environment. */
            name: string;
            /** @description The SDK key for the environment. Use this for authorization in server-side SDKs. Read-only. */
            apiKey: string;
            /** @description The mobile key for the environment. Use this for authorization in mobile SDKs. Read-only. */
            mobileKey: string;
            /** @description The color used to indicate this environment in the UI, as six hexadecimal digits without a leading `#`. */
            color: string;
            /** @description The default time (in minutes) that the PHP SDK can cache feature flag rules locally. */
            defaultTtl: number;
            /** @description Ensures that one end user of the client-side SDK cannot inspect the variations for another end user. */
            secureMode: boolean;
            /** @description Enables tracking detailed information for new flags by default. */
            defaultTrackEvents: boolean;
            /** @description Whether members who modify flags and segments through the LaunchDarkly user interface are required to add a comment. */
            requireComments: boolean;
            /** @description Whether members who modify flags and segments through the LaunchDarkly user interface are required to confirm those changes. */
            confirmChanges: boolean;
            /** @description A list of tags for this environment. */
            tags: string[];
            /** @description Whether the environment is critical. */
            critical: boolean;
            _access?: components["schemas"]["Access"];
            approvalSettings?: components["schemas"]["ApprovalSettings"];
            /** @description Details about the approval settings for other resources in this environment, organized by resource kind (for example, `aiconfig` and `segment`). Only returned when the approvals feature is enabled. */
            resourceApprovalSettings?: {
                [key: string]: components["schemas"]["ApprovalSettings"];
            };
        };
        /** @description LaunchDarkly's error envelope. */
        Error: {
            /**
             * @description A machine-readable error code; each HTTP status has one: `invalid_request` (400),
             *     `unauthorized` (401), `forbidden` (403), `not_found` (404), `optimistic_locking_error` (409),
             *     `request_entity_too_large` (413), `unsupported_media_type` (415), `rate_limited` (429).
             */
            code: string;
            /** @description What went wrong, where, and what to do about it. */
            message: string;
        };
        /**
         * @description One JSON Patch (RFC 6902) operation. The vendor definition types `op` as a plain string;
         *     envspec enumerates RFC 6902's six operations. RFC 6902 expects a `value` for `add`,
         *     `replace` and `test`, and a `from` for `move` and `copy`.
         */
        PatchOperation: {
            /**
             * @description The type of operation to perform
             * @enum {string}
             */
            op: "add" | "remove" | "replace" | "move" | "copy" | "test";
            /** @description A JSON Pointer string specifying the part of the document to operate on */
            path: string;
            /** @description A JSON value used in `add`, `replace`, and `test` operations */
            value?: unknown;
            /** @description A JSON Pointer string specifying the source location, for `move` and `copy` operations */
            from?: string;
        };
        /** @description A JSON Patch document (RFC 6902), applied in order and all or nothing. */
        JSONPatch: components["schemas"]["PatchOperation"][];
    };
    responses: {
        /** @description The project or environment key is malformed. */
        InvalidKey: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The access token is missing or invalid. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The access token is valid but may not read this environment (its role or custom role denies it). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No project or environment has the given key. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests for this access token; retry once the rate-limit window resets. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-Ratelimit-Global-Remaining": components["headers"]["XRatelimitGlobalRemaining"];
                "X-Ratelimit-Route-Remaining": components["headers"]["XRatelimitRouteRemaining"];
                "X-Ratelimit-Reset": components["headers"]["XRatelimitReset"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The JSON Patch is invalid: malformed JSON, an empty array, an unknown `op`, a `path` that does not exist, a read-only field, a non-editable approval setting, or both `required` and `requiredApprovalTags` set. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A `test` operation failed; no operation was applied. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not `application/json` or `application/json-patch+json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The project key
         * @example default
         */
        ProjectKey: string;
        /**
         * @description The environment key
         * @example production
         */
        EnvironmentKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Identifier of this request; quote it when contacting support.
         * @example 8c2f6b1e-4a7d-4f3b-9e21-6d5a0c7b3f94
         */
        XRequestId: string;
        /**
         * @description Requests left for this access token in the current window, across all routes.
         * @example 182
         */
        XRatelimitGlobalRemaining: number;
        /**
         * @description Requests left for this access token in the current window on this route.
         * @example 0
         */
        XRatelimitRouteRemaining: number;
        /**
         * @description When the current rate-limit window resets, in milliseconds since the Unix epoch.
         * @example 1795000000000
         */
        XRatelimitReset: number;
        /**
         * @description Seconds to wait before retrying.
         * @example 30
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project key
                 * @example default
                 */
                projectKey: components["parameters"]["ProjectKey"];
                /**
                 * @description The environment key
                 * @example production
                 */
                environmentKey: components["parameters"]["EnvironmentKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["InvalidKey"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    patchEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The project key
                 * @example default
                 */
                projectKey: components["parameters"]["ProjectKey"];
                /**
                 * @description The environment key
                 * @example production
                 */
                environmentKey: components["parameters"]["EnvironmentKey"];
            };
            cookie?: never;
        };
        /** @description A JSON Patch (RFC 6902) document. LaunchDarkly's own clients send it as `application/json`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["JSONPatch"];
                "application/json-patch+json": components["schemas"]["JSONPatch"];
            };
        };
        responses: {
            /** @description The updated environment. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

// Friendly names for every schema in the spec.
export type LaunchDarklyLink = components['schemas']['Link'];
export type LaunchDarklyAccessReason = components['schemas']['AccessReason'];
export type LaunchDarklyAccessDenied = components['schemas']['AccessDenied'];
export type LaunchDarklyAccessAllowed = components['schemas']['AccessAllowed'];
export type LaunchDarklyAccess = components['schemas']['Access'];
export type LaunchDarklyApprovalSettings = components['schemas']['ApprovalSettings'];
export type LaunchDarklyEnvironment = components['schemas']['Environment'];
export type LaunchDarklyError = components['schemas']['Error'];
export type LaunchDarklyPatchOperation = components['schemas']['PatchOperation'];
export type LaunchDarklyJSONPatch = components['schemas']['JSONPatch'];
