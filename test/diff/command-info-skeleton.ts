/*
 * A helper for whoever writes a family's specs: prints CommandSpec entries with the facts a live
 * redis-server 7.0 reports (arity, flags, ACL categories, key specs, arguments, history, tips...) so
 * they are exact from the start and test/diff/command-info.test.ts passes. The summary is left as a
 * TODO on purpose: summaries are written in our own words.
 *
 *   npx tsx test/diff/command-info-skeleton.ts hset hget 'client|list'
 */
import { specFromRedis } from './command-info-convert.ts';
import { mapEntries, shape, type Shape } from './command-info-shape.ts';
import { RespConnection, startRedis } from './redis.ts';

/** The spec as TypeScript source: JSON with single quotes and unquoted keys, summary as TODO. */
function asSource(spec: object): string {
  const json = JSON.stringify({ ...spec, summary: 'TODO: one line, in our own words' }, null, 2);
  return json
    .replace(/"([a-zA-Z]+)":/g, '$1:')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (_, s: string) => `'${s.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`);
}

async function main(names: string[]): Promise<void> {
  const redis = await startRedis();
  const conn = await RespConnection.open(redis.port);
  try {
    for (const name of names) {
      const info = shape(await conn.call('COMMAND', 'INFO', name)) as Shape[];
      const docs = mapEntries(shape(await conn.call('COMMAND', 'DOCS', name)));
      if (!Array.isArray(info[0]) || docs.length === 0) {
        console.error(`unknown command: ${name}`);
        continue;
      }
      console.log(`${asSource(specFromRedis(info[0], docs[0]![1]))},`);
    }
  } finally {
    conn.close();
    await redis.stop();
  }
}

void main(process.argv.slice(2));
