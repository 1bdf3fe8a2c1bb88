import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's root folder (the one with package.json), found from wherever this code runs:
 * the TypeScript sources under tests, or the bundle in dist/.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/**
 * A module the build generates into dist/ (the compiled schema, the precompiled template),
 * loaded synchronously; undefined when there is none (running from the sources, unbuilt).
 */
export function loadGenerated<T>(name: string): T | undefined {
  const file = packagePath("dist", name);
  if (!existsSync(file)) return undefined;
  return (createRequire(import.meta.url)(file) as { default: T }).default;
}
