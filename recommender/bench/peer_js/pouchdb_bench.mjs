// The PouchDB peer of `grapevine bench sync`: replicates a PouchDB Server database into a new on-disk replica.
//
// Run by recommender/bench/sync_peer.py with one argument, a JSON plan file:
//   {"peer": folder holding node_modules, "url": database URL on the server, "replica": folder for the replica,
//    "records": documents on the server, "rounds": [[[doc id, field, value], ...], ...]}
// Timing happens here (hrtime around each replication), so starting Node and loading PouchDB do not count.
// Prints one JSON line on stdout; any failure throws, which exits non-zero with the reason on stderr.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The packages live in the peer folder, not next to this file: resolve them from there.
const require = createRequire(join(plan.peer, "package.json"));
const PouchDB = require("pouchdb");

function versionOf(name, from = require) {
  return from(`${name}/package.json`).version;
}

function elapsedMs(started) {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function replicateOnce(local, remote) {
  const started = process.hrtime.bigint();
  const result = await local.replicate.from(remote);
  const ms = elapsedMs(started);
  if (!result.ok) {
    throw new Error(`replication failed: ${JSON.stringify(result.errors)}`);
  }
  return { ms, written: result.docs_written };
}

// Another client's edit: one field on each of the round's documents, written in one request (not timed).
async function changeOnServer(writer, edits) {
  const found = await writer.allDocs({ keys: edits.map(([id]) => id), include_docs: true });
  const docs = found.rows.map((row, index) => ({ ...row.doc, [edits[index][1]]: edits[index][2] }));
  const saved = await writer.bulkDocs(docs);
  const failed = saved.filter((answer) => answer.error);
  if (failed.length > 0) {
    throw new Error(`the other client's edit failed: ${JSON.stringify(failed[0])}`);
  }
}

async function main() {
  const remote = new PouchDB(plan.url);
  const writer = new PouchDB(plan.url);
  const local = new PouchDB(plan.replica); // leveldb on disk, PouchDB's default adapter in Node
  // Open both ends first, as the Grapevine replica exists and has spoken to its server before it is timed.
  await remote.info();
  // The server's own answer: through the client, info() names the client's http adapter instead.
  const serverInfo = await (await fetch(plan.url)).json();
  const localInfo = await local.info();
  if (localInfo.doc_count !== 0) {
    throw new Error(`the replica is not empty: ${localInfo.doc_count} documents`);
  }

  const initial = await replicateOnce(local, remote);
  const pulled = (await local.info()).doc_count;
  if (initial.written !== plan.records || pulled !== plan.records) {
    throw new Error(`initial replication wrote ${initial.written} documents (replica holds ${pulled}), expected ${plan.records}`);
  }

  const incremental = [];
  for (const edits of plan.rounds) {
    await changeOnServer(writer, edits);
    const round = await replicateOnce(local, remote);
    if (round.written !== edits.length) {
      throw new Error(`incremental replication wrote ${round.written} documents, expected ${edits.length}`);
    }
    incremental.push(round.ms);
  }
  await local.close();

  const serverRequire = createRequire(require.resolve("pouchdb-server/package.json"));
  const clientRequire = createRequire(require.resolve("pouchdb"));
  console.log(
    JSON.stringify({
      initial_ms: initial.ms,
      incremental_ms: incremental,
      adapters: { client: localInfo.adapter, server: serverInfo.adapter },
      versions: {
        node: process.versions.node,
        pouchdb: versionOf("pouchdb"),
        leveldown: versionOf("leveldown", clientRequire),
        "pouchdb-server": versionOf("pouchdb-server"),
        "express-pouchdb": versionOf("express-pouchdb", serverRequire),
        "pouchdb-core (server)": versionOf("pouchdb-core", serverRequire),
      },
    }),
  );
}

await main();
