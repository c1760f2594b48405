// The network view's filters: the names the API knows, and the URL's choices checked against them.
import type { EntityType, ProjectionKind, RelationshipType } from "../generated/graphql";
import { TYPENAMES } from "../components/links";
import type { NetworkFilters } from "../lib/router";

export const ENTITY_TYPES = Object.keys(TYPENAMES) as EntityType[];
export const RELATIONSHIPS: RelationshipType[] = [
  "WORKS_FOR", "TOOK_PART", "BASED_IN", "HELD_IN", "PART_OF", "FUNDED_BY",
  "IMPLEMENTED_BY", "COVERS", "ABOUT", "CASCADES_FROM", "DESCRIBES", "MENTIONS", "IN",
];
export const PROJECTIONS: Partial<Record<EntityType, ProjectionKind>> = {
  EXPERT: "EXPERTS_BY_EVENTS",
  AGENCY: "AGENCIES_BY_EVENTS",
  COUNTRY: "COUNTRIES_BY_PROGRAMMES",
};

export function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The URL's filters, with the names the API does not know dropped. */
export function knownFilters(filters: NetworkFilters): NetworkFilters & { types: EntityType[]; relationships: RelationshipType[] } {
  return {
    ...filters,
    types: ENTITY_TYPES.filter((type) => filters.types.includes(type)),
    relationships: RELATIONSHIPS.filter((type) => filters.relationships.includes(type)),
  };
}

