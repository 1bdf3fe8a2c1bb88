import type { Figure } from "../compute/figure.js";
import { round } from "../compute/rounding.js";
import type { Settings } from "../compute/settings.js";
import { Dec } from "../load/numbers.js";

export interface FormatOptions {
  /** Decimal places; default from the figure and the dataset's settings. */
  dp?: number;
  /** Without the unit. */
  bare?: boolean;
  /** Magnitude only (the sign goes into words like 增加/减少). */
  abs?: boolean;
}

const TEN_THOUSAND = new Dec(10000);

/** A figure as the report prints it: 5,296万元, 352.26%, 57人, 8077家. */
export function formatFigure(figure: Figure, settings: Settings, options: FormatOptions = {}): string {
  if (figure.kind === "text") return figure.text ?? "";
  if (figure.value === null) return "—";
  let value = options.abs ? figure.value.abs() : figure.value;
  let dp = options.dp ?? figure.dp;
  let unit = figure.unit ?? "";
  switch (figure.kind) {
    case "amount": {
      if (settings.amountUnit === "元" && settings.displayUnit === "万元") {
        // 决算 figures in 元 are reported in 万元 to two decimals.
        value = value.div(TEN_THOUSAND);
        if (options.dp === undefined) dp = 2;
      } else if (settings.amountUnit === "万元" && settings.displayUnit === "元") {
        value = value.times(TEN_THOUSAND);
        if (options.dp === undefined) dp = Math.max(0, dp - 4);
      }
      if (options.dp === undefined && typeof settings.amountDecimals === "number") dp = settings.amountDecimals;
      unit = settings.displayUnit;
      const text = fixed(value, dp, settings);
      return options.bare ? groupThousands(text, settings) : `${groupThousands(text, settings)}${unit}`;
    }
    case "percent":
      return `${fixed(value, dp, settings)}${options.bare ? "" : "%"}`;
    default: {
      const text = fixed(value, dp, settings);
      return options.bare ? text : `${text}${unit}`;
    }
  }
}

function fixed(value: Dec, dp: number, settings: Settings): string {
  const r = round(value, dp, settings.rounding);
  // −0 prints as 0.
  return (r.isZero() ? r.abs() : r).toFixed(dp);
}

function groupThousands(text: string, settings: Settings): string {
  if (!settings.thousandsSeparator) return text;
  const [int, frac] = text.split(".");
  const sign = int!.startsWith("-") ? "-" : "";
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百: for 一、（一） numbering. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  const units = ["", "十", "百", "千"];
  const chars = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  chars.forEach((d, i) => {
    const place = chars.length - 1 - i;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += "零";
    zero = false;
    out += DIGITS[d]! + units[place]!;
  });
  return out;
}
