// The GraphQL client: same-origin /graphql, the API key as a header, the data language as
// Accept-Language (the API picks each text's language from it), and outage detection.
import { Client, cacheExchange, fetchExchange } from "@urql/core";

export type ClientOptions = {
  apiKey: string | null;
  dataLanguage: string;
  /** Told after every answer whether the hub is reachable (false on 502-504 or no answer). */
  onReachable: (reachable: boolean) => void;
};

const UNAVAILABLE = new Set([502, 503, 504]);

export function makeClient({ apiKey, dataLanguage, onReachable }: ClientOptions): Client {
  const headers: Record<string, string> = { "Accept-Language": dataLanguage };
  if (apiKey) headers["X-API-Key"] = apiKey;
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
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
