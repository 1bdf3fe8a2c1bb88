import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { reconcile } from "../check/check.js";
import type { PriorYear } from "../compute/build.js";
import { Inputs } from "../compute/inputs.js";
import type { Finding } from "../findings/finding.js";
import { message, type Message } from "../i18n/messages.js";
import type { Located } from "../load/parse.js";
import type { Dataset } from "../model/dataset.js";
import { loadDataset } from "./load.js";
import type { UnitOptions } from "./result.js";

export type Prior = { year?: PriorYear; findings: Finding[]; read?: string } | { findings: Finding[]; unusable: true; read?: string };

/**
 * The dataset's predecessor (`prior: ./2019.yaml`), computed on its own; its own prior is not
 * followed. A dataset is untrusted input (CI checks pull requests): `prior:` reads nothing
 * outside the dataset's folder tree and the root, and the prior file's lines are never
 * quoted — if it is not a usable dataset, it is named, not shown.
 */
export async function loadPrior(located: Located, file: string, options: UnitOptions): Promise<Prior> {
  const data = located.data as Dataset;
  if (!data.prior) return { findings: [] };
  const priorFile = join(dirname(file), data.prior);
  // Findings about the prior year stand on this dataset's `prior:` line.
  const at = { file, path: "/prior", pos: new Inputs(located).pos("/prior") };
  const refuse = (what: Message, hint?: Message): Prior => ({ findings: [{ ...at, code: "prior-year", severity: "error", ...what, ...(hint ? { hint } : {}) }], unusable: true });
  // `prior:` is relative to this dataset; an absolute path (/etc/passwd, C:\x) is a mistake, not a folder below it.
  if (isAbsolute(data.prior) || /^[A-Za-z]:[\\/]/.test(data.prior)) return refuse(message("prior.absolute"));
  if (!(await allowed(priorFile, file, options.root ?? process.cwd()))) return refuse(message("prior.outside"));
  const loaded = await loadDataset(priorFile, options);
  if (!loaded.located) {
    // Why it cannot be read (not found, not UTF-8…) quotes nothing; what is wrong inside it would.
    const unreadable = loaded.findings.find((f) => f.code.startsWith("io."));
    const hint = unreadable ? { key: unreadable.key, params: unreadable.params } : message("prior.check-it", { file: priorFile });
    return { ...refuse(message("prior.unusable", { file: priorFile }), hint), read: priorFile };
  }
  const { model } = reconcile(loaded.located);
  if (model.dataset.year !== data.year - 1) {
    return { ...refuse(message("prior.year", { file: priorFile, found: model.dataset.year, expected: data.year - 1 })), read: priorFile };
  }
  const findings: Finding[] =
    model.dataset.unit.name !== data.unit.name
      ? [{ ...at, code: "prior-year", severity: "warning", ...message("prior.unit", { file: priorFile, found: model.dataset.unit.name, expected: data.unit.name }) }]
      : [];
  return { year: { file: priorFile, figures: model.figures, inputs: model.inputs }, findings, read: priorFile };
}

/** Whether `target` lies inside the dataset's folder tree or the root, by name and by real path (no symlink out). */
async function allowed(target: string, dataset: string, root: string): Promise<boolean> {
  const roots = [resolve(dirname(dataset)), resolve(root)];
  if (!roots.some((r) => within(resolve(target), r))) return false;
  const real = await realpath(target).catch(() => undefined);
  // Not there (or a dangling link): nothing can be read, and loading says "not found".
  if (real === undefined) return true;
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
  return realRoots.some((r) => within(real, r));
}

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}
