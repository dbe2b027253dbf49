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
         * Retrieve environment
         * @description Returns one server-managed environment definition by id. Its current
         *     `revision` is also returned, quoted, in the `ETag` header; send it as
         *     `If-Match` when replacing the environment.
         */
        get: operations["retrieveEnvironment"];
        /**
         * Replace environment
         * @description Replaces the whole definition of the specified server-managed environment
         *     when `If-Match` matches its current revision. Every field is required and
         *     nothing of the previous definition is kept. The path `id` is authoritative;
         *     the request body omits `id`.
         *
         *     Fabro checks a request in this order, and the first failure answers:
         *     credentials (`401`); the body — not sent as `application/json` (`415`), too
         *     large (`413`), not valid JSON (`400`), JSON that does not fit the schema
         *     (`422`); the path `id` (`400`); `If-Match` — missing (`428`), not a revision (`400`); the domain
         *     rules (`422`); the environment — unknown (`404`), changed since it was read
         *     (`409`: `GET` it, re-apply the change and retry with the new `ETag`).
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
         * Format: uuid
         * @description Server-generated request identifier (a random UUID, version 4, lowercase and hyphenated); matches the `X-Request-Id` response header.
         */
        RequestId: string;
        /**
         * @description Desired environment provider.
         * @enum {string}
         */
        EnvironmentProvider: "local" | "docker" | "daytona";
        /** @description An inline Dockerfile source. A local Dockerfile path (`{"type": "path", "path": …}`) is rejected with `422`. */
        InlineDockerfile: {
            /**
             * @description Always `"inline"`.
             * @enum {string}
             */
            type: "inline";
            /** @description The Dockerfile contents. */
            value: string;
        };
        /**
         * @description REST-safe environment image settings. Dockerfile sources are inline-only;
         *     local paths are rejected by the REST API.
         *
         *     Both keys are always sent, each `null` when unused. Fabro does not require
         *     exactly one of them, and neither does this schema: both `null` is valid (the
         *     provider's default image; `local` uses no image). Which key counts is the
         *     provider's rule, checked by the server after the schema and answered `422`
         *     (the domain-validation status): `docker` runs `image.docker` (the default
         *     image when `null`) and ignores `image.dockerfile`; `daytona` builds its
         *     snapshot from `image.dockerfile` and rejects a non-null `image.docker`; a
         *     Dockerfile source of `type: "path"` is rejected whatever the provider.
         */
        EnvironmentImage: {
            /** @description Container image reference, for example `ghcr.io/fabro/ci-runner:1.4.2`; `null` for none. */
            docker: string | null;
            /** @description An inline Dockerfile to build the image from; `null` for none. */
            dockerfile: components["schemas"]["InlineDockerfile"] | null;
        };
        /**
         * @description A byte size as Fabro parses it: a whole number with an optional unit `B`,
         *     `KB`, `MB`, `GB`, `TB` (powers of 1000) or `KiB`, `MiB`, `GiB`, `TiB`
         *     (powers of 1024); a bare number is gigabytes. Fabro answers it in its
         *     canonical form, the largest decimal unit that divides it (`4GiB` reads back
         *     as `4294967296B`, `4GB` as `4GB`). `null` leaves it to the
         *     provider's default. Anything else is a `422`.
         */
        Size: string | null;
        /** @description Compute resources requested for the environment; `null` leaves each to the provider's default. */
        EnvironmentResources: {
            /**
             * Format: int32
             * @description Number of whole CPU cores.
             */
            cpu: number | null;
            memory: components["schemas"]["Size"];
            disk: components["schemas"]["Size"];
        };
        /**
         * @description How egress is policed. `allow_all` leaves it open, `block` cuts it off, `cidr_allow_list` allows only the `allow` ranges.
         * @enum {string}
         */
        EnvironmentNetworkMode: "allow_all" | "block" | "cidr_allow_list";
        /**
         * @description Network egress policy of the environment. `allow` lists CIDR ranges and is
         *     enforced only in `cidr_allow_list` mode. The server rejects, with `422`, an
         *     entry that is not a CIDR and a mode the provider cannot enforce: `local`
         *     supports only `allow_all`, `docker` does not support `cidr_allow_list`.
         */
        EnvironmentNetwork: {
            mode: components["schemas"]["EnvironmentNetworkMode"];
            /** @description CIDR ranges the environment may reach in `cidr_allow_list` mode, for example `140.82.112.0/20`. */
            allow: string[];
        };
        /**
         * @description A duration as Fabro parses it: a whole number and one unit, `ms`, `s`, `m`,
         *     `h` or `d` (`90m`, not `1h30m`). Fabro answers it in its canonical form, the
         *     largest unit that divides it (`120m` reads back as `2h`). `null` means
         *     never. Anything else is a `422`.
         */
        Duration: string | null;
        /** @description When the environment is kept, stopped or reclaimed. */
        EnvironmentLifecycle: {
            /** @description Keep the environment after the run finishes instead of tearing it down. */
            preserve: boolean;
            /** @description Stop the environment when its run reaches a terminal state. */
            stop_on_terminal: boolean;
            auto_stop: components["schemas"]["Duration"];
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
            /** @description Path inside the environment where the volume is mounted. */
            mount_path: string;
            /** @description Sub-directory of the volume to mount instead of its root; `null` for the root. */
            subpath: string | null;
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
             * @description Stable revision used with `If-Match` for optimistic concurrency: the SHA-256
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
            /**
             * @description Machine-readable reason, for structured client handling. Absent on
             *     ordinary errors; Fabro sets it only where a client must tell causes apart
             *     (for example `access_token_invalid` on a `401`).
             */
            code?: string;
            request_id: components["schemas"]["RequestId"];
        };
        /**
         * @description Fabro's error envelope. Fabro's request-id layer adds `request_id`, the same
         *     UUID as the `X-Request-Id` header, to the envelope and to every error in it.
         */
        Error: {
            /** @description The errors of the failed request; there is at least one. */
            errors: components["schemas"]["ErrorObject"][];
            request_id: components["schemas"]["RequestId"];
        };
        /**
         * @description Request body for replacing a server-managed environment. The path id is
         *     authoritative. Every field is required (nullable fields are sent as `null`);
         *     unknown fields, including an `id`, are rejected with `422`.
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
        /** @description The request has no valid credentials: the bearer token is missing, invalid or expired. */
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
        /** @description The environment store operation failed. */
        InternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is malformed: the body is not valid JSON, the `id` is not an environment id, or `If-Match` is not a revision. */
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
        /** @description The request body is not sent as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is JSON but not a valid environment: a missing, unknown (including `id`) or mistyped field, a value outside its enum, a size or duration Fabro cannot parse, or a domain rule — a Dockerfile `path` source, an `allow` entry that is not a CIDR, a network mode or image the provider cannot use. */
        UnprocessableEntity: {
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
         *     both accepted; anything else is a `400`, and a missing `If-Match` a `428`.
         * @example "f5ffc1d3e6568a95584744ee6884054f3fd9d9225cf57076172095881af0ff81"
         */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Server-generated identifier of this request, a random UUID (version 4). Fabro sets it on every
         *     response, ignoring any `X-Request-Id` the client sent; error bodies repeat it as `request_id`.
         * @example 0b9c2a7e-5f3d-4e8a-9c1b-2d4f6a8e0c13
         */
        XRequestId: components["schemas"]["RequestId"];
        /**
         * @description The environment's current `revision` in double quotes. Send it back as `If-Match` to replace the environment.
         * @example "f5ffc1d3e6568a95584744ee6884054f3fd9d9225cf57076172095881af0ff81"
         */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    retrieveEnvironment: {
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
            /** @description Environment definition. */
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
            500: components["responses"]["InternalServerError"];
        };
    };
    replaceEnvironment: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Current resource revision used for optimistic concurrency, as returned in the
                 *     `ETag` response header. Quoted (`"…"`) or bare 64-character lowercase hex are
                 *     both accepted; anything else is a `400`, and a missing `If-Match` a `428`.
                 * @example "f5ffc1d3e6568a95584744ee6884054f3fd9d9225cf57076172095881af0ff81"
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
                     * @example "8c6a369377c8ef41e1604fea1d2a1e35e74a88237b8fda97bb8b0e26726dca03"
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
            422: components["responses"]["UnprocessableEntity"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalServerError"];
        };
    };
}

// Friendly names for every schema in the spec.
export type FabroRequestId = components['schemas']['RequestId'];
export type FabroEnvironmentProvider = components['schemas']['EnvironmentProvider'];
export type FabroInlineDockerfile = components['schemas']['InlineDockerfile'];
export type FabroEnvironmentImage = components['schemas']['EnvironmentImage'];
export type FabroSize = components['schemas']['Size'];
export type FabroEnvironmentResources = components['schemas']['EnvironmentResources'];
export type FabroEnvironmentNetworkMode = components['schemas']['EnvironmentNetworkMode'];
export type FabroEnvironmentNetwork = components['schemas']['EnvironmentNetwork'];
export type FabroDuration = components['schemas']['Duration'];
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
