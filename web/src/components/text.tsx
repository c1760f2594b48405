// A localized text in the language it really is in; a fallback is marked, never passed off.
import type { TextFragment } from "../generated/graphql";
import { LANGUAGE_NAMES, isLanguage, useI18n } from "../i18n";

export function Txt({ value }: { value: TextFragment | null | undefined }) {
  const { t } = useI18n();
  if (!value) return null;
  const lang = value.lang ?? undefined;
  return (
    <span lang={lang}>
      {value.text}
      {value.fallback && value.lang ? (
        <abbr class="fallback" title={t("fallbackMark", { lang: isLanguage(value.lang) ? LANGUAGE_NAMES[value.lang] : value.lang })}>
          {" "}
          [{value.lang}]
        </abbr>
      ) : null}
    </span>
  );
}

/** A fact's source document, said after the fact. */
export function Source({ source }: { source: string | null | undefined }) {
  const { t } = useI18n();
  return source ? <span class="source"> ({t("source", { source })})</span> : null;
}
