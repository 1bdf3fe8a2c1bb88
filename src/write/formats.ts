export const FORMATS = ["docx", "md", "html", "json", "pdf"] as const;
export type OutputFormat = (typeof FORMATS)[number];
