// Building blocks of the node page: a field row, a related list with paging, the open questions.
import type { ComponentChildren } from "preact";
import type { NodeRefFragment } from "../generated/graphql";
import { NodeLink } from "../components/links";
import { Source } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";

export function Field({ label, children }: { label: MessageKey; children: ComponentChildren }) {
  const { t } = useI18n();
  if (children === null || children === undefined || children === "" || children === false) return null;
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
}

export type RelatedItem = { node: NodeRefFragment; extra?: string | null; source?: string | null };

export function Related(props: { title: MessageKey; total: number; items: RelatedItem[]; onMore: () => void }) {
  const { t } = useI18n();
  if (props.total === 0) return null;
  const id = `rel-${props.title}`;
  return (
    <section class="related" aria-labelledby={id}>
      <h2 id={id}>
        {t(props.title)} <span class="count">({props.total})</span>
      </h2>
      <ul>
        {props.items.map(({ node, extra, source }) => (
          <li key={node.id}>
            <NodeLink node={node} />
            {extra ? <span class="detail"> · {extra}</span> : null}
            <Source source={source} />
          </li>
        ))}
      </ul>
      {props.items.length < props.total ? (
        <button type="button" class="more" onClick={props.onMore}>
          {t("moreItems", { shown: props.items.length, total: props.total })}
        </button>
      ) : null}
    </section>
  );
}

/** What the sources leave open, said plainly: the editorial note and the gaps the data shows. */
export function OpenQuestions({ items }: { items: string[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="open" aria-labelledby="open-title">
      <h2 id="open-title">{t("sourcesOpen")}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

export const joined = (...parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(", ");
