// Interface text: chosen from the browser, switchable, remembered; every language has every key.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { DateWords } from "../lib/dates";
import { az, monthsAz } from "./az";
import { en, monthsEn, type MessageKey, type Messages } from "./en";
import { monthsRu, ru } from "./ru";
import { monthsTg, tg } from "./tg";

export const LANGUAGES = ["en", "ru", "az", "tg"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  az: "Azərbaycanca",
  tg: "Тоҷикӣ",
};

const TABLES: Record<Language, Messages> = { en, ru, az, tg };
const MONTHS: Record<Language, readonly string[]> = { en: monthsEn, ru: monthsRu, az: monthsAz, tg: monthsTg };

export const isLanguage = (value: string | null | undefined): value is Language =>
  (LANGUAGES as readonly string[]).includes(value ?? "");

/** The first of the browser's languages the interface has, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const table = TABLES[language];
  return (key, params = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function dateWords(language: Language): DateWords {
  return { missingYear: translator(language)("yearMissing"), months: MONTHS[language] };
}

export type I18n = { language: Language; t: Translate; dates: DateWords };
export const I18nContext = createContext<I18n>({ language: "en", t: translator("en"), dates: dateWords("en") });
export const useI18n = (): I18n => useContext(I18nContext);
