// Generated from specs/bundled/qoder.json by packages/types/scripts/generate.ts. Do not edit.
// Regenerate with: pnpm generate

export interface paths {
    "/api/v1/cloud/environments/{environment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Environment unique identifier (with the `env_` prefix).
                 * @example env_019e3bb39b6774d8878cd0b9d237574b
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /**
         * Get an environment
         * @description Returns the environment with the given ID.
         */
        get: operations["getEnvironment"];
        /**
         * Update an environment
         * @description Updates the properties of the specified environment (name, description,
         *     scope, configuration, metadata). Only the fields included in the request
         *     are updated; omitted fields remain unchanged. Nested objects are merged,
         *     lists are replaced, a `metadata` key set to `null` or `""` is deleted, and
         *     a `null` `description` clears it. `POST` to the same path does the same
         *     (Qoder's SDKs send `POST`).
         */
        put: operations["updateEnvironment"];
        /**
         * Post an environment update
         * @description The same partial update as `PUT`, with the same body, answers and
         *     semantics. Qoder's official SDKs (TypeScript and Go) update with `POST`;
         *     the documentation page shows `PUT`.
         */
        post: operations["updateEnvironmentWithPost"];
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
        /** @description Network access configuration. */
        Networking: {
            /**
             * @description Network type: `unrestricted`, `limited` (only `allowed_hosts`, plus package
             *     registries and MCP servers when allowed) or `allowlist`.
             * @enum {string}
             */
            type?: "unrestricted" | "limited" | "allowlist";
            /** @description Hosts the environment may reach. Replaces the current list. */
            allowed_hosts?: string[];
            /** @description Whether public package registries (PyPI, npm, …) may be reached beyond `allowed_hosts`. */
            allow_package_managers?: boolean;
            /** @description Whether the MCP servers configured on the agent may be reached beyond `allowed_hosts`. */
            allow_mcp_servers?: boolean;
        };
        /** @description List of package names, optionally with a version specifier. */
        PackageList: string[];
        /** @description Pre-installed package configuration. Each list replaces the current one. */
        Packages: {
            /**
             * @description Always `"packages"` when sent.
             * @enum {string}
             */
            type?: "packages";
            apt?: components["schemas"]["PackageList"];
            cargo?: components["schemas"]["PackageList"];
            gem?: components["schemas"]["PackageList"];
            go?: components["schemas"]["PackageList"];
            npm?: components["schemas"]["PackageList"];
            pip?: components["schemas"]["PackageList"];
        };
        /** @description A Qoder cloud environment's configuration. */
        CloudConfig: {
            /**
             * @description Always `"cloud"`.
             * @enum {string}
             */
            type: "cloud";
            /** @description A shell script run when the environment starts. */
            setup_script?: string;
            networking: components["schemas"]["Networking"];
            packages: components["schemas"]["Packages"];
        };
        /** @description A self-hosted environment's configuration; it has nothing to configure besides its type. */
        SelfHostedConfig: {
            /**
             * @description Always `"self_hosted"`.
             * @enum {string}
             */
            type: "self_hosted";
        };
        /** @description Environment configuration, either a Qoder cloud environment or a self-hosted one. */
        EnvironmentConfig: components["schemas"]["CloudConfig"] | components["schemas"]["SelfHostedConfig"];
        /** @description A key of a free-form map. Keys that name JavaScript prototype members are reserved and rejected. */
        MapKey: string;
        /** @description Custom metadata key-value pairs (an update that sets a key to `null` or `""` deletes it, so no value is empty). */
        Metadata: {
            [key: string]: string;
        };
        /**
         * @description Who sees the environment. `organization` means every account of the organization, `account` only the owning account.
         * @enum {string}
         */
        EnvironmentScope: "organization" | "account";
        /** @description A Qoder cloud-agent environment. */
        Environment: {
            /** @description Environment unique identifier. */
            id: string;
            /**
             * @description Always `"environment"`.
             * @enum {string}
             */
            type: "environment";
            /** @description Environment name. */
            name: string;
            /** @description Environment description; `null` when unset. */
            description: string | null;
            /** @description Environment status (for example `ready`). */
            status: string;
            config: components["schemas"]["EnvironmentConfig"];
            metadata: components["schemas"]["Metadata"];
            scope?: components["schemas"]["EnvironmentScope"];
            /**
             * Format: date-time
             * @description When the environment was archived (RFC 3339), or `null` if it is not archived.
             */
            archived_at: string | null;
            /**
             * Format: date-time
             * @description Creation time (ISO 8601).
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Last update time (ISO 8601), refreshed on every update.
             */
            updated_at: string;
        };
        /**
         * @description The class of error; each HTTP status has one.
         * @enum {string}
         */
        ErrorType: "invalid_request_error" | "authentication_error" | "permission_error" | "not_found_error" | "conflict_error" | "request_too_large" | "rate_limit_error" | "api_error";
        ErrorDetail: {
            type: components["schemas"]["ErrorType"];
            /** @description What went wrong, where, and what to do about it. */
            message: string;
            /** @description A finer-grained machine-readable reason, when there is one. */
            code?: string;
        };
        /** @description Qoder's error envelope. */
        Error: {
            /**
             * @description Always `"error"`.
             * @enum {string}
             */
            type: "error";
            error: components["schemas"]["ErrorDetail"];
            /** @description Identifier of the failed request (also in the `X-Request-Id` header). */
            request_id: string;
        };
        /** @description Changes to a cloud environment's configuration. `type` is required whenever `config` is sent. */
        CloudConfigUpdate: {
            /**
             * @description Always `"cloud"`.
             * @enum {string}
             */
            type: "cloud";
            /** @description A shell script run when the environment starts; `null` removes it. */
            setup_script?: string | null;
            networking?: components["schemas"]["Networking"];
            packages?: components["schemas"]["Packages"];
        };
        /**
         * @description New environment configuration. A config of the environment's current `type`
         *     is merged into the current one (nested objects merge, lists replace); a
         *     config of the other `type` replaces it whole.
         */
        EnvironmentConfigUpdate: components["schemas"]["CloudConfigUpdate"] | components["schemas"]["SelfHostedConfig"];
        /** @description Custom metadata key-value pairs, merged key by key. A key set to `null` or to an empty string is deleted. */
        MetadataUpdate: {
            [key: string]: string | null;
        };
        /**
         * @description Partial update of an environment. Only the fields present change; omitted
         *     fields remain unchanged. A `null` clears what can be empty (`description`,
         *     a `metadata` key, `config.setup_script`) and leaves unchanged what cannot
         *     (`name`, `scope`). Unknown fields are rejected.
         */
        UpdateEnvironmentRequest: {
            /** @description New environment name; `null` leaves it unchanged. */
            name?: string | null;
            /** @description New environment description; `null` clears it, an empty string is stored as an empty string. */
            description?: string | null;
            /** @description New visibility scope; `null` leaves it unchanged. */
            scope?: components["schemas"]["EnvironmentScope"] | null;
            config?: components["schemas"]["EnvironmentConfigUpdate"];
            metadata?: components["schemas"]["MetadataUpdate"];
        };
    };
    responses: {
        /** @description The `environment_id` is not an `env_` id. */
        InvalidEnvironmentId: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The personal access token is missing, invalid or expired. */
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
        /** @description Too many requests for this token; retry after the given delay. */
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
        /** @description The updated environment. */
        UpdatedEnvironment: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Environment"];
            };
        };
        /** @description The request was invalid: malformed JSON, a field of the wrong type, an unknown field, or a missing `config.type`. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token is valid but not authorized for this resource or action. */
        Forbidden: {
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
    };
    parameters: {
        /**
         * @description Environment unique identifier (with the `env_` prefix).
         * @example env_019e3bb39b6774d8878cd0b9d237574b
         */
        EnvironmentId: string;
    };
    requestBodies: {
        /** @description The fields to change. `PUT` and `POST` take the same body. */
        UpdateEnvironment: {
            content: {
                "application/json": components["schemas"]["UpdateEnvironmentRequest"];
            };
        };
    };
    headers: {
        /**
         * @description Identifier of this request; quote it when contacting support.
         * @example req_8f14e45fceea167a5a36dedd4bea2543
         */
        XRequestId: string;
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
                 * @description Environment unique identifier (with the `env_` prefix).
                 * @example env_019e3bb39b6774d8878cd0b9d237574b
                 */
                environment_id: components["parameters"]["EnvironmentId"];
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
            400: components["responses"]["InvalidEnvironmentId"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Environment unique identifier (with the `env_` prefix).
                 * @example env_019e3bb39b6774d8878cd0b9d237574b
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateEnvironment"];
        responses: {
            200: components["responses"]["UpdatedEnvironment"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateEnvironmentWithPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Environment unique identifier (with the `env_` prefix).
                 * @example env_019e3bb39b6774d8878cd0b9d237574b
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UpdateEnvironment"];
        responses: {
            200: components["responses"]["UpdatedEnvironment"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

// Friendly names for every schema in the spec.
export type QoderNetworking = components['schemas']['Networking'];
export type QoderPackageList = components['schemas']['PackageList'];
export type QoderPackages = components['schemas']['Packages'];
export type QoderCloudConfig = components['schemas']['CloudConfig'];
export type QoderSelfHostedConfig = components['schemas']['SelfHostedConfig'];
export type QoderEnvironmentConfig = components['schemas']['EnvironmentConfig'];
export type QoderMapKey = components['schemas']['MapKey'];
export type QoderMetadata = components['schemas']['Metadata'];
export type QoderEnvironmentScope = components['schemas']['EnvironmentScope'];
export type QoderEnvironment = components['schemas']['Environment'];
export type QoderErrorType = components['schemas']['ErrorType'];
export type QoderErrorDetail = components['schemas']['ErrorDetail'];
export type QoderError = components['schemas']['Error'];
export type QoderCloudConfigUpdate = components['schemas']['CloudConfigUpdate'];
export type QoderEnvironmentConfigUpdate = components['schemas']['EnvironmentConfigUpdate'];
export type QoderMetadataUpdate = components['schemas']['MetadataUpdate'];
export type QoderUpdateEnvironmentRequest = components['schemas']['UpdateEnvironmentRequest'];
