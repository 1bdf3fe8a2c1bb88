/**
 * The document's look as data (GB/T 9704-2012 by default). A user's `--style` file overrides
 * any of these fields; sizes are in points, lengths in millimetres.
 */
export interface DocStyle {
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number; footer: number };
  /** Fixed line spacing in points (公文: 28–29.5). */
  lineSpacing: number;
  fonts: { title: string; heading1: string; heading2: string; body: string; latin: string; pageNumber: string; table: string };
  sizes: { title: number; body: number; pageNumber: number; table: number };
  /** Bold for heading levels 1–4 (local practice: level 2 and 3 often bold). */
  bold: { heading1: boolean; heading2: boolean; heading3: boolean; heading4: boolean };
}

export const GB9704: DocStyle = {
  page: { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26, footer: 23 },
  lineSpacing: 28,
  fonts: {
    title: "方正小标宋简体",
    heading1: "黑体",
    heading2: "楷体_GB2312",
    body: "仿宋_GB2312",
    latin: "Times New Roman",
    pageNumber: "宋体",
    table: "仿宋_GB2312",
  },
  sizes: { title: 22, body: 16, pageNumber: 14, table: 10.5 },
  bold: { heading1: false, heading2: false, heading3: true, heading4: false },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Defaults overlaid with the user's settings, key by key. */
export function mergeStyle(base: DocStyle, override: DeepPartial<DocStyle> | undefined): DocStyle {
  if (!override) return base;
  const out = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const [group, values] of Object.entries(override)) {
    if (values && typeof values === "object" && Object.hasOwn(out, group)) {
      for (const [key, value] of Object.entries(values)) if (key !== "__proto__") out[group]![key] = value;
    } else if (Object.hasOwn(out, group)) (out as Record<string, unknown>)[group] = values;
  }
  return out as unknown as DocStyle;
}

export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
export const pt = (points: number): number => Math.round(points * 20);
