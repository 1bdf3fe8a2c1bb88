import type { Node } from "yaml";
import type { SourcePos } from "../findings/finding.js";
import { nodePos, type Located } from "../load/parse.js";

/** The position of the node at a JSON pointer, or of its nearest existing ancestor. */
export function locate(located: Located, pointer: string, preferKey = false): SourcePos {
  let p = pointer;
  for (;;) {
    const key = located.keys.get(p);
    const node = located.nodes.get(p);
    const target: Node | undefined = preferKey && key ? key : (node ?? key);
    if (target?.range) return nodePos(located.positions, target);
    if (p === "") return { line: 1, col: 1 };
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

/** The key of the property at a pointer (for "this property is not allowed"). */
export function locateKey(located: Located, pointer: string): SourcePos {
  return locate(located, pointer, true);
}
