import { spawn } from "node:child_process";
import { access, constants, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { WriterError } from "./writer.js";

/** LibreOffice (`soffice --headless --convert-to pdf`), which turns DOCX files into PDFs. */
const COMMANDS = ["soffice", "libreoffice"];
let command: Promise<string | undefined> | undefined;

/**
 * $PERF_REPORT_SOFFICE, or the first of soffice / libreoffice on PATH, when it is an
 * executable file. Looked up, never started: `soffice --version` would be a LibreOffice start.
 */
export function findSoffice(): Promise<string | undefined> {
  command ??= (async () => {
    const given = process.env.PERF_REPORT_SOFFICE;
    const candidates = given ? [given] : COMMANDS.flatMap((c) => (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, c)));
    for (const file of candidates) if (await access(file, constants.X_OK).then(() => true, () => false)) return file;
    return undefined;
  })();
  return command;
}

/** One DOCX's conversion: its PDF, or why LibreOffice gave none. */
export type Converted = { pdf: Uint8Array } | { error: WriterError };

/** How long one start may take: LibreOffice converts a report in about a second. */
const timeoutMs = (files: number) => 120_000 + 30_000 * files;

/**
 * Converts the DOCX files with ONE start of LibreOffice (it takes many files), with a profile
 * of its own in a temporary folder, which goes afterwards. `signal` stops LibreOffice (its
 * whole process group) and rejects with the signal's reason. Throws `pdf.no-libreoffice`
 * when there is no LibreOffice to start.
 */
export async function convertToPdf(docxs: readonly Uint8Array[], signal?: AbortSignal): Promise<Converted[]> {
  const soffice = await findSoffice();
  if (!soffice) throw new WriterError("pdf.no-libreoffice");
  const dir = await mkdtemp(join(tmpdir(), "perf-report-pdf-"));
  try {
    const files = docxs.map((_, i) => join(dir, `${i + 1}.docx`));
    await Promise.all(files.map((f, i) => writeFile(f, docxs[i]!)));
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`;
    const stderr = await run(soffice, ["--headless", "--norestore", profile, "--convert-to", "pdf", "--outdir", dir, ...files], timeoutMs(files.length), signal);
    const reason = stderr.trim().split("\n").pop() ?? "";
    return await Promise.all(files.map((f) => readFile(f.replace(/\.docx$/, ".pdf")).then((pdf): Converted => ({ pdf }), (): Converted => ({ error: new WriterError("pdf.failed", reason) }))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs LibreOffice in a process group of its own, so that stopping it stops all it started; resolves with its stderr. */
function run(file: string, args: string[], timeout: number, signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = spawn(file, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    const chunks: Buffer[] = [];
    child.stderr.on("data", (d: Buffer) => chunks.push(d));
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(stop, timeout);
    signal?.addEventListener("abort", stop, { once: true });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      // Found on PATH but not startable (a broken link, say): as good as missing.
      reject(error.code === "ENOENT" || error.code === "EACCES" ? new WriterError("pdf.no-libreoffice") : error);
    });
    child.on("close", () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      if (signal?.aborted) reject(signal.reason);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
  });
}
