// oidc-provider ships no types; this covers the part of its API the OpenID Connect spec uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface Account {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }
  interface Interaction {
    prompt: { name: "login" | "consent"; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
    params: { client_id: string; scope?: string };
    session?: { accountId: string };
  }
  interface ProviderConfiguration {
    clients: Record<string, unknown>[];
    findAccount(context: unknown, sub: string): Account | undefined | Promise<Account | undefined>;
    claims: Record<string, string[]>;
    scopes?: string[];
    jwks: { keys: Record<string, unknown>[] };
    cookies: { keys: string[] };
    features?: Record<string, { enabled: boolean }>;
    interactions: { url(context: unknown, interaction: { uid: string }): string };
  }
  class Grant {
    constructor(properties: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration);
    Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
