/**
 * Issue 11 item 7: dataset keys and placeholders reached $GITHUB_STEP_SUMMARY raw, so a pull
 * request's dataset could put HTML (<img src=…>) or a disguised link ([点此](https://…)) into
 * the CI summary. Workflow-command annotations escape per GitHub's rules.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.js";
import { formatGithub, formatStepSummary, markdownCell } from "../../src/findings/format-ci.js";

const finding = (message: string, file = "data/2020.yaml"): Finding => ({ code: "schema.additional-property", severity: "error", message, file, pos: { line: 3, col: 5 } });

describe("markdownCell", () => {
  it("writes HTML as text", () => {
    expect(markdownCell('<img src=x onerror="alert(1)">')).toBe("&lt;img src=x onerror=\"alert\\(1\\)\"&gt;");
    expect(markdownCell("a & b")).toBe("a &amp; b");
  });

  it("writes links, images, emphasis and code as text", () => {
    expect(markdownCell("[点此](https://evil.example/x)")).toBe("\\[点此\\]\\(https://evil.example/x\\)");
    expect(markdownCell("![x](y)")).toBe("\\!\\[x\\]\\(y\\)");
    expect(markdownCell("*a* _b_ ~c~ `d` \\e")).toBe("\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\\\e");
  });

  it("keeps a cell one cell: pipes escaped, line breaks as spaces", () => {
    expect(markdownCell("a|b\r\nc\nd")).toBe("a\\|b c d");
  });
});

describe("formatStepSummary", () => {
  it("escapes the dataset's keys and file names in every row", () => {
    const text = formatStepSummary([finding("不允许有属性“<img src=x>”", "[点此](https://e.x).yaml")], 1);
    expect(text).toBe(
      [
        "### perf-report check: 1 file(s), 1 error(s), 0 warning(s)",
        "",
        "| where | severity | rule | message |",
        "|---|---|---|---|",
        "| \\[点此\\]\\(https://e.x\\).yaml:3:5 | error | `schema.additional-property` | 不允许有属性“&lt;img src=x&gt;” |",
        "",
      ].join("\n"),
    );
  });

  it("lists at most 1,000 rows and counts the rest, the totals still of all findings", () => {
    const text = formatStepSummary(Array.from({ length: 1005 }, () => finding("x")), 1);
    expect(text.split("\n").filter((l) => l.startsWith("| data/"))).toHaveLength(1000);
    expect(text).toContain("1005 error(s)");
    expect(text.endsWith("\n… 5 more finding(s) not listed here\n")).toBe(true);
  });
});

describe("formatGithub (workflow commands)", () => {
  it("escapes % CR LF in the message, and : , in properties", () => {
    const text = formatGithub([finding("50%\r\n::error::forged", "a:b,c\n.yaml")]);
    expect(text).toBe("::error file=a%3Ab%2Cc%0A.yaml,line=3,col=5,title=perf-report schema.additional-property::50%25%0D%0A::error::forged");
  });
});
