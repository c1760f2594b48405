// GraphiQL against this hub's own /graphql; every asset comes from the hub (no CDN).
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).href });

createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolbarTabs: "variables" }),
);
