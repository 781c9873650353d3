/**
 * User data files, one job per module; this index re-exports what the rest of the app uses:
 * - dataReader.ts: an uploaded CSV/TSV (columns x, y[, z], label) into a `DataTable`, with
 *   every problem as one plain sentence naming the line (helpers: fileText.ts for bytes to
 *   text, csv.ts for lines to fields, messages.ts for the sentences);
 * - tableDataset.ts: a `DataTable` into a trainable `Dataset` (unit box, the seeded
 *   stratified split of src/lib/math/split.ts);
 * - dataWriters.ts: data sets and learned features back out as CSV.
 * All are pure functions over strings and typed arrays (no DOM), so they run in the page,
 * in a worker and in Node tests alike.
 */
