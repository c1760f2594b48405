// Interface text: chosen from the browser, switchable, remembered; every language has every key.
// English (en.ts) is the reference and types the keys; the translations are data, one JSON file
// per language (`messages` for en's keys, `months` for dates), checked key for key by the type
// check here and placeholder for placeholder by web/tests/i18n.test.ts.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { DateWords } from "../lib/dates";
import az from "./az.json";
import { en, monthsEn, type MessageKey, type Messages } from "./en";
import ru from "./ru.json";
import tg from "./tg.json";

export const LANGUAGES = ["en", "ru", "az", "tg"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  az: "Azərbaycanca",
  tg: "Тоҷикӣ",
};

/** One language's interface text: a message for every English key, and the month names. */
export type Translation = { messages: Messages; months: readonly string[] };
export const TRANSLATIONS: Record<Language, Translation> = { en: { messages: en, months: monthsEn }, ru, az, tg };

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
  const table = TRANSLATIONS[language].messages;
  return (key, params = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function dateWords(language: Language): DateWords {
  return { missingYear: translator(language)("yearMissing"), months: TRANSLATIONS[language].months };
}

export type I18n = { language: Language; t: Translate; dates: DateWords };
export const I18nContext = createContext<I18n>({ language: "en", t: translator("en"), dates: dateWords("en") });
export const useI18n = (): I18n => useContext(I18nContext);
