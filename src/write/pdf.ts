import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writerFor } from "./registry.js";
import { WriterError, type Writer } from "./writer.js";


/** The PDF: the DOCX, converted by LibreOffice (`soffice --headless --convert-to pdf`). */
export const writer: Writer = {
  format: "pdf",
  write: async (document, meta, style) => convert((await (await writerFor("docx")).write(document, meta, style)) as Uint8Array),
};

const COMMANDS = ["soffice", "libreoffice"];
/** Requests arriving within this window share one LibreOffice start. */
const WINDOW_MS = 30;
const MAX_BATCH = 200;

let pending: { docx: Uint8Array; resolve: (pdf: Uint8Array) => void; reject: (e: unknown) => void }[] = [];
let timer: NodeJS.Timeout | undefined;
let command: Promise<string | undefined> | undefined;

function run(file: string, args: string[]): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => execFile(file, args, { timeout: 600_000, maxBuffer: 1 << 24 }, (error, _out, stderr) => resolve({ ok: !error, stderr: String(stderr) })));
}

/** The first of soffice / libreoffice (or $PERF_REPORT_SOFFICE) that runs. */
function findCommand(): Promise<string | undefined> {
  command ??= (async () => {
    for (const c of process.env.PERF_REPORT_SOFFICE ? [process.env.PERF_REPORT_SOFFICE] : COMMANDS) if ((await run(c, ["--version"])).ok) return c;
    return undefined;
  })();
  return command;
}

/**
 * One DOCX to PDF. Conversions asked for together — the units of a batch in flight in this
 * process — go to one LibreOffice run, with a profile of its own so that runs in parallel
 * workers do not share one.
 */
function convert(docx: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    pending.push({ docx, resolve, reject });
    if (pending.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, WINDOW_MS);
  });
}

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  const batch = pending;
  pending = [];
  void convertAll(batch.map((p) => p.docx)).then(
    (pdfs) => batch.forEach((p, i) => p.resolve(pdfs[i]!)),
    (error) => batch.forEach((p) => p.reject(error)),
  );
}

async function convertAll(docxs: Uint8Array[]): Promise<Uint8Array[]> {
  const soffice = await findCommand();
  if (!soffice) throw new WriterError("pdf.no-libreoffice");
  const dir = await mkdtemp(join(tmpdir(), "perf-report-pdf-"));
  try {
    const files = docxs.map((_, i) => join(dir, `${i + 1}.docx`));
    await Promise.all(files.map((f, i) => writeFile(f, docxs[i]!)));
    const r = await run(soffice, ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--convert-to", "pdf", "--outdir", dir, ...files]);
    return await Promise.all(
      files.map((f) =>
        readFile(f.replace(/\.docx$/, ".pdf")).catch(() => {
          throw new WriterError("pdf.failed", r.stderr.trim().split("\n").pop() ?? "");
        }),
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
