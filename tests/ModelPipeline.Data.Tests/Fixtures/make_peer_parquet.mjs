// Writes peer.parquet with a Parquet writer that is not ours (arrow-rs, the Rust Apache Arrow implementation, built
// to WebAssembly as the npm package parquet-wasm) and peer.csv with the same table as text, for
// ParquetFrameReaderTests. Made with:
//   mkdir /tmp/peer && cd /tmp/peer && npm install parquet-wasm@0.8.0 apache-arrow@21.2.0
//   NODE_PATH=/tmp/peer/node_modules node \
//     tests/ModelPipeline.Data.Tests/Fixtures/make_peer_parquet.mjs tests/ModelPipeline.Data.Tests/Fixtures
// (run from the repository root; the output is committed, so the tests need neither node nor the packages).
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH ?? ".", "x.js"));
const arrow = require("apache-arrow");
const parquet = require("parquet-wasm/node");

const out = process.argv[2] ?? ".";
const rows = 60;
const cities = ["Oslo", " Bergen ", "Tromsø", "NA", "Kraków", "Zürich"];
const columns = {
  id: [], amount: [], visits: [], city: [], member: [], answer: [], code: [], departed: [], day: [],
};
for (let i = 0; i < rows; i++) {
  columns.id.push(i + 1);
  // a double column with nulls and NaN (both missing)
  columns.amount.push(i % 11 === 3 ? null : i % 13 === 5 ? NaN : Math.round((i * 7.31 - 50) * 100) / 100);
  // a 64-bit integer column with nulls: stored in 16 bits by the frame
  columns.visits.push(i % 9 === 4 ? null : BigInt((i * 37) % 1000));
  // text with a missing token, padding to trim, non-ASCII levels and nulls
  columns.city.push(i % 17 === 8 ? null : cities[(i * 5) % cities.length]);
  columns.member.push(i % 10 === 7 ? null : i % 3 === 0);
  // Yes/No text: a boolean column, as in CSV
  columns.answer.push(i % 4 === 1 ? "No" : "Yes");
  // numbers written as text: a numeric column, as in CSV
  columns.code.push(i % 8 === 2 ? "" : String((i * 13) % 50 / 2));
  // timestamps (milliseconds) with nulls, and dates
  columns.departed.push(i % 12 === 6 ? null : Date.UTC(2001, 0, 1 + (i % 5), (i * 7) % 24, (i * 11) % 60, i % 3 === 0 ? 30 : 0));
  columns.day.push(Date.UTC(2001, i % 12, 1 + (i % 28)));
}

const table = new arrow.Table({
  id: arrow.vectorFromArray(columns.id, new arrow.Int32()),
  amount: arrow.vectorFromArray(columns.amount, new arrow.Float64()),
  visits: arrow.vectorFromArray(columns.visits, new arrow.Int64()),
  city: arrow.vectorFromArray(columns.city, new arrow.Utf8()),
  member: arrow.vectorFromArray(columns.member, new arrow.Bool()),
  answer: arrow.vectorFromArray(columns.answer, new arrow.Utf8()),
  code: arrow.vectorFromArray(columns.code, new arrow.Utf8()),
  departed: arrow.vectorFromArray(columns.departed, new arrow.TimestampMillisecond()),
  day: arrow.vectorFromArray(columns.day.map(ms => new Date(ms)), new arrow.DateDay()),
});
const properties = new parquet.WriterPropertiesBuilder()
  .setCompression(parquet.Compression.SNAPPY)
  .setMaxRowGroupSize(25) // three row groups
  .build();
writeFileSync(join(out, "peer.parquet"), parquet.writeParquet(parquet.Table.fromIPCStream(arrow.tableToIPC(table, "stream")), properties));

// The same table as CSV text, as ModelPipeline reads a Parquet table: nulls empty, NaN as NaN, booleans true/false,
// timestamps ISO 8601 with seconds, dates yyyy-MM-dd.
const pad = n => String(n).padStart(2, "0");
const isoTime = ms => { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; };
const isoDate = ms => isoTime(ms).slice(0, 10);
const cell = (name, v) => v === null ? "" : name === "departed" ? isoTime(v) : name === "day" ? isoDate(v) : String(v);
const names = Object.keys(columns);
const lines = [names.join(",")];
for (let i = 0; i < rows; i++) {
  lines.push(names.map(n => cell(n, columns[n][i])).join(","));
}
writeFileSync(join(out, "peer.csv"), lines.join("\n") + "\n");
