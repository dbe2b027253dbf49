// Generated from specs/bundled/datadog.json by packages/types/scripts/generate.ts. Do not edit.
// Regenerate with: pnpm generate

export interface paths {
    "/api/v2/feature-flags/environments/{environment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the environment.
                 * @example 550e8400-e29b-41d4-a716-446655440001
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /**
         * Get an environment
         * @description Returns the details of the feature flag environment with the given ID.
         *     This endpoint requires the `feature_flag_environment_config_read` permission.
         */
        get: operations["GetFeatureFlagsEnvironment"];
        /**
         * Update an environment
         * @description Updates an existing environment's metadata such as name and description.
         *     This endpoint requires the `feature_flag_environment_config_write` permission.
         *     Only the attributes included in the request are updated; omitted attributes
         *     remain unchanged.
         */
        put: operations["UpdateFeatureFlagsEnvironment"];
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
        /** @description Attributes of an environment. */
        EnvironmentAttributes: {
            /**
             * Format: date-time
             * @description The timestamp when the environment was created.
             */
            created_at?: string;
            /** @description The description of the environment; `null` when it has none. */
            description?: string | null;
            /** @description Indicates whether this is a production environment. */
            is_production?: boolean;
            /** @description The unique key of the environment. */
            key?: string;
            /** @description The name of the environment. */
            name: string;
            /** @description List of queries to define the environment scope. */
            queries?: string[];
            /** @description Indicates whether feature flag changes require approval in this environment. */
            require_feature_flag_approval?: boolean;
            /**
             * Format: date-time
             * @description The timestamp when the environment was last updated.
             */
            updated_at?: string;
        };
        /**
         * @description The resource type.
         * @default environments
         * @enum {string}
         */
        EnvironmentType: "environments";
        /** @description A feature flag environment resource. */
        Environment: {
            attributes: components["schemas"]["EnvironmentAttributes"];
            /**
             * Format: uuid
             * @description The unique identifier of the environment.
             */
            id: string;
            type: components["schemas"]["EnvironmentType"];
        };
        /** @description Response containing an environment. */
        EnvironmentResponse: {
            data: components["schemas"]["Environment"];
        };
        /** @description API error response. */
        APIErrorResponse: {
            /** @description A list of errors. */
            errors: string[];
        };
        /**
         * @description Attributes for updating an environment. Only the attributes present change;
         *     omitted attributes remain unchanged. Unknown attributes are rejected.
         */
        UpdateEnvironmentAttributes: {
            /** @description Indicates whether this is a production environment. */
            is_production?: boolean;
            /** @description The name of the environment. */
            name?: string;
            /** @description List of queries to define the environment scope. */
            queries?: string[];
            /** @description Indicates whether feature flag changes require approval in this environment. */
            require_feature_flag_approval?: boolean;
        };
        /**
         * @description The resource type.
         * @default environments
         * @enum {string}
         */
        UpdateEnvironmentDataType: "environments";
        /** @description Data for updating an environment. */
        UpdateEnvironmentData: {
            attributes: components["schemas"]["UpdateEnvironmentAttributes"];
            type: components["schemas"]["UpdateEnvironmentDataType"];
        };
        /** @description Request to update an environment. */
        UpdateEnvironmentRequest: {
            data: components["schemas"]["UpdateEnvironmentData"];
        };
    };
    responses: {
        /** @description Bad Request: the `environment_id` is not a UUID. */
        InvalidEnvironmentId: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Forbidden: the API key or application key is missing or invalid, or the application key lacks the required permission. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Not Found: no environment has the given ID. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Too many requests: the rate limit named in `X-RateLimit-Name` is exhausted; retry after `X-RateLimit-Reset` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["XRateLimitLimit"];
                "X-RateLimit-Period": components["headers"]["XRateLimitPeriod"];
                "X-RateLimit-Remaining": components["headers"]["XRateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["XRateLimitReset"];
                "X-RateLimit-Name": components["headers"]["XRateLimitName"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Bad Request: malformed JSON, an `environment_id` that is not a UUID, a wrong `data.type`, an unknown attribute, an empty `name` or an empty `queries` list. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Payload Too Large: the request body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
        /** @description Unsupported Media Type: the request body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["APIErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The ID of the environment.
         * @example 550e8400-e29b-41d4-a716-446655440001
         */
        EnvironmentId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Identifier of this request; quote it when contacting Datadog support.
         * @example 5f0c8a1e9d7b4c2a8e3f6b1d2c4a7e90
         */
        XRequestId: string;
        /**
         * @description Number of requests allowed in the current rate-limit period.
         * @example 1000
         */
        XRateLimitLimit: number;
        /**
         * @description Length of the rate-limit period, in seconds.
         * @example 60
         */
        XRateLimitPeriod: number;
        /**
         * @description Number of requests still allowed in the current rate-limit period.
         * @example 0
         */
        XRateLimitRemaining: number;
        /**
         * @description Seconds until the current rate-limit period resets.
         * @example 42
         */
        XRateLimitReset: number;
        /**
         * @description Name of the rate limit this request counts against.
         * @example feature_flags_environments
         */
        XRateLimitName: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetFeatureFlagsEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the environment.
                 * @example 550e8400-e29b-41d4-a716-446655440001
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["XRateLimitLimit"];
                    "X-RateLimit-Period": components["headers"]["XRateLimitPeriod"];
                    "X-RateLimit-Remaining": components["headers"]["XRateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["XRateLimitReset"];
                    "X-RateLimit-Name": components["headers"]["XRateLimitName"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentResponse"];
                };
            };
            400: components["responses"]["InvalidEnvironmentId"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    UpdateFeatureFlagsEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the environment.
                 * @example 550e8400-e29b-41d4-a716-446655440001
                 */
                environment_id: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEnvironmentRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["XRateLimitLimit"];
                    "X-RateLimit-Period": components["headers"]["XRateLimitPeriod"];
                    "X-RateLimit-Remaining": components["headers"]["XRateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["XRateLimitReset"];
                    "X-RateLimit-Name": components["headers"]["XRateLimitName"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}

// Friendly names for every schema in the spec.
export type DatadogEnvironmentAttributes = components['schemas']['EnvironmentAttributes'];
export type DatadogEnvironmentType = components['schemas']['EnvironmentType'];
export type DatadogEnvironment = components['schemas']['Environment'];
export type DatadogEnvironmentResponse = components['schemas']['EnvironmentResponse'];
export type DatadogAPIErrorResponse = components['schemas']['APIErrorResponse'];
export type DatadogUpdateEnvironmentAttributes = components['schemas']['UpdateEnvironmentAttributes'];
export type DatadogUpdateEnvironmentDataType = components['schemas']['UpdateEnvironmentDataType'];
export type DatadogUpdateEnvironmentData = components['schemas']['UpdateEnvironmentData'];
export type DatadogUpdateEnvironmentRequest = components['schemas']['UpdateEnvironmentRequest'];
