// The run token of temporary file names (src/write/temporary.ts), for batch/, which reaches the
// stages only through pipeline/: the pool makes one per run and each of its threads adopts it.
export { adoptRunToken, newRunToken } from "../write/temporary.js";
