import type { Model } from "../compute/model.js";
import { parseBlocks, type Block } from "./blocks.js";
import { buildTable } from "./tables.js";
import type { RenderOptions } from "./budget.js";
import { TemplateError, type CompiledTemplate } from "./helpers.js";
import { buildView } from "./view.js";

/** template + computed model → document blocks. Pure. */
export function renderBlocks(template: CompiledTemplate, model: Model, options?: RenderOptions): Block[] {
  const text = template.render(model, buildView(model), options);
  return parseBlocks(
    text,
    (name) => buildTable(model, name),
    (name, line) => {
      throw new TemplateError("template.table", "template.unknown-table-line", { name, line });
    },
  );
}
