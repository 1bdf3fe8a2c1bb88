import { it } from "vitest";
import { FAMILIES, familyFile } from "../../src/families.js";
import { toMarkdown } from "../../src/write/markdown.js";
import { buildBlocks } from "../helpers/build-example.js";
it("peek", async () => {
  for (const f of ["test/fixtures/render/nanxian-2021.yaml", "test/fixtures/render/nanxian-2021-opening.yaml", "test/fixtures/check/by-unit.yaml"])
    for (const fam of FAMILIES) {
      const { blocks } = await buildBlocks(f, familyFile(fam.name));
      console.log(`==== ${fam.name} ${f}\n${toMarkdown(blocks)}`);
    }
});
