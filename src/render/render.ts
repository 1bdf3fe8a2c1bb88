import type { Model } from "../compute/model.js";
import type { Block } from "./blocks.js";
import type { RenderOptions } from "./budget.js";
import type { CompiledTemplate } from "./helpers.js";
import { buildView } from "./view.js";

/** template + computed model → document blocks. Pure. */
export function renderBlocks(template: CompiledTemplate, model: Model, options?: RenderOptions): Block[] {
  return template.render(model, buildView(model), options);
}
