/**
 * Generated from docs/openapi.json by openapi-typescript (`npm run docs`); do not edit by hand.
 * A test fails when it differs from what the document generates.
 */

export interface paths {
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects, newest first */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description A second live project with the same title (after normalization) for the same owner is refused with 409.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create 1 to 25 projects
         * @description `atomic: true` (default): all in one transaction or none; 201, or 409 with one `errors[]` entry per offending item. `atomic: false`: 200 with `items` and `failures`, each with its `index`.
         */
        post: operations["createProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a live project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Soft delete a project, freeing its title */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /**
         * Change the title and/or description
         * @description A new title is checked for uniqueness in the same transaction that frees the old one.
         */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/projects/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted project, if its title is free */
        post: operations["restoreProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This reference, as a page for a browser
         * @description An HTML page that renders this document, with everything it needs inlined: it works with no network.
         */
        get: operations["getDocs"];
        put?: never;
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
        /** @description A project. */
        Project: {
            /** @description Server-generated, opaque (a ULID). */
            id: string;
            /** @description As stored: trimmed and in Unicode NFC. NFC can write one code point as up to three (U+FB2C), so a title sent with 100 code points can be stored with more. */
            title: string;
            description: string;
            /** @description Starts at 1 and grows by one on every change. */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description Null while the project is live.
             */
            deletedAt: string | null;
        };
        NewProject: {
            /** @description Trimmed, 1 to 100 characters counted as sent (code points, before any normalization, as `maxLength` counts), at least one of them visible; no control characters and no bidi overrides, embeddings or isolates. Stored trimmed, in Unicode NFC. Characters that show nothing neither make a title visible nor make two titles different: Unicode’s default-ignorable code points (zero-width spaces and joiners, soft hyphens, variation selectors, Hangul fillers, bidi marks), the format controls (General_Category Cf, such as the interlinear annotation characters and the Egyptian hieroglyph format controls) but the prepended concatenation marks (Prepended_Concatenation_Mark), which are drawn; and the Braille pattern blank (U+2800), which counts as a space. Two titles are the same when equal after Unicode’s NFKC_Casefold (NFKC, removing default-ignorable characters, full case folding: ẞ, ß and ss fold alike, dotless ı and i stay different letters), removing the characters that show nothing, trimming and collapsing white space. */
            title: string;
            /**
             * @description At most 1,000 characters (code points).
             * @default
             */
            description?: string;
        };
        /** @description At least one of title and description; `version` alone is not a change. */
        ProjectPatch: {
            /** @description Trimmed, 1 to 100 characters counted as sent (code points, before any normalization, as `maxLength` counts), at least one of them visible; no control characters and no bidi overrides, embeddings or isolates. Stored trimmed, in Unicode NFC. Characters that show nothing neither make a title visible nor make two titles different: Unicode’s default-ignorable code points (zero-width spaces and joiners, soft hyphens, variation selectors, Hangul fillers, bidi marks), the format controls (General_Category Cf, such as the interlinear annotation characters and the Egyptian hieroglyph format controls) but the prepended concatenation marks (Prepended_Concatenation_Mark), which are drawn; and the Braille pattern blank (U+2800), which counts as a space. Two titles are the same when equal after Unicode’s NFKC_Casefold (NFKC, removing default-ignorable characters, full case folding: ẞ, ß and ss fold alike, dotless ı and i stay different letters), removing the characters that show nothing, trimming and collapsing white space. */
            title?: string;
            /** @description At most 1,000 characters (code points). */
            description?: string;
            /** @description The version the change is based on; a stale one is a 409 PROJECT_VERSION_CONFLICT. */
            version?: number;
        };
        BatchCreate: {
            /** @description 1 to 25 projects, each as in POST /projects. */
            projects: components["schemas"]["NewProject"][];
            /**
             * @description true (default): all or nothing. false: each valid item is created, the rest reported.
             * @default true
             */
            atomic?: boolean;
        };
        ProjectEnvelope: {
            /** @constant */
            status: "Success";
            data: components["schemas"]["Project"];
        };
        ProjectPageEnvelope: {
            /** @constant */
            status: "Success";
            data: {
                items: components["schemas"]["Project"][];
                /** @description Null on the last page. */
                nextCursor: string | null;
            };
        };
        BatchCreatedEnvelope: {
            /** @constant */
            status: "Success";
            data: {
                /** @description In request order. */
                items: components["schemas"]["Project"][];
            };
        };
        BatchReportEnvelope: {
            /** @constant */
            status: "Success";
            data: {
                items: {
                    index: number;
                    project: components["schemas"]["Project"];
                }[];
                failures: {
                    index: number;
                    code: components["schemas"]["ErrorCode"];
                    message: string;
                    errors?: {
                        field?: string;
                        message: string;
                    }[];
                }[];
            };
        };
        /**
         * @description A stable error code from the catalog (docs/errors.md). Branch on it, never on `message`.
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "MALFORMED_JSON" | "UNAUTHORIZED" | "PROJECT_NOT_FOUND" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "PROJECT_TITLE_CONFLICT" | "PROJECT_VERSION_CONFLICT" | "PROJECT_NOT_DELETED" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "IDEMPOTENCY_KEY_REUSED" | "TOO_MANY_REQUESTS" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR";
        ErrorDetail: {
            /** @description The field that failed validation (`projects.2.title`). */
            field?: string;
            /** @description The batch item concerned. */
            index?: number;
            code?: components["schemas"]["ErrorCode"];
            message: string;
        };
        /** @description The failure envelope of every 4xx and 5xx the API itself produces. */
        Failure: {
            /** @constant */
            status: "Failed";
            code: components["schemas"]["ErrorCode"];
            /** @description `[<HTTP reason phrase>] <text>`, in the language of Accept-Language. */
            message: string;
            /** @description Also in `x-request-id` and in the server log line of the request. */
            requestId: string;
            errors?: components["schemas"]["ErrorDetail"][];
        };
        /** @description RFC 9457 problem details, sent for `Accept: application/problem+json`. */
        Problem: {
            /** Format: uri-reference */
            type: string;
            title: string;
            status: number;
            detail: string;
            instance: string;
            code: components["schemas"]["ErrorCode"];
            requestId: string;
            errors?: components["schemas"]["ErrorDetail"][];
        };
        /** @description An answer API Gateway gives itself, before or instead of a function: no `code`, no `requestId` (its id is the `apigw-requestid` header). The typed client reads each as the catalog code its status stands for. */
        GatewayMessage: {
            /** @enum {string} */
            message: "Unauthorized" | "Request Entity Too Large" | "Too Many Requests" | "Internal Server Error" | "Service Unavailable";
        };
    };
    responses: {
        /** @description A path above with a method it does not list: `METHOD_NOT_ALLOWED`. The path exists, but not with this method. `Allow` names the methods it supports. */
        MethodNotAllowed: {
            headers: {
                "x-request-id": components["headers"]["x-request-id"];
                "Content-Language": components["headers"]["Content-Language"];
                Allow: components["headers"]["Allow"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Any other path: `ROUTE_NOT_FOUND`. No route matches the method and path. */
        RouteNotFound: {
            headers: {
                "x-request-id": components["headers"]["x-request-id"];
                "Content-Language": components["headers"]["Content-Language"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description A project id. One that cannot exist is answered as a missing project (404). */
        ProjectId: string;
        /** @description Makes a retry safe: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body it is 422 IDEMPOTENCY_KEY_REUSED. */
        "Idempotency-Key": string;
        /** @description The ETag the change is based on (`"3"`), a list of them, or `*`. A stale one is 412. */
        "If-Match": string;
        /** @description Korean (`ko`) or English (anything else) for `message`. */
        "Accept-Language": string;
    };
    requestBodies: never;
    headers: {
        /** @description The request id, as in the body and the server log. */
        "x-request-id": string;
        /** @description `en` or `ko`, for failures. */
        "Content-Language": "en" | "ko";
        /** @description The path of the created project. */
        Location: string;
        /** @description The project version, as `"<version>"`. */
        ETag: string;
        /** @description `true` when the answer is the replay of an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description API Gateway’s challenge: `Bearer` without a token, else `Bearer scope="" error="invalid_token" error_description="…"` saying why the token was refused. */
        "WWW-Authenticate": string;
        /** @description API Gateway’s id of the request, on every answer; the access log names it. */
        "apigw-requestid": string;
        /** @description The methods the path supports, such as `GET, PATCH, DELETE`. */
        Allow: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProjects: {
        parameters: {
            query?: {
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number;
                /** @description `nextCursor` of the previous page, exactly as sent: a cursor that differs in any character (padding and other spellings of the same bytes included), or that belongs to another owner or list, is `400 VALIDATION_FAILED`. */
                cursor?: string;
                /** @description `true` lists the deleted projects (the trash), most recently deleted first. */
                deleted?: boolean;
            };
            header?: {
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPageEnvelope"];
                };
            };
            /** @description `VALIDATION_FAILED`: The body, a path parameter or a query parameter fails the schema. `errors` names each field. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED";
                    };
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body it is 422 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The new project. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Quarterly report",
                 *       "description": "Figures for Q3, due Friday."
                 *     }
                 */
                "application/json": components["schemas"]["NewProject"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            /**
             * @description `VALIDATION_FAILED`: The body, a path parameter or a query parameter fails the schema. `errors` names each field.
             *
             *     `MALFORMED_JSON`: The body is empty, not valid UTF-8 or not valid JSON.
             */
            400: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_TITLE_CONFLICT`: The owner already has a live project with the same title (compared after Unicode’s NFKC_Casefold, trimming and collapsing white space). */
            409: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT";
                    };
                };
            };
            /**
             * @description `PAYLOAD_TOO_LARGE`: The body is larger than 256 KiB (after base64 decoding). Over API Gateway’s 10 MB, or Lambda’s 6 MB for the whole request, API Gateway answers itself with `{"message":"Request Entity Too Large"}`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third).
             */
            413: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A request body is sent with a `Content-Type` other than `application/json` or `application/*+json`, or with a charset other than UTF-8. Other parameters, empty or quoted, do not matter. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: An `Idempotency-Key` is reused with a different request body. */
            422: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "IDEMPOTENCY_KEY_REUSED";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "IDEMPOTENCY_KEY_REUSED";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    createProjects: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body it is 422 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The projects to create. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "projects": [
                 *         {
                 *           "title": "Roadmap"
                 *         },
                 *         {
                 *           "title": "Hiring plan",
                 *           "description": "Two engineers"
                 *         }
                 *       ],
                 *       "atomic": true
                 *     }
                 */
                "application/json": components["schemas"]["BatchCreate"];
            };
        };
        responses: {
            /** @description With `atomic: false`: what was created and why each other item was refused. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchReportEnvelope"];
                };
            };
            /** @description Created (atomic). With `atomic: false` the answer is 200, BatchReportEnvelope. */
            201: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchCreatedEnvelope"];
                };
            };
            /**
             * @description `VALIDATION_FAILED`: The body, a path parameter or a query parameter fails the schema. `errors` names each field.
             *
             *     `MALFORMED_JSON`: The body is empty, not valid UTF-8 or not valid JSON.
             */
            400: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_TITLE_CONFLICT`: The owner already has a live project with the same title (compared after Unicode’s NFKC_Casefold, trimming and collapsing white space). */
            409: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT";
                    };
                };
            };
            /**
             * @description `PAYLOAD_TOO_LARGE`: The body is larger than 256 KiB (after base64 decoding). Over API Gateway’s 10 MB, or Lambda’s 6 MB for the whole request, API Gateway answers itself with `{"message":"Request Entity Too Large"}`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third).
             */
            413: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A request body is sent with a `Content-Type` other than `application/json` or `application/*+json`, or with a charset other than UTF-8. Other parameters, empty or quoted, do not matter. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description `IDEMPOTENCY_KEY_REUSED`: An `Idempotency-Key` is reused with a different request body. */
            422: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "IDEMPOTENCY_KEY_REUSED";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "IDEMPOTENCY_KEY_REUSED";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path: {
                /** @description A project id. One that cannot exist is answered as a missing project (404). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_NOT_FOUND`: No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag the change is based on (`"3"`), a list of them, or `*`. A stale one is 412. */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path: {
                /** @description A project id. One that cannot exist is answered as a missing project (404). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_NOT_FOUND`: No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                };
            };
            /** @description `PRECONDITION_FAILED`: `If-Match` does not match the current ETag of the project. */
            412: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PRECONDITION_FAILED";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PRECONDITION_FAILED";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag the change is based on (`"3"`), a list of them, or `*`. A stale one is 412. */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path: {
                /** @description A project id. One that cannot exist is answered as a missing project (404). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** @description At least one of title and description. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Quarterly report (final)",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["ProjectPatch"];
            };
        };
        responses: {
            /** @description The changed project. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            /**
             * @description `VALIDATION_FAILED`: The body, a path parameter or a query parameter fails the schema. `errors` names each field.
             *
             *     `MALFORMED_JSON`: The body is empty, not valid UTF-8 or not valid JSON.
             */
            400: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "VALIDATION_FAILED" | "MALFORMED_JSON";
                    };
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_NOT_FOUND`: No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                };
            };
            /**
             * @description `PROJECT_TITLE_CONFLICT`: The owner already has a live project with the same title (compared after Unicode’s NFKC_Casefold, trimming and collapsing white space).
             *
             *     `PROJECT_VERSION_CONFLICT`: The `version` in the body is not the current version of the project.
             */
            409: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT" | "PROJECT_VERSION_CONFLICT";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_TITLE_CONFLICT" | "PROJECT_VERSION_CONFLICT";
                    };
                };
            };
            /** @description `PRECONDITION_FAILED`: `If-Match` does not match the current ETag of the project. */
            412: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PRECONDITION_FAILED";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PRECONDITION_FAILED";
                    };
                };
            };
            /**
             * @description `PAYLOAD_TOO_LARGE`: The body is larger than 256 KiB (after base64 decoding). Over API Gateway’s 10 MB, or Lambda’s 6 MB for the whole request, API Gateway answers itself with `{"message":"Request Entity Too Large"}`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third).
             */
            413: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PAYLOAD_TOO_LARGE";
                    };
                };
            };
            /** @description `UNSUPPORTED_MEDIA_TYPE`: A request body is sent with a `Content-Type` other than `application/json` or `application/*+json`, or with a charset other than UTF-8. Other parameters, empty or quoted, do not matter. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    restoreProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Korean (`ko`) or English (anything else) for `message`. */
                "Accept-Language"?: components["parameters"]["Accept-Language"];
            };
            path: {
                /** @description A project id. One that cannot exist is answered as a missing project (404). */
                id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored project. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectEnvelope"];
                };
            };
            /**
             * @description `UNAUTHORIZED`: The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.
             *
             *     From API Gateway, `{"message":"Unauthorized"}`: The JWT authorizer refused the token (missing, malformed, expired, badly signed, another issuer or audience), with `WWW-Authenticate`.
             */
            401: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "UNAUTHORIZED";
                    };
                };
            };
            /** @description `PROJECT_NOT_FOUND`: No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_FOUND";
                    };
                };
            };
            /**
             * @description `PROJECT_NOT_DELETED`: A restore was asked for a project that is not deleted.
             *
             *     `PROJECT_TITLE_CONFLICT`: The owner already has a live project with the same title (compared after Unicode’s NFKC_Casefold, trimming and collapsing white space).
             */
            409: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_DELETED" | "PROJECT_TITLE_CONFLICT";
                    };
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "PROJECT_NOT_DELETED" | "PROJECT_TITLE_CONFLICT";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /**
             * @description `SERVICE_UNAVAILABLE`: A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.
             *
             *     From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds.
             */
            503: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "Retry-After": components["headers"]["Retry-After"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "SERVICE_UNAVAILABLE";
                    };
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds. */
            503: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description From API Gateway, `{"message":"Request Entity Too Large"}`: The body is over API Gateway’s 10 MB, or the whole request over Lambda’s 6 MB (a body sent as base64 grows by a third). */
            413: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description From API Gateway, `{"message":"Too Many Requests"}`: The stage’s throttling (a rate and a burst for each route, all clients together) refused the request. */
            429: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /**
             * @description `INTERNAL_ERROR`: Anything unexpected. The details are in the server log under the `requestId`.
             *
             *     From API Gateway, `{"message":"Internal Server Error"}`: The function crashed, ran past its own timeout, or returned no valid answer.
             */
            500: {
                headers: {
                    "x-request-id": components["headers"]["x-request-id"];
                    "Content-Language": components["headers"]["Content-Language"];
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["Failure"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    }) | components["schemas"]["GatewayMessage"];
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {unknown} */
                        code?: "INTERNAL_ERROR";
                    };
                };
            };
            /** @description From API Gateway, `{"message":"Service Unavailable"}`: The function did not answer within API Gateway’s 30 seconds. */
            503: {
                headers: {
                    "apigw-requestid": components["headers"]["apigw-requestid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
        };
    };
}
