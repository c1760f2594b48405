import { describe, expect, it } from "vitest";
import { dateWords } from "../src/i18n";
import { formatDate } from "../src/lib/dates";

describe("formatDate", () => {
  const en = dateWords("en");
  it("says plainly that a date has no year, never guessing one", () => {
    expect(formatDate("--11-26", en)).toBe("26 November (year not given)");
    expect(formatDate("--11-26", dateWords("ru"))).toBe("26 ноября (год не указан)");
  });
  it("keeps the precision the source gives", () => {
    expect(formatDate("2019", en)).toBe("2019");
    expect(formatDate("2019-04", en)).toBe("April 2019");
    expect(formatDate("2022-07-25", en)).toBe("25 July 2022");
    expect(formatDate(null, en)).toBeNull();
  });
});
