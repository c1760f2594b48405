// Subscribes to a served hub with the real graphql-ws or graphql-sse client and prints what
// arrives, one JSON object per line, until it is killed or every operation has ended.
//
//   node subscribe.mjs ws|sse <graphql url> '<spec JSON>'
//
// spec: {"auth": {"Authorization": "Bearer ..."}?, "operations": [{"name": "a",
//        "query": "subscription { ... }", "variables": {...}?}, ...]}
// Lines: {"op": name, "event": "next", "payload": {...}} | {"op": name, "event": "error",
//        "error": ...} | {"op": name, "event": "complete"} | {"event": "closed", "code": n,
//        "reason": "..."} | {"event": "connected"}
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [transport, url, specText] = process.argv.slice(2);
const spec = JSON.parse(specText);
const auth = spec.auth ?? {};

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function describe(error) {
  if (Array.isArray(error)) return error;
  if (error && typeof error === 'object' && 'code' in error) {
    return { code: error.code, reason: error.reason };
  }
  return { message: String(error && error.message ? error.message : error) };
}

let client;
if (transport === 'ws') {
  client = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: auth,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    on: {
      connected: () => print({ event: 'connected' }),
      closed: (event) => print({ event: 'closed', code: event.code, reason: event.reason }),
    },
  });
} else if (transport === 'sse') {
  client = createSseClient({ url, headers: auth, retryAttempts: 0 });
} else {
  throw new Error(`unknown transport ${transport}`);
}

let open = spec.operations.length;
for (const operation of spec.operations) {
  client.subscribe(
    { query: operation.query, variables: operation.variables ?? {} },
    {
      next: (payload) => print({ op: operation.name, event: 'next', payload }),
      error: (error) => {
        print({ op: operation.name, event: 'error', error: describe(error) });
        if (--open === 0) process.exit(0);
      },
      complete: () => {
        print({ op: operation.name, event: 'complete' });
        if (--open === 0) process.exit(0);
      },
    },
  );
}

process.on('SIGTERM', () => {
  client.dispose();
  process.exit(0);
});
