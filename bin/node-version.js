// The oldest Node the bundle runs on. It uses zlib.crc32, which came in Node 20.15 and, on the
// 22 line, in 22.2 (never in 21). The launcher checks this before it loads anything else, so
// that an older Node gets one clear line and exit 2 instead of "crc32 is not a function"
// somewhere deep in a build. The two sentences live here, not in the message catalogue
// (src/i18n/messages.ts): the catalogue is in the bundle, which is what may not run.

/** Whether `version` ("20.15.0") is a Node the bundle runs on: ^20.15.0 || >=22.2.0, as package.json's engines says. */
export function supportedNode(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 20) return minor >= 15;
  if (major === 22) return minor >= 2;
  return major > 22;
}

/** The line to print when this Node is too old (in the language --lang or the locale asks for), or undefined. */
export function nodeVersionProblem(version, argv, env) {
  if (supportedNode(version)) return undefined;
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const given = at < 0 ? undefined : argv[at].includes("=") ? argv[at].slice("--lang=".length) : argv[at + 1];
  const english = given === "en" || (given !== "zh" && /^en/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || ""));
  return english
    ? `perf-report: needs Node.js 20.15 or later (22.2 or later on the 22 line), this is ${version}; please upgrade Node.js`
    : `perf-report：需要 Node.js 20.15 或更高版本（22 系列需 22.2 或更高），当前是 ${version}；请升级 Node.js`;
}
