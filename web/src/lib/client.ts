// The GraphQL client: same-origin /graphql, the API key as a header, the data language as
// Accept-Language (the API picks each text's language from it), and outage detection.
// Subscriptions go over the hub's WebSocket (graphql-transport-ws, the graphql-ws library),
// loaded only when a view first subscribes, so the initial bundle does not carry it.
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type SubscriptionOperation } from "@urql/core";
import type { Client as SocketClient, Sink } from "graphql-ws";

export type ClientOptions = {
  apiKey: string | null;
  dataLanguage: string;
  /** Told after every answer whether the hub is reachable (false on 502-504 or no answer). */
  onReachable: (reachable: boolean) => void;
};

const UNAVAILABLE = new Set([502, 503, 504]);

/** The hub's own WebSocket address for `path`, from the page's origin. */
export function socketUrl(path: string, origin: { protocol: string; host: string } = location): string {
  return `${origin.protocol === "https:" ? "wss:" : "ws:"}//${origin.host}${path}`;
}

/** One graphql-ws client per API client, made on the first subscription. The key travels in
 * `connection_init`, since browsers cannot set headers on a WebSocket. */
function socketForwarder(apiKey: string | null) {
  let socket: Promise<SocketClient> | null = null;
  const open = (): Promise<SocketClient> =>
    (socket ??= import("graphql-ws").then(({ createClient }) =>
      createClient({
        url: socketUrl("/graphql"),
        connectionParams: apiKey ? { "X-API-Key": apiKey } : {},
        retryAttempts: 5,
      }),
    ));
  return (request: SubscriptionOperation) => ({
    subscribe(sink: Sink) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void open().then((client) => {
        if (!stopped) stop = client.subscribe({ ...request, query: request.query ?? "" }, sink);
      });
      return {
        unsubscribe: () => {
          stopped = true;
          stop?.();
        },
      };
    },
  });
}

export function makeClient({ apiKey, dataLanguage, onReachable }: ClientOptions): Client {
  const headers: Record<string, string> = { "Accept-Language": dataLanguage };
  if (apiKey) headers["X-API-Key"] = apiKey;
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange, subscriptionExchange({ forwardSubscription: socketForwarder(apiKey) })],
    fetchOptions: { headers },
    fetch: async (input, init) => {
      try {
        const response = await fetch(input, init);
        onReachable(!UNAVAILABLE.has(response.status));
        return response;
      } catch (error) {
        onReachable(false);
        throw error;
      }
    },
  });
}
