// The generator lives with the benchmark, so that tests and measurements use the same units.
export { syntheticDataset, writeDatasets } from "../../bench/generate.mjs";
