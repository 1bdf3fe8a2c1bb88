import { readFileSync } from "node:fs";
import { byPosition, type Finding } from "../findings/finding.js";
import { parseSource } from "../load/parse.js";
import { readSource } from "../load/source.js";
import { message } from "../i18n/messages.js";
import { packagePath } from "../paths.js";
import { locate } from "../validate/locate.js";
import { ajvClass, schemaPart } from "../validate/schema.js";
import { validateSchema, type SchemaUse } from "../validate/validate.js";
import { GB9704, mergeStyle, type DocStyle } from "./style.js";

const STYLE_SCHEMA = packagePath("schemas", "style.schema.json");

/**
 * Reads and checks a --style file like a dataset: YAML or JSON, the style schema (typos in
 * keys, sizes out of range), and a page that leaves room for text. Findings name its lines.
 */
export async function checkStyleFile(file: string): Promise<{ findings: Finding[]; text?: string; style?: DocStyle }> {
  const read = await readSource(file);
  if (!read.ok) return { findings: [read.finding] };
  const parsed = parseSource(read.source, undefined, "style");
  if (!parsed.ok) return { findings: parsed.findings, text: read.source.text };
  // A font name that could end a CSS string (issue 10: `x"; } </style><script>…`) is refused by
  // the schema's pattern; the finding says what a font name cannot contain, not the pattern.
  const schemaFindings = validateSchema(parsed.located, styleSchema()).map((f) =>
    f.code === "schema.pattern" && f.path?.startsWith("/fonts/") ? { ...f, ...message("style.font-name") } : f,
  );
  const findings = [...parsed.findings, ...schemaFindings];
  let style: DocStyle | undefined;
  if (findings.length === 0) {
    style = mergeStyle(GB9704, parsed.located.data as Partial<DocStyle>);
    const { page } = style;
    const narrow = page.width - page.left - page.right < 50;
    const short = page.height - page.top - page.bottom < 50;
    if (narrow || short) {
      findings.push({
        code: "style.page",
        severity: "error",
        file,
        path: "/page",
        pos: locate(parsed.located, "/page"),
        key: "style.page",
      });
    }
  }
  return findings.length > 0 ? { findings: findings.sort(byPosition), text: read.source.text } : { findings, text: read.source.text, style };
}

let compiled: SchemaUse | undefined;

function styleSchema(): SchemaUse {
  if (!compiled) {
    const json = JSON.parse(readFileSync(STYLE_SCHEMA, "utf8")) as Record<string, unknown>;
    const validate = new (ajvClass())({ allErrors: true, strict: true }).compile(json);
    compiled = { validate: () => validate, at: (schemaPath) => schemaPart(json, schemaPath) };
  }
  return compiled;
}
