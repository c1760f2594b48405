// Apollo Client with its persisted-queries link against a served hub (URL in argv[2]).
// Runs one query three times and prints, as JSON, every HTTP exchange it made: the first run
// registers the query, the later ones go by hash over GET and revalidate with If-None-Match.
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client/core/index.js";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries/index.js";

const url = process.argv[2];
const exchanges = [];
const byUrl = new Map();

// A fetch with an HTTP cache of validators, as browsers have: a stored ETag is sent back as
// If-None-Match and a 304 answers with the stored body.
async function revalidatingFetch(input, init = {}) {
  const method = (init.method || "GET").toUpperCase();
  const headers = new Headers(init.headers);
  const stored = method === "GET" ? byUrl.get(String(input)) : undefined;
  if (stored) headers.set("if-none-match", stored.etag);
  const response = await fetch(input, { ...init, headers });
  const target = new URL(String(input));
  exchanges.push({
    method,
    status: response.status,
    hasQuery: method === "GET" ? target.searchParams.has("query") : String(init.body).includes('"query"'),
    hasHash: method === "GET" ? (target.searchParams.get("extensions") || "").includes("sha256Hash") : String(init.body).includes("sha256Hash"),
    cacheControl: response.headers.get("cache-control"),
    etag: response.headers.get("etag"),
  });
  if (response.status === 304 && stored) {
    return new Response(stored.body, { status: 200, headers: { "content-type": "application/json" } });
  }
  const body = await response.text();
  const etag = response.headers.get("etag");
  if (method === "GET" && etag) byUrl.set(String(input), { etag, body });
  return new Response(body, { status: response.status, headers: response.headers });
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const link = createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
  new HttpLink({ uri: url, fetch: revalidatingFetch }),
);
const client = new ApolloClient({ link, cache: new InMemoryCache() });
const query = gql`
  query ExpertSlugs {
    experts(first: 3) {
      nodes { slug }
    }
  }
`;
const results = [];
for (let run = 0; run < 3; run++) {
  const { data } = await client.query({ query, fetchPolicy: "network-only" });
  results.push(data.experts.nodes.map((node) => node.slug));
}
console.log(JSON.stringify({ exchanges, results }));
