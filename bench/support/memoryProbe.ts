/**
 * Loaded into a server a bench starts (`node --expose-gc --import` this file): on SIGUSR2 it
 * collects garbage and prints what its objects hold (heap used and external buffers). Resident
 * memory alone hides what connections cost when the heap had room left from the start.
 */
process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external } = process.memoryUsage();
  console.log(`memory in use ${heapUsed + external} bytes`);
});
