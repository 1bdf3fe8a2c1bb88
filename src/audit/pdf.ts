import { execFile } from "node:child_process";
import { ReadFailure } from "./xml.js";

const PDF_LIMITS = { seconds: 60, outputBytes: 32 * 1024 * 1024 };

/** The text layer of a PDF, by poppler's pdftotext when it is installed; paragraphs by line. */
export function pdfText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("pdftotext", ["-enc", "UTF-8", "-q", file, "-"], { encoding: "utf8", timeout: PDF_LIMITS.seconds * 1000, maxBuffer: PDF_LIMITS.outputBytes }, (error, stdout) => {
      if (!error) {
        if (stdout.trim() === "") reject(new ReadFailure("audit.read.pdf-no-text"));
        else resolve(stdout.replace(/\f/g, "\n"));
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") reject(new ReadFailure("audit.read.pdf-tool"));
      else reject(new ReadFailure("audit.read.pdf", { reason: error.killed ? `timeout ${PDF_LIMITS.seconds}s` : String(code ?? error.message).split("\n")[0]! }));
    });
  });
}
