import type { Dataset } from "../model/dataset.js";

type Funds = NonNullable<NonNullable<Dataset["finance"]>["specialFunds"]>;
export type Fund = (Funds extends (infer F)[] ? F : never);

/** The special funds listed, whether written as a plain list or as { complete, items }. */
export function fundList(dataset: Dataset): Fund[] {
  const funds = dataset.finance?.specialFunds as unknown;
  if (Array.isArray(funds)) return funds as Fund[];
  return ((funds as { items?: Fund[] } | undefined)?.items ?? []) as Fund[];
}
