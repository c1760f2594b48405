import { render, screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { socketUrl } from "../src/lib/client";
import { ChangeItem, KEPT, slugOf, withChange, type Change } from "../src/views/feed";

const gid = (text: string): string => btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

const change = (sequence: number, overrides: Partial<Change> = {}): Change => ({
  sequence,
  id: gid("Expert:vusal-huseynov"),
  type: "EXPERT",
  operation: "UPDATE",
  fields: ["name"],
  link: null,
  at: "2026-12-07T18:01:02Z",
  source: "contributed",
  actor: null,
  ...overrides,
});

describe("the live feed", () => {
  it("names a node by the slug inside its global ID", () => {
    expect(slugOf(gid("Expert:vusal-huseynov"))).toBe("vusal-huseynov");
    expect(slugOf("not base64!")).toBe("not base64!");
  });
  it("keeps changes newest first, each once, at most KEPT", () => {
    let kept = withChange(undefined, change(2));
    kept = withChange(kept, change(1));
    kept = withChange(kept, change(3));
    kept = withChange(kept, change(3));
    expect(kept.map((c) => c.sequence)).toEqual([3, 2, 1]);
    for (let n = 4; n < KEPT + 10; n++) kept = withChange(kept, change(n));
    expect(kept).toHaveLength(KEPT);
    expect(kept[0].sequence).toBe(KEPT + 9);
  });
  it("says what changed, on which link and by whom", () => {
    const linked = change(7, {
      operation: "LINK",
      fields: [],
      link: { relationshipType: "WORKS_FOR", outgoing: true, other: gid("Agency:sms-az"), otherType: "AGENCY" },
      actor: "editor-1",
    });
    const { container } = render(<ChangeItem change={linked} />);
    expect(screen.getByRole("link", { name: "vusal-huseynov" }).getAttribute("href")).toBe(`/node/${linked.id}`);
    expect(container.textContent).toContain("linked");
    expect(container.textContent).toContain("works for → sms-az");
    expect(container.textContent).toContain("by editor-1");
  });
  it("opens the subscription socket on the page's own host", () => {
    expect(socketUrl("/graphql", { protocol: "https:", host: "hub.example:8443" })).toBe("wss://hub.example:8443/graphql");
    expect(socketUrl("/graphql", { protocol: "http:", host: "127.0.0.1:8000" })).toBe("ws://127.0.0.1:8000/graphql");
  });
});
