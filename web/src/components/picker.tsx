// Search-as-you-type entity picker, the ARIA 1.2 combobox pattern: `suggest` offers names
// beginning with what was typed (any script or romanisation); Down/Up move through the offers,
// Enter picks, Escape closes the list (a second Escape clears the text), a click picks too.
import { useQuery } from "@urql/preact";
import { useEffect, useState } from "preact/hooks";
import { PickDocument, type NodeRefFragment } from "../generated/graphql";
import { useI18n } from "../i18n";
import { TypeBadge } from "./links";

const DELAY_MS = 200;
/** Fewer letters than this match too much to be worth a request. */
export const MIN_LETTERS = 2;

/** What was typed, as `suggest` takes it: spaces collapsed, nothing sent below two letters. */
export function prefixOf(text: string): string {
  const prefix = text.trim().replace(/\s+/g, " ");
  return prefix.length >= MIN_LETTERS ? prefix : "";
}

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

type Move = { key: string; active: number; count: number; open: boolean };
export type Action = { kind: "move"; active: number } | { kind: "pick" } | { kind: "close" } | { kind: "clear" } | { kind: "none" };

/** What a key does in an open or closed list of `count` offers (a pure function, unit-tested). */
export function keyAction({ key, active, count, open }: Move): Action {
  if (key === "ArrowDown" && count) return { kind: "move", active: open ? (active + 1) % count : 0 };
  if (key === "ArrowUp" && count) return { kind: "move", active: open ? (active - 1 + count) % count : count - 1 };
  if (key === "Enter" && open && count) return { kind: "pick" };
  if (key === "Escape") return open && count ? { kind: "close" } : { kind: "clear" };
  return { kind: "none" };
}

type Props = { id: string; label: string; chosen: NodeRefFragment | null; onPick: (node: NodeRefFragment) => void };

export function EntityPicker({ id, label, chosen, onPick }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(chosen?.name.text ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => setText(chosen?.name.text ?? ""), [chosen?.id]);
  const prefix = useDebounced(prefixOf(text));
  const [result] = useQuery({ query: PickDocument, variables: { prefix }, pause: !prefix });
  const offers = prefix ? (result.data?.suggest ?? []) : [];
  const shown = open && offers.length > 0;
  const listId = `${id}-options`;
  const pick = (node: NodeRefFragment): void => {
    onPick(node);
    setText(node.name.text);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const action = keyAction({ key: event.key, active, count: offers.length, open: shown });
    if (action.kind === "none") return;
    event.preventDefault();
    if (action.kind === "move") {
      setOpen(true);
      setActive(action.active);
    } else if (action.kind === "pick") {
      pick(offers[active] ?? offers[0]);
    } else if (action.kind === "close") {
      setOpen(false);
    } else {
      setText("");
    }
  };
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && offers[active] ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} class="hint">
        {t("pickHint")}
      </span>
      <ul id={listId} role="listbox" aria-label={label} class={shown ? "options" : "options empty"} hidden={!shown}>
        {shown
          ? offers.map((node, index) => (
              <li
                key={node.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                class={index === active ? "active" : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(node);
                }}
              >
                <TypeBadge typename={node.__typename} /> {node.name.text}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
