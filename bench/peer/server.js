// The benchmark's peer: the same graph served by Neo4j's own GraphQL library (@neo4j/graphql 7)
// on Apollo Server, the stack a team would otherwise pick. PEER_WORKERS processes share the port
// (node:cluster), so the peer gets as many processes as the hub has uvicorn workers.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const port = Number(process.env.PEER_PORT ?? 4000);
const workers = Number(process.env.PEER_WORKERS ?? 1);

// A Query field's `@cypher(statement: "<name>.cypher")` names the floor's file in ../queries: the
// peer runs the floor's very statement (its `//` comment lines dropped), kept in one place.
const FLOOR_STATEMENT = /statement: "(\w+\.cypher)"/g;

function floorStatement(file) {
  const text = readFileSync(new URL(`../queries/${file}`, import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .trim();
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`peer worker ${worker.process.pid} exited (${code})`);
    process.exit(1);
  });
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers)) worker.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    { maxConnectionPoolSize: 100, disableLosslessIntegers: true },
  );
  const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8").replace(
    FLOOR_STATEMENT,
    (_, file) => `statement: ${JSON.stringify(floorStatement(file))}`,
  );
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const schema = await neoSchema.getSchema();
  if (process.argv.includes("--print-schema")) {
    const { printSchema } = await import("graphql");
    console.log(printSchema(schema));
    await driver.close();
    process.exit(0);
  }
  const server = new ApolloServer({ schema, introspection: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: "127.0.0.1" },
    context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE ?? "neo4j" } }),
  });
  process.on("SIGTERM", async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
  console.log(`peer ready at ${url} (pid ${process.pid})`);
}
