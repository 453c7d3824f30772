/** `npm run events`: writes the sample events of events/ (local-stack/sample-events.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runScript } from '../cli/run-script';
import { EVENTS_DIR, recordSampleEvents } from '../local-stack/sample-events';

const USAGE =
  'usage: npm run events\n  records the event the local gateway sends each function for a sample request, into events/';

runScript('events', USAGE, async (argv) => {
  parseArgs({ args: argv, options: {} });
  const files = await recordSampleEvents();
  mkdirSync(EVENTS_DIR, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(EVENTS_DIR, name), text);
  process.stdout.write(`wrote ${files.size} events to events/\n`);
  return 0;
});
