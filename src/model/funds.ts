import type { Dataset } from "./dataset.js";

type FundsField = NonNullable<NonNullable<Dataset["finance"]>["specialFunds"]>;
export type SpecialFund = Extract<FundsField, readonly unknown[]>[number];

/** The special funds of a dataset, written as a bare list or as `{ complete, items }`. */
export interface FundList {
  items: SpecialFund[];
  /** false when the list is only part of the project spending: nothing is derived from it as a whole. */
  complete: boolean;
  /** JSON pointer of the i-th fund. */
  pointer(i: number): string;
}

export function fundList(dataset: Dataset): FundList {
  const field = dataset.finance?.specialFunds;
  if (field === undefined || Array.isArray(field)) {
    return { items: (field ?? []) as SpecialFund[], complete: true, pointer: (i) => `/finance/specialFunds/${i}` };
  }
  const list = field as { complete?: boolean; items: SpecialFund[] };
  return { items: list.items, complete: list.complete !== false, pointer: (i) => `/finance/specialFunds/items/${i}` };
}
