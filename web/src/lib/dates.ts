// Dates as the sources give them (ISO 8601, possibly partial), said plainly: never guessed.
export type DateWords = { missingYear: string; months: readonly string[] };

export function formatDate(value: string | null | undefined, words: DateWords): string | null {
  if (!value) return null;
  const noYear = /^--(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (noYear) {
    const month = words.months[Number(noYear[1]) - 1] ?? noYear[1];
    const day = noYear[2] ? `${Number(noYear[2])} ` : "";
    return `${day}${month} (${words.missingYear})`;
  }
  const full = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!full) return value;
  const month = full[2] ? `${words.months[Number(full[2]) - 1] ?? full[2]} ` : "";
  const day = full[3] ? `${Number(full[3])} ` : "";
  return `${day}${month}${full[1]}`;
}
