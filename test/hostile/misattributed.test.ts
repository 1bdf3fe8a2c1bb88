/**
 * Issue 11 item 10: what the dataset says is reported at the dataset's line, in the user's
 * language; no error names the bundled template by its install path.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { freshDir } from "../helpers/hostile.js";

const MINIMAL = readFileSync(new URL("../fixtures/valid/minimal.yaml", import.meta.url), "utf8");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("dataset text that reads [object Object]", () => {
  it("is the dataset's own text: the bundled template prints it and the build succeeds (it failed at the install path's templates/report.hbs)", () => {
    const dir = freshDir("object");
    dirs.push(dir);
    const file = join(dir, "obj.yaml");
    writeFileSync(file, MINIMAL.replace("负责测试", '"[object Object]"'));
    mkdirSync(join(dir, "out"));
    const r = cli(["build", file, "-f", "md", "-o", `${dir}/out/`]);
    expect(r.stderr).toBe(`已生成 ${dir}/out/obj.md\n处理了 1 个文件：0 个错误，0 个警告\n`);
    expect(r.code).toBe(0);
    // Markdown escapes its brackets.
    expect(readFileSync(join(dir, "out", "obj.md"), "utf8")).toContain("（1）\\[object Object\\]\n");
  });

  it("a template that prints a whole group of fields is still refused, at the template's line", () => {
    const dir = freshDir("object");
    dirs.push(dir);
    writeFileSync(join(dir, "t.hbs"), "# 标题\n\n{{unit}}\n");
    const r = cli(["build", "test/fixtures/valid/minimal.yaml", "--template", join(dir, "t.hbs"), "-f", "md", "-o", `${dir}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`${join(dir, "t.hbs")}:3:1: error[template.error] 模板输出了一组字段而不是一个字段（例如写了 {{unit}}，应为 {{unit.name}}）`);
  });

  it("no error output names the install folder", () => {
    const dir = freshDir("object");
    dirs.push(dir);
    const file = join(dir, "obj.yaml");
    writeFileSync(file, `${MINIMAL.replace("负责测试", '"[object Object]"')}narrative:\n  spendingDirections: "{{income.totl}}"\n`);
    const r = cli(["build", file, "--force", "-f", "md", "-o", `${dir}/`]);
    expect(r.stderr).not.toContain(join(ROOT, "templates"));
    expect(r.stderr).not.toContain("report.hbs");
  });
});
