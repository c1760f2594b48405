// Search-as-you-type entity picker (ARIA combobox): type, arrow to a hit, Enter or click picks it.
import { useQuery } from "@urql/preact";
import { useEffect, useState } from "preact/hooks";
import { PickDocument, type NodeRefFragment } from "../generated/graphql";
import { useI18n } from "../i18n";
import { TypeBadge } from "./links";

const DELAY_MS = 200;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** What was typed as a Lucene query that also matches words still being typed (`Huseyn*`). */
export function asYouType(text: string): string {
  const words = text.split(/\s+/).map((word) => word.replace(LUCENE_SPECIAL, "")).filter(Boolean);
  return words.map((word, index) => (index === words.length - 1 ? `${word}*` : word)).join(" ");
}

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

type Props = { id: string; label: string; chosen: NodeRefFragment | null; onPick: (node: NodeRefFragment) => void };

export function EntityPicker({ id, label, chosen, onPick }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(chosen?.name.text ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => setText(chosen?.name.text ?? ""), [chosen?.id]);
  const query = useDebounced(asYouType(text));
  const [result] = useQuery({ query: PickDocument, variables: { query }, pause: query.length < 3 || !open });
  const options = open && query.length >= 3 ? (result.data?.search.nodes ?? []) : [];
  const listId = `${id}-options`;
  const pick = (node: NodeRefFragment): void => {
    onPick(node);
    setText(node.name.text);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setActive((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setActive((active - 1 + options.length) % options.length);
    } else if (event.key === "Enter" && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} class="hint">
        {t("pickHint")}
      </span>
      <ul id={listId} role="listbox" aria-label={label} class={options.length ? "options" : "options empty"}>
        {options.map((node, index) => (
          <li
            key={node.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(node);
            }}
          >
            <TypeBadge typename={node.__typename} /> {node.name.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
