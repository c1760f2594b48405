import { describe, expect, it } from "vitest";
import { browserLanguage, translator } from "../src/i18n";
import { en } from "../src/i18n/en";
import { ru } from "../src/i18n/ru";

describe("interface text", () => {
  it("is chosen from the browser's languages, English when none is offered", () => {
    expect(browserLanguage(["ru-RU", "en"])).toBe("ru");
    expect(browserLanguage(["de", "az-Latn-AZ"])).toBe("az");
    expect(browserLanguage(["fr"])).toBe("en");
  });
  it("has every English key in Russian", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });
  it("fills parameters and falls back to English for keys a language lacks", () => {
    expect(translator("ru")("resultsCount", { count: 3 })).toBe("Найдено: 3");
    expect(translator("tg")("fieldBudget")).toBe(en.fieldBudget);
  });
});
