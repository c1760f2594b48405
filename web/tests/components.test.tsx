import { render, screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { Snippet } from "../src/components/snippet";
import { Txt } from "../src/components/text";
import { cascadeTree } from "../src/views/cascade";
import type { CascadeQuery } from "../src/generated/graphql";

type Session = CascadeQuery["cascade"]["sessions"][number];

const session = (id: string, parent: string | null, depth: number): Session => ({
  parent,
  depth,
  participantCount: null,
  trainers: [],
  event: { id, label: "EVENT", kind: null, start: null, name: { text: id, lang: "en", fallback: false } },
});

describe("components", () => {
  it("marks a text shown in another language than the one asked for", () => {
    render(<Txt value={{ text: "Dövlət Miqrasiya Xidməti", lang: "az", fallback: true }} />);
    const text = screen.getByText("Dövlət Miqrasiya Xidməti", { exact: false });
    expect(text.getAttribute("lang")).toBe("az");
    expect(screen.getByTitle(/not available in the chosen language/)).toBeTruthy();
  });
  it("does not mark a text in the language asked for", () => {
    const { container } = render(<Txt value={{ text: "State Migration Service", lang: "en", fallback: false }} />);
    expect(container.querySelector("abbr")).toBeNull();
  });
  it("marks the matches of a snippet from the API's offsets, escaping the rest", () => {
    const { container } = render(
      <Snippet text="<b>Vusal</b> Huseynov opened it" highlights={[{ start: 13, end: 21 }]} />,
    );
    expect(container.querySelector("mark")?.textContent).toBe("Huseynov");
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toBe("<b>Vusal</b> Huseynov opened it");
  });
  it("rebuilds a cascade tree from the sessions' parent links", () => {
    const tree = cascadeTree([session("tot", null, 0), session("a", "tot", 1), session("b", "a", 2)]);
    expect(tree).toHaveLength(1);
    expect(tree[0].children[0].session.event.id).toBe("a");
    expect(tree[0].children[0].children[0].session.event.id).toBe("b");
  });
});

describe("search as you type", () => {
  it("sends what was typed as a prefix, nothing below two letters", async () => {
    const { prefixOf } = await import("../src/components/picker");
    expect(prefixOf("Vusal  Huseyn ")).toBe("Vusal Huseyn");
    expect(prefixOf(" G ")).toBe("");
    expect(prefixOf("Гу")).toBe("Гу");
  });
  it("moves through the offers with the arrow keys, wrapping, and picks with Enter", async () => {
    const { keyAction } = await import("../src/components/picker");
    expect(keyAction({ key: "ArrowDown", active: 0, count: 3, open: true })).toEqual({ kind: "move", active: 1 });
    expect(keyAction({ key: "ArrowDown", active: 2, count: 3, open: true })).toEqual({ kind: "move", active: 0 });
    expect(keyAction({ key: "ArrowUp", active: 0, count: 3, open: true })).toEqual({ kind: "move", active: 2 });
    expect(keyAction({ key: "ArrowDown", active: 2, count: 3, open: false })).toEqual({ kind: "move", active: 0 });
    expect(keyAction({ key: "Enter", active: 1, count: 3, open: true })).toEqual({ kind: "pick" });
    expect(keyAction({ key: "Enter", active: 0, count: 3, open: false })).toEqual({ kind: "none" });
    expect(keyAction({ key: "ArrowDown", active: 0, count: 0, open: true })).toEqual({ kind: "none" });
  });
  it("closes the list on Escape, and clears the text when it is already closed", async () => {
    const { keyAction } = await import("../src/components/picker");
    expect(keyAction({ key: "Escape", active: 0, count: 3, open: true })).toEqual({ kind: "close" });
    expect(keyAction({ key: "Escape", active: 0, count: 3, open: false })).toEqual({ kind: "clear" });
  });
});
