export function syntheticDataset(i: number, options?: { funds?: number; indicators?: number; stateWrongTotal?: boolean }): string;
export function writeDatasets(dir: string, count: number, broken?: number[], wrong?: number[], size?: { funds?: number; indicators?: number }): string[];
