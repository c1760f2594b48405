// A generated neighbourhood shaped like the API's answer: a centre, rings at distance 1 and 2,
// each node tied to `degree` earlier ones (a deterministic pseudo-random choice).
import type { NeighbourhoodQuery } from "../src/generated/graphql";

const TYPES = ["EXPERT", "AGENCY", "EVENT", "PROGRAMME", "TOPIC", "COUNTRY", "PLACE", "RESOURCE"] as const;
const RELATIONSHIPS = ["WORKS_FOR", "TOOK_PART", "ABOUT", "IN"] as const;

export function syntheticNeighbourhood(size: number, degree: number): NeighbourhoodQuery {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const nodes = Array.from({ length: size }, (_, index) => ({
    id: `n${index}`,
    label: TYPES[index % TYPES.length],
    kind: null,
    start: null,
    name: { text: `Node ${index}`, lang: "en", fallback: false },
    distance: index === 0 ? 0 : index < size / 10 ? 1 : 2,
  }));
  const edges = nodes.slice(1).flatMap((node, index) =>
    Array.from({ length: Math.min(degree, index + 1) }, (_, k) => ({
      source: node.id,
      target: k === 0 && node.distance === 1 ? "n0" : `n${Math.floor(random() * (index + 1))}`,
      type: RELATIONSHIPS[k % RELATIONSHIPS.length],
      role: null,
    })),
  );
  return { neighbourhood: { truncated: false, center: nodes[0], nodes, edges } };
}
