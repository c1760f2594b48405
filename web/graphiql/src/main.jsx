// GraphiQL against this hub's own /graphql; every asset comes from the hub (no CDN).
// Subscriptions go over WebSocket (graphql-transport-ws) to the same /graphql, connecting
// only when one is run.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { createClient } from "graphql-ws";
import "graphiql/graphiql.css";

const url = new URL("/graphql", window.location.href);
const socketUrl = new URL(url);
socketUrl.protocol = url.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({
  url: url.href,
  wsClient: createClient({ url: socketUrl.href, lazy: true }),
});

createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolbarTabs: "variables" }),
);
