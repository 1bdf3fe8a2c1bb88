export const FORMATS = ["docx", "md", "html", "json"] as const;
export type OutputFormat = (typeof FORMATS)[number];
