export function supportedNode(version: string): boolean;
export function nodeVersionProblem(version: string, argv: readonly string[], env: Record<string, string | undefined>): string | undefined;
