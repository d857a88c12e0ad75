import { betterAuth } from "better-auth";
import type { Kysely } from "kysely";
import { publicBaseUrl, secureCookies, signInLimitPerMinute } from "../config";
import { getStore, type Store } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { authSecret } from "./secret";

// Staff sign-in for the dashboard: better-auth over our own database (tables from the
// 20261129000000_staff_auth migration), scrypt password hashes, sessions stored server-side.
// Sign-up is closed: staff accounts are created by an operator (`nexvio users create`).

const timestamps = { createdAt: "created_at", updatedAt: "updated_at" } as const;

function createAuth(store: Store) {
  return betterAuth({
    appName: "Nexvio Contacts",
    secret: authSecret(),
    baseURL: publicBaseUrl()?.origin,
    database: { db: store.db as unknown as Kysely<unknown>, type: store.dialect.name },
    // The dashboard is served from the same origin as this endpoint, whatever host it is reached on.
    trustedOrigins: (request) => (request ? [ownOrigin(request)] : []),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 256 },
    session: {
      modelName: "staff_sessions",
      fields: { userId: "user_id", expiresAt: "expires_at", ipAddress: "ip_address", userAgent: "user_agent", ...timestamps },
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
    },
    user: {
      modelName: "staff_users",
      fields: { emailVerified: "email_verified", ...timestamps },
      additionalFields: {
        workspaceId: { type: "string", required: true, input: false, fieldName: "workspace_id" },
      },
    },
    account: {
      modelName: "staff_accounts",
      fields: {
        userId: "user_id",
        accountId: "account_id",
        providerId: "provider_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...timestamps,
      },
    },
    verification: { modelName: "staff_verifications", fields: { expiresAt: "expires_at", ...timestamps } },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: signInLimitPerMinute() } },
    },
    advanced: {
      // better-auth turns its Origin check off whenever TEST is set in the environment; a stray
      // TEST=1 on a server must not switch off the sign-in's cross-site protection.
      disableOriginCheck: false,
      useSecureCookies: secureCookies(),
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      cookiePrefix: "nexvio",
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The origin the request was addressed to, as the browser sees it. */
export function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  return `${url.protocol}//${host}`;
}

const globalAuth = globalThis as typeof globalThis & { nexvioAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalAuth.nexvioAuth ??= getStore().then(createAuth);
  return globalAuth.nexvioAuth;
}

/** An auth instance over a given store, for the CLI and tests. */
export const authFor = createAuth;
