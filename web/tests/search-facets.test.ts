import { describe, expect, it } from "vitest";
import { facetParam, parseFacets, searchFacets, toggled } from "../src/views/search-facets";

describe("search facets in the URL", () => {
  it("reads one choice per dimension, keys kept whole, malformed parts dropped", () => {
    const chosen = parseFacets("country:Q291bnRyeTphemU,year:2022,broken,:x,topic:,country:other");
    expect([...chosen]).toEqual([
      ["country", "Q291bnRyeTphemU"],
      ["year", "2022"],
    ]);
    expect(parseFacets(null).size).toBe(0);
  });
  it("writes one URL per choice, and none for no choice", () => {
    expect(facetParam(new Map([["year", "2022"], ["country", "C"]]))).toBe("country:C,year:2022");
    expect(facetParam(new Map())).toBeNull();
  });
  it("toggles a group: choosing replaces the dimension's choice, choosing it again clears it", () => {
    const chosen = new Map([["year", "2022"]]);
    expect([...toggled(chosen, "year", "2021")]).toEqual([["year", "2021"]]);
    expect(toggled(chosen, "year", "2022").size).toBe(0);
    expect([...toggled(chosen, "country", "C")]).toEqual([["year", "2022"], ["country", "C"]]);
    expect([...chosen]).toEqual([["year", "2022"]]);
  });
  it("asks the API for the tab's own dimensions only", () => {
    expect(searchFacets("RESOURCE", "language:ru,agency:A,year:2019")).toEqual([
      { by: "YEAR", key: "2019" },
      { by: "LANG", key: "ru" },
    ]);
    expect(searchFacets("EXPERT", "year:2019")).toBeNull();
    expect(searchFacets(null, "year:2019")).toBeNull();
    expect(searchFacets("PLACE", "country:C")).toBeNull();
  });
});
