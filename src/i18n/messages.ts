import type { Lang } from "./lang.js";

/**
 * The message catalogue: every sentence the tool says about an input, in both languages.
 * `{name}` is replaced by the parameter of that name.
 */
const CATALOGUE = {
  "io.not-found": { zh: "找不到文件", en: "file not found" },
  "io.not-a-file": { zh: "这不是普通文件（可能是管道或设备）", en: "not a regular file (a pipe or a device?)" },
  "io.is-directory": { zh: "这是一个目录，不是数据文件", en: "is a directory, not a dataset file" },
  "io.unreadable": { zh: "无法读取文件：{reason}", en: "cannot read file: {reason}" },
  "io.too-large": {
    zh: "文件过大（{size} 字节，上限 {limit} 字节）；可用 --max-bytes 调整上限",
    en: "file too large ({size} bytes, limit {limit}); raise the limit with --max-bytes",
  },
  "io.encoding": {
    zh: "文件不是有效的 UTF-8 编码（第 {offset} 字节）；请另存为 UTF-8",
    en: "file is not valid UTF-8 (at byte {offset}); save it as UTF-8",
  },
  "io.utf16": {
    zh: "文件是 UTF-16 编码；请另存为 UTF-8",
    en: "file is encoded as UTF-16; save it as UTF-8",
  },
  "io.utf32": { zh: "文件是 UTF-32 编码；请另存为 UTF-8", en: "file is encoded as UTF-32; save it as UTF-8" },
  "io.nul": { zh: "文件中含有 NUL 字符，不是文本文件", en: "file contains a NUL character; it is not a text file" },
  "load.empty": { zh: "文件为空，没有数据", en: "file is empty: no data" },
  "load.found-list": { zh: "列表", en: "a list" },
  "load.found-scalar": { zh: "单个值", en: "a single value" },
  "load.root-not-map": {
    zh: "数据集顶层应当是键值映射（unit: …、year: …），而不是{found}",
    en: "the top level of a dataset must be a mapping (unit: …, year: …), not {found}",
  },
  "load.style-root-not-map": {
    zh: "样式文件顶层应当是键值映射（page: …、fonts: …），而不是{found}",
    en: "the top level of a style file must be a mapping (page: …, fonts: …), not {found}",
  },
  "load.multiple-documents": {
    zh: "一个文件只能有一个 YAML 文档（发现第 2 个文档）",
    en: "a file must hold one YAML document (found a second one)",
  },
  "load.number-notation": {
    zh: "数字“{text}”不是十进制写法；金额和数量请写成 1234.56 这样的形式",
    en: "number “{text}” is not in decimal notation; write amounts and counts like 1234.56",
  },
  "load.number-leading-zero": {
    zh: "数字“{text}”以 0 开头，可能是笔误；金额和数量请去掉前导零，编码请加引号",
    en: "number “{text}” starts with 0, which is likely a typo; drop the leading zero from amounts and counts, quote codes",
  },
  "load.number-range": {
    zh: "数字“{text}”超出可处理的范围",
    en: "number “{text}” is out of range",
  },
  "load.too-deep": {
    zh: "嵌套层级过深（超过 {limit} 层）",
    en: "nesting is too deep (more than {limit} levels)",
  },
  "load.alias-expansion": {
    zh: "别名（*alias）展开后的节点过多（超过 {limit} 个）",
    en: "aliases (*alias) expand to too many nodes (more than {limit})",
  },
  "load.unknown-alias": { zh: "别名 *{name} 没有对应的锚点（&{name}）", en: "alias *{name} has no anchor (&{name})" },
  "load.too-many-nodes": { zh: "数据项过多（超过 {limit} 个）", en: "too many values (more than {limit})" },
  "load.bad-key": {
    zh: "键应当是简单的文本",
    en: "a key must be plain text",
  },
  "yaml.syntax": { zh: "YAML 语法错误：{detail}", en: "YAML syntax error: {detail}" },
  "yaml.duplicate-key": { zh: "键“{key}”重复出现", en: "key “{key}” appears more than once" },
  "yaml.tab-indent": {
    zh: "缩进中使用了制表符（Tab）；YAML 只允许用空格缩进",
    en: "a tab is used for indentation; YAML allows only spaces",
  },
  "yaml.bad-indent": { zh: "缩进不正确", en: "bad indentation" },
  "yaml.unclosed-quote": { zh: "引号没有闭合", en: "a quoted string is not closed" },
  "schema.additional-property": { zh: "不允许有属性“{name}”", en: "property “{name}” is not allowed" },
  "schema.required": { zh: "缺少必填属性“{name}”", en: "missing required property “{name}”" },
  "schema.property-name": {
    zh: "“{name}”不是有效的图表编号（应当像 income.growth 这样，由字母、数字和点组成）",
    en: "“{name}” is not a valid figure id (ids look like income.growth: letters, digits and dots)",
  },
  "schema.alternatives": { zh: "不符合要求：{branches}", en: "not accepted: {branches}" },
  "schema.enum": { zh: "应当是以下之一：{values}", en: "must be one of: {values}" },
  // ajv's own wording of a schema error: ajv-i18n's in Chinese, ajv's in English.
  "schema.ajv": { zh: "{zh}", en: "{en}" },
  "hint.did-you-mean": { zh: "是否想写“{name}”？", en: "did you mean “{name}”?" },
  "hint.allowed": { zh: "此处可用的属性：{names}", en: "properties allowed here: {names}" },
  "hint.leading-zero": {
    zh: "未加引号的 {text} 会被读成数字 {value}，前导零丢失；请写成 \"{text}\"",
    en: "unquoted, {text} is read as the number {value} and loses its leading zeros; write \"{text}\"",
  },
  "hint.separators": {
    zh: "数字中不要用千位分隔符或引号，写成 {plain}",
    en: "write numbers without thousands separators or quotes: {plain}",
  },
  "hint.fullwidth": {
    zh: "数字用了全角字符，请改用半角：{plain}",
    en: "the number uses full-width characters; use ASCII digits: {plain}",
  },
  "hint.separators-flow": {
    zh: "数字中不要用千位分隔符：在 { } 里，8,650.5 中的逗号会把数字拆成两项",
    en: "no thousands separators in numbers: inside { }, the comma in 8,650.5 splits it in two",
  },
  "hint.percent": { zh: "百分比写成数字，不带 %：{plain}", en: "write percentages as numbers, without %: {plain}" },
  "hint.quote-colon": {
    zh: "文字中含有“: ”（冒号加空格）时，请给整段文字加引号",
    en: "quote text that contains \": \" (a colon and a space)",
  },
  "hint.quote-placeholder": {
    zh: "含 {{…}} 的文字写在 { } 或 [ ] 里时要加引号，例如 description: \"支出{{fund.a.spent}}。\"",
    en: "text with {{…}} inside { } or [ ] must be quoted, e.g. description: \"spent {{fund.a.spent}}.\"",
  },
  "hint.quote-text": {
    zh: "文字请加引号书写，例如 \"{text}\"",
    en: "quote it as text, e.g. \"{text}\"",
  },
  // Ids the dataset gives that would make one figure replace another (src/validate/ids.ts).
  "indicator.duplicate-id": { zh: "指标编号“{id}”重复", en: "indicator id “{id}” is used twice" },
  "indicator.reserved-id": { zh: "指标编号“{id}”与保留的图表编号冲突", en: "indicator id “{id}” clashes with a reserved figure id" },
  "income.duplicate-id": { zh: "收入来源编号“{id}”重复", en: "income source id “{id}” is used twice" },
  "income.reserved-id": {
    zh: "收入来源编号“{id}”与计算得出的数字“{figure}”冲突；请换一个编号",
    en: "income source id “{id}” clashes with the computed figure “{figure}”; choose another id",
  },
  "fund.duplicate-id": { zh: "专项资金编号“{id}”重复", en: "special fund id “{id}” is used twice" },
  "id.first-used": { zh: "“{id}”第一次出现在这里", en: "“{id}” is first used here" },
  "indicator.formula-syntax": { zh: "计算式有误（第 {at} 个字符）：{detail}", en: "formula error (at character {at}): {detail}" },
  "indicator.formula-cycle": { zh: "计算式循环引用“{id}”", en: "formula refers to “{id}” in a cycle" },
  "indicator.formula-failed": { zh: "计算式引用的“{id}”本身无法计算", en: "formula refers to “{id}”, which cannot be computed itself" },
  "indicator.formula-unknown": { zh: "计算式引用了不存在的编号“{id}”", en: "formula refers to an unknown id “{id}”" },
  "indicator.target-of-unknown": { zh: "targetOf 引用了不存在的指标“{id}”", en: "targetOf names an unknown indicator “{id}”" },
  "prior.mismatch": {
    zh: "{what}：本文件写作 {stated}，上年数据集 {file} 计算为 {value}",
    en: "{what}: stated {stated} here, but the prior year's dataset {file} gives {value}",
  },
  "prior.there": { zh: "上年数据集中 {id} = {value}", en: "{id} = {value} in the prior year's dataset" },
  "prior.unusable": { zh: "上年数据集 {file} 无法使用", en: "the prior year's dataset {file} is unusable" },
  "prior.unit": { zh: "上年数据集 {file} 的单位是“{found}”，不是“{expected}”", en: "the prior year's dataset {file} is for “{found}”, not “{expected}”" },
  "prior.year": { zh: "上年数据集 {file} 的年度是 {found}，应为 {expected}", en: "the prior year's dataset {file} is for {found}, not {expected}" },
  "build.refused": {
    zh: "perf-report: {file} 有 {count} 个错误，未生成报告；确需生成请加 --force",
    en: "perf-report: {file} has {count} error(s); nothing was built (use --force to build anyway)",
  },
  "build.error-at": { zh: "{path}: {reason}", en: "{path}: {reason}" },
  "build.wrote": { zh: "已生成 {file}", en: "wrote {file}" },
  "build.overwrite-input": { zh: "输出文件不能覆盖输入文件 {file}", en: "refusing to overwrite the input file {file}" },
  "build.cannot-write": { zh: "无法写入：{reason}", en: "cannot write: {reason}" },
  "cli.no-match": { zh: "perf-report: “{pattern}”没有匹配到数据文件", en: "perf-report: no dataset files match “{pattern}”" },
  "cli.interrupted": { zh: "perf-report: 已中断（完成 {done}/{total} 个）", en: "perf-report: interrupted ({done} of {total} done)" },
  "cli.unknown-figure": { zh: "perf-report: 没有编号为“{id}”的数字", en: "perf-report: no figure “{id}”" },
  "cli.unknown-figure-guess": { zh: "perf-report: 没有编号为“{id}”的数字；是否想写“{guess}”？", en: "perf-report: no figure “{id}”; did you mean “{guess}”?" },
  "cli.not-computable": { zh: "无法计算", en: "not computable" },
  "cli.computed": { zh: "（计算）", en: "(computed)" },
  "cli.init-exists": { zh: "perf-report: {file} 已存在，不会覆盖", en: "perf-report: {file} exists; not overwriting it" },
  "cli.init-done": { zh: "已生成 {file}；下一步：perf-report check {file}", en: "wrote {file}; next: perf-report check {file}" },
  "cli.summary-extension": { zh: "--summary 的文件名应以 .csv 或 .json 结尾，不是 {file}", en: "--summary takes a .csv or .json file name, not {file}" },
  "cli.out-one-file": {
    zh: "-o {out} 是一个文件，但要生成 {count} 个文件；请给出目录，例如 -o {dir}/",
    en: "-o {out} names one file, but {count} outputs are asked for; give a directory, e.g. -o {dir}/",
  },
  "cli.out-extension": { zh: "-o {out}：扩展名 .{ext} 不是可生成的格式（{formats}）", en: "-o {out}: .{ext} is not an output format ({formats})" },
  "cli.out-mismatch": { zh: "-o {out} 的扩展名与 --format {format} 不一致", en: "-o {out} does not match --format {format}" },
  "cli.is-folder": { zh: "这是一个目录", en: "is a folder" },
  "style.page": { zh: "页边距过大：版心不足 50 毫米", en: "the margins leave less than 50 mm for the text" },
  "write.ENOSPC": { zh: "磁盘空间不足", en: "no space left on the disk" },
  "write.EACCES": { zh: "没有写入权限", en: "permission denied" },
  "write.EPERM": { zh: "没有写入权限", en: "permission denied" },
  "write.ENOENT": { zh: "目录不存在", en: "the folder does not exist" },
  "write.EROFS": { zh: "磁盘只读", en: "the disk is read-only" },
  "write.ENOTREG": { zh: "目标不是普通文件，不会覆盖", en: "the target is not a regular file; it is left alone" },
  "write.EISDIR": { zh: "目标是一个目录", en: "the target is a folder" },
  // A report template's errors (src/render/template-error.ts). {{…}} is template syntax, not a parameter.
  "template.syntax": { zh: "模板语法错误：{detail}", en: "Parse error: {detail}" },
  "template.lexical": { zh: "模板语法错误：这里的文字不是 Handlebars 语法", en: "Parse error: text that is not Handlebars syntax" },
  "template.not-defined": { zh: "模板引用的字段“{name}”不存在", en: "\"{name}\" not defined{where}" },
  "template.unknown-helper": {
    zh: "未知的辅助函数“{name}”；可用的有：{helpers}",
    en: "unknown helper “{name}”; the helpers are {helpers}",
  },
  "template.partial-missing": { zh: "找不到局部模板“{name}”", en: "The partial {name} could not be found" },
  "template.field-on-the-way": { zh: "“{name}”之前的字段不存在", en: "a field on the way to “{name}” does not exist" },
  "template.recursion": {
    zh: "模板递归过深（某个局部模板或辅助函数无休止地调用自身）",
    en: "template recursion too deep (a partial or helper calls itself without end)",
  },
  "template.recursion-self": { zh: "模板递归过深：局部模板“{name}”无休止地调用自身", en: "template recursion too deep: the partial “{name}” calls itself without end" },
  "template.recursion-cycle": { zh: "模板递归过深：局部模板 {cycle} 无休止地相互调用", en: "template recursion too deep: the partials {cycle} call each other without end" },
  "template.other": { zh: "模板错误：{detail}", en: "{detail}" },
  "template.object-printed": {
    zh: "模板输出了一组字段而不是一个字段（例如写了 {{unit}}，应为 {{unit.name}}）",
    en: "the template prints a group of fields, not one field (e.g. {{unit}} instead of {{unit.name}})",
  },
  "template.text-field": {
    zh: "在文字上查找字段“{name}”：文字没有字段（列表中的文字本身写作 {{this}}）",
    en: "\"{name}\" is looked up on text, which has no fields (the item itself is {{this}})",
  },
  "template.figure-id": { zh: "{helper}：应当给出带引号的数字编号，例如 {{{helper} \"income.total\"}}", en: "{helper}: expected a figure id in quotes, e.g. {{{helper} \"income.total\"}}" },
  "template.bare-id": { zh: "{helper}：数字编号要加引号：{{{helper} \"{id}\"}}", en: "{helper}: the figure id must be in quotes: {{{helper} \"{id}\"}}" },
  "template.unknown-figure": { zh: "{helper}：没有编号为“{id}”的数字", en: "{helper}: unknown figure \"{id}\"" },
  "template.unknown-figure-guess": { zh: "{helper}：没有编号为“{id}”的数字（是否想写“{guess}”？）", en: "{helper}: unknown figure \"{id}\" (did you mean \"{guess}\"?)" },
  "template.decimals-argument": {
    zh: "{helper}：第二个参数是小数位数（0–6），例如 {{{helper} \"income.growth\" 1}}",
    en: "{helper}: the second argument is the number of decimals (0–6), e.g. {{{helper} \"income.growth\" 1}}",
  },
  "template.decimals-range": { zh: "{helper}：小数位数应为 0–6，不是 {dp}", en: "{helper}: decimals must be 0–6, not {dp}" },
  "template.prose-text": { zh: "prose：应当给出一个文字字段，例如 {{prose narrative.spendingDirections}}", en: "prose: expects a text field, e.g. {{prose narrative.spendingDirections}}" },
  "template.index": { zh: "{helper}：应当给出 @index，例如 {{{helper} @index}}", en: "{helper}: expects @index, e.g. {{{helper} @index}}" },
  "template.unavailable": { zh: "报告模板中不能使用 {name}", en: "{name} is not available in report templates" },
  "template.unknown-table": { zh: "table：没有名为 {name} 的表格；可用的表格有 {tables}", en: "table: unknown table {name}; the tables are {tables}" },
  "template.one-value": {
    zh: "#{name} 只接受一个值，例如 {example}；这里给了 {count} 个",
    en: "#{name} takes exactly one value, e.g. {example}; it was given {count}",
  },
  "template.lookup-arguments": {
    zh: "lookup 接受一组字段和一个字段名，例如 {{lookup unit \"name\"}}；这里给了 {count} 个值",
    en: "lookup takes a group and a field name, e.g. {{lookup unit \"name\"}}; it was given {count} value(s)",
  },
  // Bounds on a template's size and on one render (src/render/budget.ts).
  "template.too-many-tags": { zh: "模板中的 {{…}} 标记超过 {limit} 个", en: "the template has more than {limit} {{…}} tags" },
  "template.budget-chars": {
    zh: "模板渲染出的文字超过 {limit} 个字符（多半是 {{#each}} 套 {{#each}}，或局部模板相互调用，使输出成倍增长）",
    en: "the template rendered more than {limit} characters (most likely {{#each}} inside {{#each}}, or partials calling each other, multiplying the output)",
  },
  "template.budget-runs": {
    zh: "模板的块已执行超过 {limit} 次（多半是 {{#each}} 多层嵌套，或局部模板相互调用）",
    en: "the template's blocks ran more than {limit} times (most likely {{#each}} nested many deep, or partials calling each other)",
  },
  "template.budget-time": { zh: "模板渲染超过 {limit} 秒仍未完成", en: "the template took more than {limit} seconds to render" },
  "template.budget-dataset": { zh: "渲染的是这个数据集", en: "the dataset being rendered" },
  "template.too-deep": { zh: "块嵌套超过 {limit} 层", en: "blocks nested more than {limit} deep" },
  "template.decorator": { zh: "报告模板中不能使用装饰器（{{* …}}）", en: "decorators ({{* …}}) are not available in report templates" },
  "template.decorator-block": {
    zh: "报告模板中只能使用 {{#*inline}} 这一种装饰器",
    en: "decorators ({{#* …}}) other than {{#*inline}} are not available in report templates",
  },
  // Reconciliation (src/check/): a stated figure against the computed one, and the rules.
  "check.unknown-figure": { zh: "没有编号为“{id}”的图表数字", en: "there is no figure “{id}”" },
  "check.not-computable": { zh: "“{id}”无法计算（{reason}），不能核对", en: "“{id}” cannot be computed ({reason}), so it cannot be checked" },
  "check.not-computable-bare": { zh: "“{id}”无法计算，不能核对", en: "“{id}” cannot be computed, so it cannot be checked" },
  "check.text-figure": { zh: "“{id}”是文字（如等级），不能作为数字核对", en: "“{id}” is text (such as a grade) and cannot be checked as a number" },
  "check.mismatch": { zh: "{label}：所载 {stated}，计算应为 {computed}", en: "{label}: stated {stated}, computed {computed}" },
  "check.tolerance": { zh: "按书写精度 {dp} 位小数、{mode}，计算值应在 {range} 内", en: "{dp} decimals as written, {mode}: the computed value must lie in {range}" },
  "check.tolerance-one": { zh: "按书写精度 {dp} 位小数、{mode}，计算值应在 {range} 内", en: "{dp} decimal as written, {mode}: the computed value must lie in {range}" },
  "check.tolerance-absolute": { zh: "±{value}", en: "±{value}" },
  "check.other-modes": { zh: "按{modes}可得到所载数字：原报告可能用了不同的舍入方式", en: "{modes} gives the stated figure: the source may have rounded differently" },
  "check.listed-count": { zh: "{what}：所述 {stated} 个，名单列出 {listed} 个", en: "{what}: stated {stated}, listed {listed}" },
  "check.funds-spent-total": { zh: "各专项支出合计 {sum}，与项目支出 {project} 不一致", en: "special funds' spending adds up to {sum}, not the project expenditure {project}" },
  "check.funds-spent-exceeds": { zh: "已列示的专项支出合计 {sum} 超过项目支出 {project}", en: "listed special-fund spending {sum} exceeds the project expenditure {project}" },
  "check.overspent": { zh: "{name}：支出 {spent} 超过下达金额 {allocated}", en: "{name}: spent {spent} exceeds the allocation {allocated}" },
  "check.overspending": {
    zh: "支出 {expenditure} 超过本年收入 {income}，差额 {gap} 须由年初结转结余弥补：请填写 {field}",
    en: "expenditure {expenditure} exceeds this year's income {income}; the gap of {gap} must come from the opening carry-over: fill in {field}",
  },
  "check.score-over-weight": { zh: "{name}：得分 {score} 超过分值 {weight}", en: "{name}: score {score} exceeds its weight {weight}" },
  "check.score-total": { zh: "填写的自评得分 {stated} 与评分表合计 {sum} 不一致", en: "the stated score {stated} differs from the scorecard total {sum}" },
  "check.weights-total": { zh: "评分表分值合计 {sum}，不是 100", en: "the scorecard's weights add up to {sum}, not 100" },
  "check.score-above-max": { zh: "自评得分 {score} 超过满分 {max}", en: "the self-assessed score {score} exceeds the full mark {max}" },
  "check.bands-order": { zh: "等级划分应按分数下限从高到低排列", en: "grade bands must be listed from the highest minimum down" },
  "check.inflation": { zh: "自评得分 {score} 为满分，但有指标未完成：{names}", en: "a full self-assessed score of {score} while some indicators are unmet: {names}" },
  "check.placeholder-unknown": { zh: "文字引用了不存在的数字“{id}”", en: "the text refers to an unknown figure “{id}”" },
  "check.placeholder-format": { zh: "引用格式“{spec}”无效：只能是 n（只写数字）或 0–6（小数位数）", en: "placeholder format “{spec}” is invalid: use n (number only) or 0–6 (decimals)" },
  "check.placeholder-missing": { zh: "文字引用的“{id}”无法计算（{reason}）", en: "the text refers to “{id}”, which cannot be computed ({reason})" },
  "check.placeholder-malformed": { zh: "引用写法有误：“{around}”；应写作 {{编号}}", en: "a placeholder is written wrong: “{around}”; write {{id}}" },
  "check.placeholder-unit-twice": {
    zh: "{{{id}}} 已带单位“{unit}”，后面又写了“{unit}”，报告中会重复；只要数字请写 {{{id}:n}}",
    en: "{{{id}}} already prints its unit “{unit}”, and “{unit}” follows it: the report would say it twice; write {{{id}:n}} for the bare number",
  },
  "rounding.half-up": { zh: "四舍五入", en: "half-up" },
  "rounding.half-even": { zh: "四舍六入五成双", en: "half-even" },
  "rounding.down": { zh: "截尾", en: "truncation" },
  // Lists: the items of `items`, joined by the entry's text.
  "list.or": { zh: "或", en: " or " },
  "list.enumeration": { zh: "、", en: "、" },
  "org.internalOffices": { zh: "内设科室", en: "internal offices" },
  "org.affiliatedUnits": { zh: "所属单位", en: "affiliated units" },
  // Text that comes from outside the catalogue (an exception's message), as it is.
  verbatim: { zh: "{text}", en: "{text}" },
  // Figures' labels (src/compute/); {name} is a name the dataset gives.
  "figure.name": { zh: "{name}", en: "{name}" },
  "figure.income.total": { zh: "收入合计", en: "total income" },
  "figure.income.prior": { zh: "上年收入合计", en: "prior-year income" },
  "figure.income.source.prior": { zh: "上年{name}", en: "prior {name}" },
  "figure.income.source.share": { zh: "{name}占收入比例", en: "{name} share of income" },
  "figure.income.project": { zh: "项目资金总投入", en: "project funds (Σ special funds)" },
  "figure.income.basic": { zh: "基本支出资金", en: "basic funds" },
  "figure.income": { zh: "收入", en: "income" },
  "figure.expenditure": { zh: "支出", en: "expenditure" },
  "figure.change": { zh: "{what}增减额", en: "{what}: change on prior year" },
  "figure.growth": { zh: "{what}增长率", en: "{what}: growth rate" },
  "figure.expenditure.total": { zh: "支出合计", en: "total expenditure" },
  "figure.expenditure.prior": { zh: "上年支出合计", en: "prior-year expenditure" },
  "figure.expenditure.basic": { zh: "基本支出", en: "basic expenditure" },
  "figure.expenditure.basic.prior": { zh: "上年基本支出", en: "prior-year basic expenditure" },
  "figure.expenditure.basic.share": { zh: "基本支出占总支出比例", en: "basic share of expenditure" },
  "figure.expenditure.basic.personnel": { zh: "人员经费", en: "personnel expenditure" },
  "figure.expenditure.basic.public": { zh: "公用经费", en: "public (operating) expenditure" },
  "figure.expenditure.project": { zh: "项目支出", en: "project expenditure" },
  "figure.expenditure.project.prior": { zh: "上年项目支出", en: "prior-year project expenditure" },
  "figure.expenditure.project.share": { zh: "项目支出占总支出比例", en: "project share of expenditure" },
  "figure.expenditure.project.execution": { zh: "项目资金执行率", en: "project execution rate" },
  "figure.carryOver.total": { zh: "结转结余", en: "carry-over" },
  "figure.carryOver.basic": { zh: "基本支出结转结余", en: "basic carry-over" },
  "figure.carryOver.project": { zh: "项目资金结转结余", en: "project carry-over" },
  "figure.budget.projectInitial": { zh: "年初项目预算", en: "initial project budget" },
  "figure.budget.projectAdjustment": { zh: "年中调整预算（项目）", en: "in-year project budget adjustment" },
  "figure.budget.basicAdjustment": { zh: "基本支出调整预算", en: "basic budget adjustment" },
  "figure.fund.allocated": { zh: "{name}下达金额", en: "{name}: allocated" },
  "figure.fund.spent": { zh: "{name}支出", en: "{name}: spent" },
  "figure.fund.balance": { zh: "{name}结余", en: "{name}: balance" },
  "figure.fund.execution": { zh: "{name}执行率", en: "{name}: execution rate" },
  "figure.funds.spent": { zh: "专项资金列示支出合计", en: "Σ listed special-fund spending" },
  "figure.staff.authorised": { zh: "编制数合计", en: "authorised posts" },
  "figure.staff.inPost": { zh: "在职人员", en: "staff in post" },
  "figure.staff.temporary": { zh: "临聘人员", en: "temporary staff" },
  "figure.staff.retirees": { zh: "退休人员", en: "retirees" },
  "figure.org.internalOffices": { zh: "内设科室个数", en: "internal offices" },
  "figure.org.affiliatedUnits": { zh: "所属单位个数", en: "affiliated units" },
  "figure.score.weight": { zh: "{name}分值", en: "{name}: weight" },
  "figure.score.score": { zh: "{name}得分", en: "{name}: score" },
  "figure.score.weights": { zh: "分值合计", en: "Σ weights" },
  "figure.score.total": { zh: "自评得分", en: "self-assessed score" },
  "figure.score.stated": { zh: "填写的自评得分", en: "score as written" },
  "figure.score.grade": { zh: "自评等级", en: "grade" },
  "figure.indicator.target": { zh: "{name}目标值", en: "{name}: target" },
  "figure.indicator.completion": { zh: "{name}完成率", en: "{name}: completion rate" },
  // Why a figure has no value.
  "missing.input": { zh: "缺少参与计算的数字", en: "an input is missing" },
  "missing.zero": { zh: "分母为零", en: "the denominator is zero" },
  "missing.prior": { zh: "没有上年数", en: "no prior-year figure" },
  "missing.prior-zero": { zh: "上年为零，增长率无意义", en: "the prior year is zero; growth is undefined" },
  // ── h2-pipeline: outcomes, prior-year containment, outputs that would replace inputs ──
  "internal.error": {
    zh: "perf-report 内部错误：{reason}。这是 perf-report 的缺陷，请报告（加 --debug 可看到详细信息）",
    en: "internal error in perf-report: {reason}. This is a bug in perf-report; please report it (--debug shows the details)",
  },
  "summary.cannot-write": { zh: "perf-report: 无法写入汇总文件 {file}：{reason}", en: "perf-report: cannot write the summary {file}: {reason}" },
  "schema.not-schema": { zh: "perf-report: {file} 已存在且不是 JSON Schema 文件，不会覆盖它", en: "perf-report: {file} exists and is not a JSON Schema file; not overwriting it" },
  "prior.absolute": {
    zh: "上年数据集应写作相对于本数据集的路径（例如 ./2019.yaml），不能是绝对路径；没有读取它",
    en: "the prior year's dataset must be a path relative to this dataset (such as ./2019.yaml), not an absolute path; it was not read",
  },
  "prior.outside": {
    zh: "上年数据集必须在本数据集所在的文件夹或 --root 指定的根目录（默认为当前目录）之内；没有读取它",
    en: "the prior year's dataset must be inside this dataset's folder or the root given by --root (default: the current directory); it was not read",
  },
  "prior.check-it": { zh: "用 perf-report check {file} 查看它的问题", en: "see its problems with perf-report check {file}" },
  "write.ENOTDIR": { zh: "路径中有一段不是目录", en: "a part of the path is not a folder" },
  "write.EDQUOT": { zh: "磁盘配额已用完", en: "the disk quota is used up" },
  "write.EIO": { zh: "磁盘读写出错", en: "an input/output error on the disk" },
  "write.EMFILE": { zh: "打开的文件过多", en: "too many open files" },
  "write.EFBIG": { zh: "文件超过系统允许的大小", en: "the file is larger than the system allows" },
  // ── h4-output (issues 10 and 11: what the tool prints) ────────────────────────────────
  "style.font-name": {
    zh: "字体名不能含有引号、花括号、尖括号、反斜杠、分号或控制字符",
    en: "a font name cannot contain quotes, braces, angle brackets, backslashes, semicolons or control characters",
  },
  "findings.more": { zh: "… 另有 {count} 个问题未列出（每个文件最多列出 {limit} 个）", en: "… {count} more finding(s) not shown (at most {limit} per file)" },
  "findings.unprintable": {
    zh: "内部错误：无法输出此文件的问题（{reason}）；请报告此问题",
    en: "internal error: the findings of this file could not be printed ({reason}); please report it",
  },
  "load.merge-key": {
    zh: "不支持 YAML 合并键（<<）；请把要合并的键直接写在这里",
    en: "YAML merge keys (<<) are not supported; write the keys out here",
  },
  "cli.init-unit-empty": {
    zh: "perf-report: --unit 不能为空：请写单位全称，例如 永州市工业和信息化局",
    en: "perf-report: --unit cannot be empty: give the unit's full name, e.g. 永州市工业和信息化局",
  },
  // ── h3-files: files, temporaries and processes (issues 10 and 11) ──
  "cli.walk-too-deep": {
    zh: "perf-report: 搜索“{input}”时目录层级超过 {limit} 层，未检查任何文件；请指定更具体的目录或模式",
    en: "perf-report: searching “{input}” went more than {limit} folders deep; nothing was checked: name a more specific folder or pattern",
  },
  "cli.walk-too-many": {
    zh: "perf-report: 搜索“{input}”时读到的目录项超过 {limit} 个，未检查任何文件；请指定更具体的目录或模式",
    en: "perf-report: searching “{input}” read more than {limit} folder entries; nothing was checked: name a more specific folder or pattern",
  },
  "cli.step-summary-failed": { zh: "perf-report: 无法写入 GitHub 步骤摘要 {file}：{reason}", en: "perf-report: cannot write the GitHub step summary {file}: {reason}" },
  // audit: the arithmetic of a report written by hand (src/audit/). {where} is 第N段第M句 or 表T第R行第C列; {quote} the sentence with the figure in 【】.
  "audit.where.paragraph": { zh: "第{paragraph}段第{sentence}句", en: "paragraph {paragraph}, sentence {sentence}" },
  "audit.where.table": { zh: "表{table}第{row}行第{column}列", en: "table {table}, row {row}, column {column}" },
  "audit.sum": { zh: "{where}“{quote}”：合计 {total} 与所列 {count} 项之和 {sum} 不符", en: "{where} “{quote}”: the total {total} is not the sum of the {count} parts listed, {sum}" },
  "audit.change": { zh: "{where}“{quote}”：{cue} {stated}，按本年与上年之差计算应为 {computed}", en: "{where} “{quote}”: the change {stated} should be {computed}, this year's figure less last year's" },
  "audit.change-direction": { zh: "{where}“{quote}”：所述为“{cue}” {stated}，但按本年与上年的数字实为反向变动 {computed}", en: "{where} “{quote}”: it says “{cue}” {stated}, but this year's and last year's figures move the other way, by {computed}" },
  "audit.growth": { zh: "{where}“{quote}”：增减率所载 {stated}，计算应为 {computed}", en: "{where} “{quote}”: rate of change stated {stated}, computed {computed}" },
  "audit.share": { zh: "{where}“{quote}”：占{whole}的比例所载 {stated}，计算应为 {computed}", en: "{where} “{quote}”: share of {whole} stated {stated}, computed {computed}" },
  "audit.completion-whole": { zh: "{where}“{quote}”：完成率所载 {stated}，但没有一个整数目标能使 {actual} 得出该比率（目标为 {target} 时应为 {computed}）", en: "{where} “{quote}”: completion stated {stated}, but no whole-number target gives it for {actual} (with {target} it is {computed})" },
  "audit.completion-plan": { zh: "{where}“{quote}”：按同一{plan}，前文“{earlier}”推得此处应为 {range}，所载 {stated}", en: "{where} “{quote}”: against the same {plan}, “{earlier}” earlier implies {range} here; stated {stated}" },
  "audit.balance": { zh: "{where}“{quote}”：结余所载 {stated}，按资金减支出计算应为 {computed}", en: "{where} “{quote}”: balance stated {stated}, funds less spending is {computed}" },
  "audit.count": { zh: "{where}“{quote}”：所述 {stated}，其后列出 {listed} 个：{items}", en: "{where} “{quote}”: {stated} stated, {listed} listed: {items}" },
  "audit.repeated": { zh: "{where}“{quote}”：{name}此处为 {stated}，前文为 {first}", en: "{where} “{quote}”: {name} is {stated} here and {first} earlier" },
  "audit.related.whole": { zh: "{where}：{whole}在此", en: "{where}: the whole, {whole}" },
  "audit.related.earlier": { zh: "{where}：前文“{earlier}”", en: "{where}: the earlier “{earlier}”" },
  "audit.related.first": { zh: "{where}：前文为 {first}", en: "{where}: earlier {first}" },
  "audit.unresolved.sum": { zh: "未能确认：{where}“{quote}”：所列 {count} 项之和 {sum} 与合计 {total} 不符，但所列各项未必是全部组成部分", en: "unresolved: {where} “{quote}”: the {count} parts add up to {sum}, not {total}, but they may not be all the parts" },
  "audit.unresolved.whole-missing": { zh: "未能确认：{where}“{quote}”：报告中找不到“{whole}”的数额", en: "unresolved: {where} “{quote}”: the report states no figure for “{whole}”" },
  "audit.unresolved.whole-ambiguous": { zh: "未能确认：{where}“{quote}”：“{whole}”在报告中有不同数额（{values}）", en: "unresolved: {where} “{quote}”: “{whole}” is stated with different values ({values})" },
  "audit.unresolved.count": { zh: "未能确认：{where}“{quote}”：所述 {stated}，其后列出 {listed} 个，但该列表未必完整", en: "unresolved: {where} “{quote}”: {stated} stated, {listed} listed, but the list may not be complete" },
  "audit.unresolved.count-open": { zh: "未能确认：{where}“{quote}”：以“等”结尾的列表列出 {listed} 个，多于所述 {stated}", en: "unresolved: {where} “{quote}”: a list ending in 等 names {listed}, more than the {stated} stated" },
  "audit.unresolved.repeated": { zh: "未能确认：{where}“{quote}”：{name}此处为 {stated}，前文为 {first}，可能并非同一事项", en: "unresolved: {where} “{quote}”: {name} is {stated} here and {first} earlier, which may be two different things" },
  "audit.read.kind": { zh: "无法审核扩展名为 {ext} 的文件；支持 .docx、.txt、.md、.html 和 .pdf", en: "cannot audit a {ext} file; audit reads .docx, .txt, .md, .html and .pdf" },
  "audit.read.not-zip": { zh: "不是有效的 DOCX（ZIP）文件：{reason}", en: "not a valid DOCX (ZIP) file: {reason}" },
  "audit.read.not-docx": { zh: "ZIP 中没有 {part}，不是 Word 文档", en: "the ZIP holds no {part}: not a Word document" },
  "audit.read.part-too-large": { zh: "{part} 解压后为 {size} 字节，超过上限 {limit} 字节（可能是压缩炸弹），未解压", en: "{part} would be {size} bytes uncompressed, over the limit of {limit} (a zip bomb?); not inflated" },
  "audit.read.xml": { zh: "{part} 不是格式正确的 XML：{reason}", en: "{part} is not well-formed XML: {reason}" },
  "audit.read.doctype": { zh: "{part} 含有 DOCTYPE 声明（Word 文档中不会出现，可能是实体扩展攻击），拒绝读取", en: "{part} has a DOCTYPE declaration (never in a Word file; an entity-expansion attack?); refused" },
  "audit.read.no-text": { zh: "文件中没有可审核的文字", en: "the file holds no text to audit" },
  "audit.read.pdf-tool": { zh: "读取 PDF 需要 pdftotext（poppler-utils），本机未安装；请安装它，或将报告另存为 .docx 或 .txt", en: "reading a PDF needs pdftotext (poppler-utils), which is not installed; install it, or save the report as .docx or .txt" },
  "audit.read.pdf": { zh: "pdftotext 无法读取该 PDF：{reason}", en: "pdftotext could not read the PDF: {reason}" },
  "audit.read.pdf-no-text": { zh: "PDF 没有文字层（可能是扫描件），无法审核", en: "the PDF has no text layer (a scan?); nothing to audit" },
  // ── h11-model (issue 13: the money model, profiles as reported, no silent fields, an honest starter) ──
  "missing.field": { zh: "没有{what}：请填写 {field}", en: "no {what}: fill in {field}" },
  "missing.funds-partial": { zh: "专项资金名单不全（complete: false），不由名单推算", en: "the special-fund list is partial (complete: false); nothing is derived from it as a whole" },
  "missing.what.prior": { zh: "上年数", en: "prior-year figure" },
  "missing.what.opening": { zh: "年初结转结余", en: "opening carry-over" },
  "missing.what.score": { zh: "自评得分", en: "self-assessed score" },
  "missing.no-data": { zh: "数据中没有计算它所需的数字", en: "the dataset has none of the figures it is computed from" },
  "figure.income.source.change": { zh: "{name}增减额", en: "{name}: change on prior year" },
  "figure.income.source.growth": { zh: "{name}增长率", en: "{name}: growth rate" },
  "figure.carryOver.opening": { zh: "年初结转结余", en: "opening carry-over" },
  "figure.carryOver.closing": { zh: "年末结转结余", en: "closing carry-over" },
  "figure.unitIncome.total": { zh: "{unit}收入合计", en: "{unit}: total income" },
  "figure.unitIncome.column": { zh: "{unit}{column}", en: "{unit}: {column}" },
  "figure.unitIncome.sum": { zh: "分单位收入表{column}合计", en: "per-unit income table: Σ {column}" },
  "figure.unitExpenditure.total": { zh: "{unit}支出合计", en: "{unit}: total expenditure" },
  "figure.unitExpenditure.column": { zh: "{unit}{column}", en: "{unit}: {column}" },
  "figure.unitExpenditure.sum": { zh: "分单位支出表{column}合计", en: "per-unit expenditure table: Σ {column}" },
  "column.total": { zh: "合计", en: "total" },
  "column.carriedForward": { zh: "上年结转", en: "carried forward" },
  "column.appropriation": { zh: "公共财政拨款", en: "appropriation" },
  "column.governmentFund": { zh: "政府基金拨款", en: "government-fund appropriation" },
  "column.nonTax": { zh: "非税收入拨款", en: "non-tax revenue" },
  "column.other": { zh: "其他收入", en: "other income" },
  "column.basic": { zh: "基本支出", en: "basic expenditure" },
  "column.project": { zh: "项目支出", en: "project expenditure" },
  "figure.staff.retiredVeterans": { zh: "离休人员", en: "retired veterans (离休)" },
  "figure.staff.retiredTotal": { zh: "离退休人员", en: "retired staff (离退休)" },
  "figure.staff.headcount": { zh: "现有人员", en: "headcount" },
  "figure.staff.unit": { zh: "{unit}人数", en: "{unit}: headcount" },
  "figure.staff.unit.part": { zh: "{unit}{type}", en: "{unit}: {type}" },
  "figure.org.list": { zh: "{label}个数", en: "{label}: count" },
  "check.closing-negative": {
    zh: "年末结转结余为负：年初结转结余 {opening} + 收入 {income} − 支出 {expenditure} = {closing}；请核对年初结转结余和收支数字",
    en: "the closing carry-over is negative: opening {opening} + income {income} − expenditure {expenditure} = {closing}; check the opening balance and the income and expenditure",
  },
  "check.carry-over-negative": {
    zh: "{what}为负（{value}）：专项资金名单只是项目资金的一部分时请写成 finance.specialFunds: { complete: false, items: [...] }；动用了上年结余时请填写 {field}（年初结转结余）",
    en: "{what} is negative ({value}): if the special-fund list is only part of the project funds write finance.specialFunds: { complete: false, items: [...] }; if last year's balance was spent fill in {field} (opening carry-over)",
  },
  "check.by-unit-row": { zh: "{unit}：各项之和 {sum} 与合计 {total} 不一致", en: "{unit}: the parts add up to {sum}, not the total {total}" },
  "check.by-unit-column": { zh: "分单位表“{column}”一列合计 {sum}，与{what} {total} 不一致", en: "the per-unit table's “{column}” column adds up to {sum}, not {what} {total}" },
  "check.listed-count-partial": { zh: "{what}：所述 {stated} 个，以“等”结尾的名单却列出 {listed} 个", en: "{what}: {stated} stated, but the list ending in 等 names {listed}" },
  "check.staff-breakdown": { zh: "{what} {stated} 人，与其构成之和 {sum} 人不一致", en: "{what}: {stated} stated, its parts add up to {sum}" },
  "check.staff-parts-exceed": { zh: "{what} {stated} 人，少于已列出的构成之和 {sum} 人", en: "{what}: {stated} stated, fewer than the {sum} of the parts listed" },
  "check.change-growth": {
    zh: "{what}：所载增减额 {change} 与增长率 {growth} 对应不到同一个上年数（按增减额上年为 {fromChange}，按增长率上年约为 {fromGrowth}）",
    en: "{what}: the stated change {change} and rate {growth} imply different prior years ({fromChange} from the change, about {fromGrowth} from the rate)",
  },
  "check.change-growth-change": { zh: "所载增减额 {id}: {value}", en: "the stated change {id}: {value}" },
  "check.stated-not-number": { zh: "“{id}”是数字，所载“{text}”不是数字", en: "“{id}” is a number; “{text}” is not" },
  "check.grade-unknown": {
    zh: "自评等级“{stated}”不在等级划分（{bands}）中；请在 {field} 中写出报告使用的等级及分数下限",
    en: "the grade “{stated}” is not one of the grade bands ({bands}); write the bands the report uses in {field}",
  },
  "check.grade-mismatch": { zh: "自评等级：所载“{stated}”，按得分 {score} 和等级划分应为“{computed}”", en: "grade: stated “{stated}”, the score {score} and the bands give “{computed}”" },
  "check.unfilled-text": { zh: "“{text}”是 init 写下的示例文字，尚未替换", en: "“{text}” is the example text init wrote; it has not been replaced" },
  "check.unfilled-zero": {
    zh: "{what}全部为 0，是 init 写下的示例数字：请填写实际数字；不知道的请删去，不要写 0",
    en: "{what} are all 0, the example numbers init wrote: fill in the real figures, and delete the ones you do not know rather than writing 0",
  },
  "unfilled.money": { zh: "收支金额", en: "the amounts of money" },
  "unfilled.staffing": { zh: "人员数", en: "the staff counts" },
  "unfilled.score": { zh: "自评得分", en: "the self-assessed score" },
  "org.duplicate-id": { zh: "机构名单编号“{id}”重复", en: "organisation list id “{id}” is used twice" },
  "org.reserved-id": { zh: "机构名单编号“{id}”与 {figure} 冲突：内设科室和所属事业单位请写在 internalOffices、affiliatedUnits 下", en: "organisation list id “{id}” clashes with {figure}: write internal offices and affiliated units under internalOffices and affiliatedUnits" },
  "check.stated-note": { zh: "所载数字的说明：{note}", en: "note on the stated figure: {note}" },
  // ── h9-help: the command line's own words — help (src/cli/help.ts) and usage errors (src/cli/usage.ts) ──
  "help.title.usage": { zh: "用法：", en: "Usage:" },
  "help.title.arguments": { zh: "参数：", en: "Arguments:" },
  "help.title.options": { zh: "选项：", en: "Options:" },
  "help.title.global-options": { zh: "全局选项：", en: "Global Options:" },
  "help.title.commands": { zh: "命令：", en: "Commands:" },
  "help.title.examples": { zh: "示例：", en: "Examples:" },
  "help.choices": { zh: "可选：{values}", en: "choices: {values}" },
  "help.default": { zh: "默认：{value}", en: "default: {value}" },
  "help.note": { zh: "（{items}）", en: "({items})" },
  "list.comma": { zh: "、", en: ", " },
  "list.semicolon": { zh: "；", en: "; " },
  "list.or-spaced": { zh: " 或 ", en: " or " },
  "help.help": { zh: "显示帮助", en: "display help for command" },
  "help.help-command": { zh: "显示某个命令的帮助", en: "display help for command" },
  "help.version": { zh: "显示版本号", en: "output the version number" },
  "help.exit-codes": {
    zh: "退出码：0 通过 · 1 有问题 · 2 输入无法使用、用法有误，或系统拒绝（磁盘已满、无权限） · 3 内部错误（请报告；--debug） · 130 被中断",
    en: "Exit codes: 0 clean · 1 findings · 2 unusable input, usage, or the machine refused (disk full, permissions) · 3 internal error (please report; --debug) · 130 interrupted",
  },
  "help.program": {
    zh: "部门整体支出绩效自评报告编译器：校验 YAML 数据集、核对每个数字、生成 DOCX",
    en: "compiler for 部门整体支出绩效自评报告: validate a YAML dataset, reconcile every figure, write the DOCX",
  },
  "help.check": {
    zh: "按 schema 校验数据集，并用精确十进制算术核对每个数字",
    en: "validate datasets against the schema and reconcile every figure with exact decimal arithmetic",
  },
  "help.build": {
    zh: "生成报告：GB/T 9704 公文格式 DOCX，以及 {formats}",
    en: "write the report: DOCX in the official format (GB/T 9704), also {formats}",
  },
  "help.explain": { zh: "说明数字的来历：算式、参与计算的数字及其所在行", en: "show where figures come from: formula, inputs, values and source lines" },
  "help.init": { zh: "生成一个带中文注释、可直接校验的数据集模板", en: "write a starter dataset, commented in Chinese, that validates as it stands" },
  "help.schema": { zh: "输出数据集的 JSON Schema", en: "print the dataset's JSON Schema" },
  "help.audit": {
    zh: "核对手写报告（docx、txt、md、html、pdf）中的数字：合计、增减、占比、完成率、结余、个数与名单",
    en: "check the arithmetic of a report written by hand (docx, txt, md, html, pdf): totals, changes, shares, completion rates, balances, counts and lists",
  },
  "help.arg.inputs": { zh: "数据集文件、目录或 glob 模式", en: "dataset files, directories or glob patterns" },
  "help.arg.dataset": { zh: "数据集文件（YAML）", en: "dataset file (YAML)" },
  "help.arg.figure": { zh: "一个数字编号，例如 income.growth（默认：全部）", en: "one figure id, e.g. income.growth (default: all)" },
  "help.arg.init-file": { zh: "要生成的数据集文件", en: "the dataset to create" },
  "help.arg.reports": { zh: "报告文件（.docx .txt .md .html .pdf）、目录或 glob 模式", en: "reports (.docx .txt .md .html .pdf), directories or glob patterns" },
  "help.opt.format": { zh: "输出格式", en: "output format" },
  "help.opt.strict": { zh: "把警告当作错误", en: "treat warnings as errors" },
  "help.opt.summary": { zh: "每个单位一行，写入 .csv 或 .json 文件", en: "write one row per unit to FILE.csv or FILE.json" },
  "help.opt.jobs": { zh: "处理多个数据集时的工作线程数（默认：CPU 核数）", en: "worker threads for many datasets (default: number of cores)" },
  "help.opt.quiet": { zh: "不显示进度条", en: "no progress bar" },
  "help.opt.lang": { zh: "zh | en（默认取自 LANG）", en: "zh | en (default from LANG)" },
  "help.opt.max-bytes": { zh: "拒绝大于此字节数的输入文件（默认 5 MiB）", en: "refuse input files larger than this (default 5 MiB)" },
  "help.opt.max-bytes-audit": {
    zh: "拒绝大于此字节数的输入文件（默认：文本 5 MiB，docx 和 pdf 64 MiB）",
    en: "refuse input files larger than this (default 5 MiB for text, 64 MiB for docx and pdf)",
  },
  "help.opt.root": {
    zh: "prior: 所指的文件可以在数据集所在的文件夹内，或在此文件夹之下（默认：当前目录）",
    en: "prior: files may lie in the dataset's folder or below this folder (default: the current directory)",
  },
  "help.opt.debug": { zh: "发生内部错误时打印调用栈", en: "on an internal error, print its stack" },
  "help.opt.out": {
    zh: "输出文件；要生成多个文件时给出目录（以 / 结尾或已存在）；默认：当前目录",
    en: "output file, or directory (ending in / or existing) for several outputs; default: current directory",
  },
  "help.opt.formats": { zh: "用英文逗号分隔，可选：{formats}", en: "comma-separated: {formats}" },
  "help.opt.template": { zh: "内置报告格式的名称（perf-report templates 列出），或自己的 Handlebars 报告模板", en: "a bundled report family (perf-report templates lists them) or a Handlebars report template of your own" },
  "help.opt.style": { zh: "YAML/JSON 文档样式：page、fonts、sizes、lineSpacing、bold", en: "YAML/JSON document style: page, fonts, sizes, lineSpacing, bold" },
  "help.opt.force": { zh: "数字核对不上也生成报告", en: "build even when figures do not reconcile" },
  "help.opt.unit": { zh: "单位全称，例如 永州市工业和信息化局", en: "the unit's full name, e.g. 永州市工业和信息化局" },
  "help.opt.year": { zh: "预算年度，例如 2021", en: "the budget year, e.g. 2021" },
  "help.opt.verbose": { zh: "同时以警告列出 audit 没有把握读对的关系", en: "also show, as warnings, the relations audit could not be sure it read right" },
  "help.opt.schema-out": { zh: "写入该文件，而不是打印出来", en: "write it to FILE instead of printing it" },
  "help.opt.schema-style": { zh: "输出 --style 文件的 schema，而不是数据集的", en: "the schema of --style files instead of datasets" },
  "help.example.github": { zh: "GitHub Actions 注解", en: "GitHub Actions annotations" },
  "help.example.every-unit": { zh: "每个单位一份，以数据集命名", en: "every unit, named after its dataset" },
  "help.example.every-report": { zh: "文件夹中的每份报告", en: "every report in a folder" },
  "help.example.verbose": { zh: "也列出 audit 没有把握读对的地方", en: "also what audit was not sure it read right" },
  // The argument parser's errors (commander's codes, reworded) and the options' own checks; printed after "perf-report: ".
  "usage.unknown-option": { zh: "未知的选项 {flag}", en: "unknown option {flag}" },
  "usage.unknown-command": { zh: "未知的命令 {name}", en: "unknown command {name}" },
  "usage.with-hint": { zh: "{error}；{hint}", en: "{error}; {hint}" },
  "usage.did-you-mean": { zh: "是否想写 {names}？", en: "did you mean {names}?" },
  "usage.missing-argument": { zh: "缺少参数 <{name}>", en: "missing argument <{name}>" },
  "usage.option-missing-argument": { zh: "选项 {flags} 缺少取值", en: "option {flags} needs a value" },
  "usage.missing-option": { zh: "必须给出选项 {flags}", en: "option {flags} is required" },
  "usage.excess-arguments": {
    zh: "参数过多：{command} 接受 {expected} 个参数，这里给了 {received} 个",
    en: "too many arguments: {command} takes {expected}, it was given {received}",
  },
  "usage.choices": { zh: "{flag} 应当是以下之一：{values}，不是“{value}”", en: "{flag} must be one of {values}, not “{value}”" },
  "usage.formats": { zh: "--format 可用的格式是 {formats}，不是“{value}”", en: "--format takes {formats}, not “{value}”" },
  "usage.positive-integer": { zh: "{flag} 应当是正整数，不是“{value}”", en: "{flag} takes a positive integer, not “{value}”" },
  "usage.year": { zh: "--year 应当是年份，例如 2021，不是“{value}”", en: "--year must be a year such as 2021, not “{value}”" },
  "usage.lang": { zh: "--lang 只能是 zh 或 en，不是“{value}”", en: "--lang must be zh or en, not “{value}”" },
  "usage.root": { zh: "--root 应当是已存在的文件夹，不是“{value}”", en: "--root must be an existing folder, not “{value}”" },
  "usage.other": { zh: "命令行有误：{detail}", en: "{detail}" },
  // Why an indicator's formula cannot be read (src/compute/formula.ts), the {detail} of indicator.formula-syntax.
  "formula.nested-parentheses": { zh: "括号嵌套超过 {limit} 层", en: "parentheses nested more than {limit} deep" },
  "formula.nested-signs": { zh: "正负号嵌套超过 {limit} 层", en: "signs nested more than {limit} deep" },
  "formula.too-many-terms": { zh: "超过 {limit} 项", en: "more than {limit} terms" },
  "formula.expected-close": { zh: "这里应当是右括号“)”", en: "expected )" },
  "formula.unexpected-end": { zh: "计算式不完整", en: "unexpected end" },
  "formula.unexpected": { zh: "这里不应出现“{char}”", en: "unexpected “{char}”" },
  // ── h10-conflicts (issue 11 item 8): conflicting inputs, formulas that cannot be computed exactly ──
  "indicator.actual-and-formula": {
    zh: "指标“{name}”同时写了实际值（actual）和计算式（formula）；二者只能写一个：用计算式计算时删去 actual，直接填写时删去 formula",
    en: "indicator “{name}” has both an actual value and a formula; write one of them (delete actual to compute it, or formula to state it)",
  },
  "indicator.target-and-target-of": {
    zh: "指标“{name}”同时写了目标值（target）和共用目标（targetOf）；二者只能写一个",
    en: "indicator “{name}” has both a target and targetOf; write one of them",
  },
  "indicator.formula-zero": { zh: "计算式除以零（第 {at} 个字符处的除法）", en: "formula divides by zero (the division at character {at})" },
  "indicator.formula-not-computable": { zh: "计算式引用的“{id}”无法计算（{reason}）", en: "formula refers to “{id}”, which cannot be computed ({reason})" },
  "indicator.formula-range": {
    zh: "计算式中的数字“{text}”超出可处理的范围（第 {at} 个字符）",
    en: "number “{text}” in the formula is out of range (at character {at})",
  },
  "indicator.formula-leading-zero": {
    zh: "计算式中的数字“{text}”以 0 开头，可能是笔误（第 {at} 个字符）",
    en: "number “{text}” in the formula starts with 0, which is likely a typo (at character {at})",
  },
  "indicator.precision": {
    zh: "计算式“{formula}”：第 {at} 个字符处的{operation}超过 {digits} 位有效数字，已四舍五入，结果不精确",
    en: "formula “{formula}”: the {operation} at character {at} needs more than {digits} significant digits and was rounded, so the result is not exact",
  },
  "operation.sum": { zh: "和", en: "sum" },
  "operation.difference": { zh: "差", en: "difference" },
  "operation.product": { zh: "乘积", en: "product" },
  "operation.quotient": { zh: "商", en: "quotient" },
  "indicator.negative-target": {
    zh: "{name}：目标值为负数（{target}），完成率没有意义，不予计算",
    en: "{name}: the target is negative ({target}); a completion rate would be meaningless and is not computed",
  },
  "missing.negative-target": { zh: "目标值为负数", en: "the target is negative" },
  "check.grade-below-bands": {
    zh: "自评得分 {score} 低于最低等级“{grade}”的下限 {min}，无法评定等级；报告中不写自评等级",
    en: "the self-assessed score {score} is below the lowest grade band, “{grade}” from {min}: no grade can be given, and the report leaves it out",
  },
  "missing.below-bands": { zh: "得分低于所有等级的下限", en: "the score is below every grade band" },
  // Typed blocks (issue 12): a template's text is written inside a block helper.
  "template.text-outside": {
    zh: "模板在块之外输出了文字“{text}”：正文写在 {{#para}}…{{/para}} 中，标题写在 {{#doctitle}}…{{/doctitle}} 或 {{#heading 1}}…{{/heading}} 中（行首的 #、## 不再表示标题，见 README）",
    en: "the template printed text outside a block (“{text}”): write paragraphs in {{#para}}…{{/para}}, titles in {{#doctitle}}…{{/doctitle}} or {{#heading 1}}…{{/heading}} (a leading # or ## no longer makes a heading; see README)",
  },
  "template.block-form": { zh: "{name} 是块辅助函数，应写成 {{#{name}}}…{{/{name}}}", en: "{name} is a block helper: write {{#{name}}}…{{/{name}}}" },
  "template.block-in-block": { zh: "{name} 不能写在 {outer} 块之内", en: "{name} cannot be used inside a {outer} block" },
  "template.heading-level": { zh: "heading：应当给出标题级别 1–4，例如 {{#heading 1}}…{{/heading}}", en: "heading: expects a level 1–4, e.g. {{#heading 1}}…{{/heading}}" },
  "template.lead": { zh: "para：lead 应当是文字，例如 {{#para lead=\"2、机构设置情况。\"}}", en: "para: lead must be text, e.g. {{#para lead=\"2、机构设置情况。\"}}" },
  // -f pdf (issue 12): LibreOffice converts the DOCX.
  "pdf.no-libreoffice": {
    zh: "生成 PDF 需要 LibreOffice，但找不到 soffice 命令；请先安装：sudo apt-get install libreoffice-writer-nogui（macOS：brew install --cask libreoffice），或用 PERF_REPORT_SOFFICE 指定其路径",
    en: "-f pdf needs LibreOffice, and no soffice command was found; install it: sudo apt-get install libreoffice-writer-nogui (macOS: brew install --cask libreoffice), or name it in PERF_REPORT_SOFFICE",
  },
  "pdf.failed": { zh: "LibreOffice 未能把 DOCX 转换为 PDF：{detail}", en: "LibreOffice could not convert the DOCX to PDF: {detail}" },
  // perf-report import (issue 14): a dataset drafted from last year's report.
  "import.header": {
    zh: "由 perf-report import 从 {source} 起草的数据集。请逐项核对；标有 TODO 的内容需要补充或归位。\n检查：perf-report check 本文件（报告本身算错的数字会在这里报出）",
    en: "A dataset drafted by perf-report import from {source}. Review every field; what is marked TODO needs filling in or placing.\nCheck it: perf-report check THIS-FILE (the report's own arithmetic errors show up here)",
  },
  "import.todo.unplaced": { zh: "TODO 未能归入数据集（报告第 {line} 行）：{text}", en: "TODO not placed in the dataset (report line {line}): {text}" },
  "import.todo.missing": { zh: "TODO 报告中未读出此项，现为占位值，请填写", en: "TODO not read from the report: a placeholder, fill it in" },
  "import.note.target-inferred": {
    zh: "目标值按报告所载完成率推定：{actual} ÷ {rate} ≈ {target}，请核对",
    en: "target inferred from the completion rate the report states: {actual} ÷ {rate} ≈ {target}; please verify",
  },
  "import.note.grade": { zh: "报告写自评等级为“{grade}”，按默认等级划分应为“{computed}”；如单位另有划分，请填写 settings.gradeBands", en: "the report gives the grade “{grade}”; the default bands give “{computed}”: set settings.gradeBands if the unit uses other bands" },
  "import.unplaced": { zh: "未能归入数据集，已作为 TODO 注释写入草稿：“{text}”", en: "not placed in the dataset; written into the draft as a TODO comment: “{text}”" },
  "import.done": { zh: "已起草 {out}（报告结构：{family}；{fields} 个字段，{todos} 处 TODO）；下一步：perf-report check {out}", en: "drafted {out} (report family: {family}; {fields} fields, {todos} TODOs); next: perf-report check {out}" },
  "import.exists": { zh: "{out} 已存在，不会覆盖；请用 -o 指定另一个文件", en: "{out} exists; not overwriting it: name another file with -o" },
  "help.import": { zh: "由上年的报告（docx、txt、md、html、pdf）起草数据集", en: "draft a dataset from last year's report (docx, txt, md, html, pdf)" },
  "help.arg.report": { zh: "上年的报告（.docx .txt .md .html .pdf）", en: "last year's report (.docx .txt .md .html .pdf)" },
  "help.opt.import-out": { zh: "要写出的数据集草稿（默认：与报告同名的 YAML 文件）", en: "the draft dataset to write (default: the report's name with .yaml)" },
  "help.example.import-check": { zh: "报告本身算错的数字", en: "the report's own arithmetic errors" },
  "import.out-extension": { zh: "草稿应写成 .yaml 或 .yml 文件，而不是 {out}", en: "the draft must be a .yaml or .yml file, not {out}" },
  // audit: a table's total row or column (issue 14, h15).
  "audit.table-sum": { zh: "{where}“{quote}”：{total} 与{parts}之和 {sum} 不符", en: "{where} “{quote}”: {total} is not the sum of {parts}, {sum}" },
  "audit.table-sum.rows": { zh: "上方 {count} 行", en: "the {count} rows above" },
  "audit.table-sum.columns": { zh: "本行 {count} 列", en: "the {count} columns of its row" },
  "audit.unresolved.table-sum": { zh: "未能确认：{where}“{quote}”：{total} 与{parts}之和 {sum} 不符，但表中有空缺、分级或舍入，未必是算错", en: "unresolved: {where} “{quote}”: {total} is not the sum of {parts}, {sum}, but the table has blanks, levels or rounding that may explain it" },
  // Report families (issue 13, h13): bundled templates, computed numbering, sentences that need their figures.
  "template.number-style": {
    zh: "number 应当是编号样式，含一个“一”或“1”表示编号所在，例如 number=\"一、\"、number=\"（一）\"、number=\"1、\"",
    en: "number must be a numbering style with one 一 or 1 where the number goes, e.g. number=\"一、\", number=\"（一）\", number=\"1、\"",
  },
  "template.term": { zh: "term 需要两个文字：叫法的名称和模板的默认叫法，例如 {{term \"personnel\" \"工资福利支出\"}}", en: "term takes two texts: the label's key and the template's default, e.g. {{term \"personnel\" \"工资福利支出\"}}" },
  "family.six-part": { zh: "六部分叙述式（湖南常用）：部门概况、支出管理及使用、专项组织实施、绩效情况、存在问题、改进措施", en: "six-part narrative (common in Hunan): profile, spending, special funds, performance, problems, measures" },
  "family.yiyang": { zh: "益阳式：一、基本情况（部门整体支出概况、绩效目标、实施情况分析），然后绩效情况、问题和措施", en: "Yiyang outline: 一、基本情况 (spending overview, performance goals, implementation analysis), then performance, problems, measures" },
  "family.score-first": { zh: "先列自评得分：一、自评得分情况，二、单位基本概况（机构、人员、预算单位构成、职责），然后收支与绩效", en: "score first: 一、自评得分情况, then the unit's profile (organisation, staff, budget units, duties), money and performance" },
  "family.table-form": { zh: "岳阳表格式：封面（预算编码、评价方式、评价机构、报告日期），基本概况与收支情况以表格填列", en: "Yueyang table form: a cover page (budget code, method, evaluator, date), then the profile and the money as form tables" },
  "templates.heading": { zh: "内置报告格式（数据集写 report.template: 名称，或 build --template 名称）：", en: "Bundled report families (a dataset says report.template: NAME, or build --template NAME):" },
  "help.templates": { zh: "列出内置的报告格式及其说明", en: "list the bundled report families, one line each" },
  "templates.default": { zh: "（默认）", en: " (default)" },
  // The last line of a run (src/cli/report.ts summaryLine); English counts take .one for 1.
  "summary.line": { zh: "{verb} {files}{units}：{errors}，{warnings}{time}", en: "{verb} {files}{units}: {errors}, {warnings}{time}" },
  "summary.checked": { zh: "检查了", en: "checked" },
  "summary.processed": { zh: "处理了", en: "processed" },
  "summary.files": { zh: "{count} 个文件", en: "{count} files" },
  "summary.files.one": { zh: "{count} 个文件", en: "{count} file" },
  "summary.errors": { zh: "{count} 个错误", en: "{count} errors" },
  "summary.errors.one": { zh: "{count} 个错误", en: "{count} error" },
  "summary.warnings": { zh: "{count} 个警告", en: "{count} warnings" },
  "summary.warnings.one": { zh: "{count} 个警告", en: "{count} warning" },
  "summary.units": { zh: "（{ok} 个通过，{withFindings} 个有问题，{unusable} 个无法使用）", en: " ({ok} clean, {withFindings} with findings, {unusable} unusable)" },
  "summary.time": { zh: "，用时 {seconds} 秒", en: " in {seconds}s" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof CATALOGUE;

/**
 * A sentence of the catalogue and what fills it in: plain data (it crosses worker threads
 * and is printed as JSON), worded only when a formatter renders it in the user's language.
 */
export interface Message {
  key: MessageKey;
  params?: Params;
}

/** A parameter: text or a number as it stands, a message (a figure's label), or the items of a `list.*` message. */
export type Param = string | number | Message | readonly Param[];
export type Params = Record<string, Param>;

/** The names of the {placeholders} of a catalogue text; `{{…}}` is template syntax, not a placeholder. */
type Names<S extends string> = S extends `${string}{${infer N}}${infer R}` ? (R extends `}${string}` ? Names<R> : Word<Last<N>> | Names<R>) : never;
type Last<N extends string> = N extends `${string}{${infer M}` ? Last<M> : N;
/** Only a word is a placeholder (the catalogue's `{ }` in prose is not). */
type Word<N extends string> = N extends "" | `${string} ${string}` | `${string}…${string}` ? never : N;
type Entry<K extends MessageKey> = (typeof CATALOGUE)[K];

/** The parameters a message needs: every placeholder of its Chinese and English texts. */
export type ParamsOf<K extends MessageKey> = Record<Names<Entry<K>["zh"]> | Names<Entry<K>["en"]>, Param>;

/** A message with its parameters checked against its texts' placeholders. */
export function message<K extends MessageKey>(
  key: K,
  ...params: K extends `list.${string}` ? [{ items: readonly Param[] }] : [Names<Entry<K>["zh"]> | Names<Entry<K>["en"]>] extends [never] ? [] : [ParamsOf<K>]
): Message {
  return params[0] === undefined ? { key } : { key, params: params[0] };
}

/** Whether the catalogue has `key` (for keys made from outside codes, like "write.ENOSPC"). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

export function msg(lang: Lang, key: MessageKey, params: Params = {}): string {
  if (key.startsWith("list.")) return ((params.items ?? []) as readonly Param[]).map((p) => param(lang, p)).join(CATALOGUE[key][lang]);
  return CATALOGUE[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? param(lang, params[name]!) : whole));
}

/** A message in words, in `lang`. */
export function render(lang: Lang, m: Message): string {
  return msg(lang, m.key, m.params);
}

function param(lang: Lang, p: Param): string {
  if (typeof p === "string" || typeof p === "number") return String(p);
  if (Array.isArray(p)) return p.map((x: Param) => param(lang, x)).join("");
  return render(lang, p as Message);
}
