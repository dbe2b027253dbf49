// Generated from specs/bundled/fabro.json by packages/types/scripts/generate.ts. Do not edit.
// Regenerate with: pnpm generate

export interface paths {
    "/api/v1/environments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique environment identifier.
                 * @example ci-runner
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /**
         * Get an environment
         * @description Returns the server-managed environment with the given ID. Its current
         *     `revision` is also returned, quoted, in the `ETag` header; send it as
         *     `If-Match` when replacing the environment.
         */
        get: operations["getEnvironment"];
        /**
         * Replace environment
         * @description Replaces the whole definition of the specified server-managed environment.
         *     Every field is required and nothing of the previous definition is kept: the
         *     body becomes the new definition. The path `id` is authoritative; an `id` in
         *     the body, or any unknown field, is rejected.
         *
         *     The replace is guarded by optimistic concurrency: send the environment's
         *     current revision (the `ETag` of a `GET`) as `If-Match`. Without `If-Match`
         *     the server answers `428`; with a stale revision it answers `409`
         *     (`revision_mismatch`), and the client should `GET` the environment,
         *     re-apply its change and retry with the new `ETag`.
         */
        put: operations["replaceEnvironment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Desired environment provider.
         * @enum {string}
         */
        EnvironmentProvider: "local" | "docker" | "daytona";
        /** @description Run the environment from a prebuilt container image. */
        DockerImage: {
            /** @description Container image reference, for example `ghcr.io/fabro/ci-runner:1.4.2`. */
            docker: string;
        };
        /** @description An inline Dockerfile source. Local Dockerfile paths are rejected by the REST API. */
        InlineDockerfile: {
            /**
             * @description Always `"inline"`.
             * @enum {string}
             */
            type: "inline";
            /** @description The Dockerfile contents. */
            value: string;
        };
        /** @description Build the environment image from a Dockerfile sent inline. */
        DockerfileImage: {
            dockerfile: components["schemas"]["InlineDockerfile"];
        };
        /**
         * @description REST-safe environment image settings. Dockerfile sources are inline-only;
         *     local paths are rejected by the REST API. Exactly one of `docker` or
         *     `dockerfile` is set.
         */
        EnvironmentImage: components["schemas"]["DockerImage"] | components["schemas"]["DockerfileImage"];
        /** @description Compute resources requested for the environment. */
        EnvironmentResources: {
            /** @description Number of CPU cores (fractions allowed). */
            cpu?: number;
            /** @description Memory quantity, for example `4Gi`. */
            memory?: string;
            /** @description Disk quantity, for example `20Gi`. */
            disk?: string;
        };
        /** @description Network egress policy of the environment. */
        EnvironmentNetwork: {
            /** @description Hosts the environment may reach (egress allowlist). */
            allow?: string[];
        };
        /** @description When the environment is kept, stopped or reclaimed. */
        EnvironmentLifecycle: {
            /** @description Keep the environment after the run finishes instead of tearing it down. */
            preserve?: boolean;
            /** @description Stop the environment when its run reaches a terminal state. */
            stop_on_terminal?: boolean;
            /** @description Idle duration after which the environment is stopped, for example `30m`. */
            auto_stop?: string;
        };
        /** @description A key of a free-form map. Keys that name JavaScript prototype members are reserved and rejected. */
        MapKey: string;
        /** @description Free-form string labels attached to the environment. */
        Labels: {
            [key: string]: string;
        };
        /** @description A volume mount. */
        Volume: {
            /** @description Identifier of the volume to mount. */
            id: string;
            /** @description Absolute path inside the environment where the volume is mounted. */
            mount_path: string;
            /** @description Sub-directory of the volume to mount instead of its root. */
            subpath?: string;
        };
        /** @description Volumes mounted into the environment. */
        Volumes: components["schemas"]["Volume"][];
        /** @description Environment variables set inside the environment. */
        EnvironmentVariables: {
            [key: string]: string;
        };
        /** @description Public server-managed environment definition. */
        Environment: {
            /** @description Unique environment identifier (the path `id`). */
            id: string;
            /**
             * @description Stable revision used with If-Match for optimistic concurrency: the SHA-256
             *     hex digest of the canonical stored definition. Returned quoted in the
             *     `ETag` header.
             */
            revision: string;
            provider: components["schemas"]["EnvironmentProvider"];
            image: components["schemas"]["EnvironmentImage"];
            resources: components["schemas"]["EnvironmentResources"];
            network: components["schemas"]["EnvironmentNetwork"];
            lifecycle: components["schemas"]["EnvironmentLifecycle"];
            labels: components["schemas"]["Labels"];
            volumes: components["schemas"]["Volumes"];
            env: components["schemas"]["EnvironmentVariables"];
        };
        /** @description One error. */
        ErrorObject: {
            /** @description The HTTP status code, as a string. */
            status: string;
            /** @description The HTTP reason phrase of the status. */
            title: string;
            /** @description What went wrong, where, and what to do about it. */
            detail: string;
            /** @description Machine-readable reason, for example `revision_mismatch`. */
            code: string;
        };
        /** @description Fabro's error envelope. */
        Error: {
            /** @description The errors of the failed request; there is at least one. */
            errors: components["schemas"]["ErrorObject"][];
            /** @description Identifier of the failed request (also in the `X-Request-Id` header). */
            request_id: string;
        };
        /**
         * @description Request body for replacing a server-managed environment. The path id is
         *     authoritative. Every field is required; unknown fields, including an `id`,
         *     are rejected.
         */
        ReplaceEnvironmentRequest: {
            provider: components["schemas"]["EnvironmentProvider"];
            image: components["schemas"]["EnvironmentImage"];
            resources: components["schemas"]["EnvironmentResources"];
            network: components["schemas"]["EnvironmentNetwork"];
            lifecycle: components["schemas"]["EnvironmentLifecycle"];
            labels: components["schemas"]["Labels"];
            volumes: components["schemas"]["Volumes"];
            env: components["schemas"]["EnvironmentVariables"];
        };
    };
    responses: {
        /** @description The `id` is not a valid environment id. */
        InvalidEnvironmentId: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The bearer token is missing or invalid. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No environment has the given ID. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests; retry after the given delay. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request was invalid: malformed JSON, a field of the wrong type or value, a missing field, an unknown field (including an `id` in the body), a local Dockerfile path, or a malformed `If-Match` revision. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The `If-Match` revision is stale: the environment changed since it was read. GET it again, re-apply the change and retry with the new `ETag`. */
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
        /** @description The request body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The `If-Match` header is missing. */
        PreconditionRequired: {
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
         * @description Unique environment identifier.
         * @example ci-runner
         */
        EnvironmentId: string;
        /**
         * @description Current resource revision used for optimistic concurrency, as returned in the
         *     `ETag` response header. Quoted (`"…"`) or bare 64-character lowercase hex are
         *     both accepted; anything else is a `400`.
         * @example "3c50ba13e602c808f78602609015cb63ef9fb6bbe3bf793e454004810dec34eb"
         */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Identifier of this request (also `request_id` in error bodies); quote it when reporting a problem.
         * @example 0b9c2a7e-5f3d-4e8a-9c1b-2d4f6a8e0c13
         */
        XRequestId: string;
        /**
         * @description The environment's current `revision` in double quotes. Send it back as `If-Match` to replace the environment.
         * @example "3c50ba13e602c808f78602609015cb63ef9fb6bbe3bf793e454004810dec34eb"
         */
        ETag: string;
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
                 * @description Unique environment identifier.
                 * @example ci-runner
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["InvalidEnvironmentId"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replaceEnvironment: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Current resource revision used for optimistic concurrency, as returned in the
                 *     `ETag` response header. Quoted (`"…"`) or bare 64-character lowercase hex are
                 *     both accepted; anything else is a `400`.
                 * @example "3c50ba13e602c808f78602609015cb63ef9fb6bbe3bf793e454004810dec34eb"
                 */
                "If-Match": components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description Unique environment identifier.
                 * @example ci-runner
                 */
                id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceEnvironmentRequest"];
            };
        };
        responses: {
            /** @description Environment replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /**
                     * @description The new `revision`, quoted. Send it as `If-Match` on the next replace.
                     * @example "c478cd9de74c167c3b021a14415f5011f71d488006c00a009fd713928c78f559"
                     */
                    ETag?: string;
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
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

// Friendly names for every schema in the spec.
export type FabroEnvironmentProvider = components['schemas']['EnvironmentProvider'];
export type FabroDockerImage = components['schemas']['DockerImage'];
export type FabroInlineDockerfile = components['schemas']['InlineDockerfile'];
export type FabroDockerfileImage = components['schemas']['DockerfileImage'];
export type FabroEnvironmentImage = components['schemas']['EnvironmentImage'];
export type FabroEnvironmentResources = components['schemas']['EnvironmentResources'];
export type FabroEnvironmentNetwork = components['schemas']['EnvironmentNetwork'];
export type FabroEnvironmentLifecycle = components['schemas']['EnvironmentLifecycle'];
export type FabroMapKey = components['schemas']['MapKey'];
export type FabroLabels = components['schemas']['Labels'];
export type FabroVolume = components['schemas']['Volume'];
export type FabroVolumes = components['schemas']['Volumes'];
export type FabroEnvironmentVariables = components['schemas']['EnvironmentVariables'];
export type FabroEnvironment = components['schemas']['Environment'];
export type FabroErrorObject = components['schemas']['ErrorObject'];
export type FabroError = components['schemas']['Error'];
export type FabroReplaceEnvironmentRequest = components['schemas']['ReplaceEnvironmentRequest'];
