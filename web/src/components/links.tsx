// Links that stay inside the explorer (history API) yet remain real, shareable hrefs.
import type { ComponentChildren } from "preact";
import type { NodeRefFragment, TextFragment } from "../generated/graphql";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { navigate, nodeHref } from "../lib/router";
import { Txt } from "./text";

type LinkProps = { href: string; children: ComponentChildren; class?: string; "aria-current"?: "page" };

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

export function TypeBadge({ typename }: { typename: string }) {
  const { t } = useI18n();
  return <span class={`badge badge-${typename.toLowerCase()}`}>{t(`type_${typename}` as MessageKey)}</span>;
}

export function NodeLink({ node, badge = false }: { node: NodeRefFragment; badge?: boolean }) {
  return (
    <>
      {badge ? <TypeBadge typename={node.__typename ?? "Node"} /> : null}{" "}
      <Link href={nodeHref("node", node.id)}>
        <Txt value={node.name} />
      </Link>
    </>
  );
}

/** A view about one entity (`/{view}/{id}`): a section of class `view` whose title (message
 * `{view}Title`) ends in the entity, linked to the entity's page. */
export function EntityView(props: {
  view: "cascade" | "network" | "timeline";
  node: { id: string; name: TextFragment };
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <section class={props.view}>
      <h1>
        {t(`${props.view}Title` as const, { name: "" })}
        <Link href={nodeHref("node", props.node.id)}>
          <Txt value={props.node.name} />
        </Link>
      </h1>
      {props.children}
    </section>
  );
}

/** Entity types as GraphQL's EntityType enum names them, mapped to __typename. */
export const TYPENAMES: Record<string, string> = {
  EXPERT: "Expert",
  AGENCY: "Agency",
  COUNTRY: "Country",
  PLACE: "Place",
  PROGRAMME: "Programme",
  EVENT: "Event",
  TOPIC: "Topic",
  RESOURCE: "Resource",
};
