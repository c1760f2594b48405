import { describe, expect, it } from "vitest";
import { TRANSLATIONS, browserLanguage, translator } from "../src/i18n";
import { en, monthsEn } from "../src/i18n/en";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("interface text", () => {
  it("is chosen from the browser's languages, English when none is offered", () => {
    expect(browserLanguage(["ru-RU", "en"])).toBe("ru");
    expect(browserLanguage(["de", "az-Latn-AZ"])).toBe("az");
    expect(browserLanguage(["fr"])).toBe("en");
  });
  it.each(["ru", "az", "tg"] as const)("has every English key in %s, each with the same placeholders and none left empty", (language) => {
    const table = TRANSLATIONS[language].messages;
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(table[key].trim(), key).not.toBe("");
      expect(placeholders(table[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it.each(["ru", "az", "tg"] as const)("names twelve months in %s, none left empty", (language) => {
    const months = TRANSLATIONS[language].months;
    expect(months).toHaveLength(monthsEn.length);
    for (const month of months) expect(month.trim()).not.toBe("");
  });
  it("fills parameters in every language", () => {
    expect(translator("ru")("resultsCount", { count: 3 })).toBe("Найдено: 3");
    expect(translator("az")("pathSteps", { count: 2 })).toBe("2 addım");
    expect(translator("tg")("pathSteps", { count: 2 })).toBe("2 қадам");
  });
});
