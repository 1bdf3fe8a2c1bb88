import type { Dataset } from "../model/dataset.js";

/** The document's properties, made once, here, for every writer. */
export interface DocumentMeta {
  title: string;
  /** The unit's name and the title: "永州市工业和信息化局2020年度部门整体支出绩效自评报告". */
  subject: string;
  unit: string;
  year: string;
  /** The date written into the file (reproducible: never the clock). */
  date: Date;
}

/** The report's title: the dataset's own, or the standard one for its year. */
export function reportTitle(dataset: Pick<Dataset, "title" | "year">): string {
  return dataset.title ?? `${dataset.year}年度部门整体支出绩效自评报告`;
}

/**
 * The date a document records, so that the same dataset always gives the same bytes: the
 * moment SOURCE_DATE_EPOCH names (seconds since 1970, the reproducible-builds convention) when
 * it is set, else the last day of the report's year (31 December, 00:00 UTC).
 */
export function documentDate(year: number, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch !== undefined && /^\d{1,12}$/.test(sourceDateEpoch.trim())) return new Date(Number(sourceDateEpoch.trim()) * 1000);
  return new Date(Date.UTC(year, 11, 31));
}

export function documentMeta(dataset: Pick<Dataset, "title" | "year" | "unit">, sourceDateEpoch: string | undefined): DocumentMeta {
  const title = reportTitle(dataset);
  return { title, subject: `${dataset.unit.name}${title}`, unit: dataset.unit.name, year: String(dataset.year), date: documentDate(dataset.year, sourceDateEpoch) };
}
