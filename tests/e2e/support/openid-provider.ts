import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { OIDC_PROVIDER_ID } from "@/server/auth/oidc";

/** Who the provider signs in: the claims it vouches for. */
export interface ProviderAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestOpenIdProvider {
  /** What the app needs to use it: FULCRUM_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET. */
  env: Record<string, string>;
  /** Registers the app's redirect URI (/api/auth/callback/oidc on `appUrl`) with a fresh provider on the same issuer. */
  serve(appUrl: string): void;
  /** Whom the next login at the provider signs in: the test's stand-in for a person typing their company password. */
  signInAs(account: ProviderAccount): void;
  /**
   * Keeps the provider's next answer (the redirect to the app with the code and the state)
   * from the browser, and gives it to the test instead: what an attacker who intercepted it holds.
   */
  holdNextAnswer(): Promise<string>;
  stop(): Promise<void>;
}

const CLIENT_ID = "fulcrum";

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID
 * Foundation) on a loopback port, with one confidential client, the app. Its login and
 * consent pages are replaced by an interaction handler that signs in whoever the test named
 * and grants what the app asked for, through the provider's own interaction API. Each
 * account's `sub` is derived from its email, as a provider's stable subject would be.
 */
export async function startOpenIdProvider(): Promise<TestOpenIdProvider> {
  const clientSecret = randomBytes(32).toString("base64url");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const accounts = new Map<string, ProviderAccount>();
  let next: ProviderAccount | undefined;
  let provider: Provider | undefined;
  let holding: ((answer: string) => void) | undefined;

  /** Turns the provider's redirect back to the app into a page that says "held", and hands the redirect to the test. */
  const hold = (response: ServerResponse, deliver: (answer: string) => void) => {
    const end = response.end.bind(response);
    response.end = ((...args: Parameters<ServerResponse["end"]>) => {
      const location = response.getHeader("location");
      if (typeof location !== "string" || !location.includes("/api/auth/callback/")) return end(...args);
      holding = undefined;
      deliver(location);
      response.statusCode = 200;
      response.removeHeader("location");
      response.setHeader("content-type", "text/plain");
      response.setHeader("content-length", "4");
      return end("held");
    }) as ServerResponse["end"];
  };

  const interact = async (request: IncomingMessage, response: ServerResponse, current: Provider) => {
    const interaction = await current.interactionDetails(request, response);
    if (interaction.prompt.name === "login") {
      if (!next) throw new Error("The test did not say whom the provider signs in (signInAs).");
      const accountId = `sub-${Buffer.from(next.email).toString("hex")}`;
      accounts.set(accountId, next);
      await current.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new current.Grant({ accountId: interaction.session!.accountId, clientId: interaction.params.client_id });
    const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    await current.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };

  const server = createServer((request, response) => {
    const current = provider;
    if (!current) {
      response.writeHead(503).end("The provider has no client yet.");
      return;
    }
    if (request.url?.startsWith("/interaction/")) {
      interact(request, response, current).catch((error: unknown) => {
        response.writeHead(500).end(error instanceof Error ? error.message : String(error));
      });
      return;
    }
    if (holding) hold(response, holding);
    current.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    env: { FULCRUM_OIDC_ISSUER: issuer, FULCRUM_OIDC_CLIENT_ID: CLIENT_ID, FULCRUM_OIDC_CLIENT_SECRET: clientSecret },
    serve(appUrl) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: clientSecret,
            redirect_uris: [`${appUrl}/api/auth/callback/${OIDC_PROVIDER_ID}`],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        findAccount: (_context, sub) => {
          const account = accounts.get(sub);
          return account && { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: account.emailVerified }) };
        },
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        jwks: { keys: [signingKey as Record<string, unknown>] },
        cookies: { keys: [randomBytes(32).toString("base64url")] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
      });
    },
    signInAs(account) {
      next = account;
    },
    holdNextAnswer: () => new Promise<string>((resolve) => (holding = resolve)),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The app keeps its connections to the provider alive; they would hold the close open.
        server.closeAllConnections();
      }),
  };
}
