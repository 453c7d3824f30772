/** `npm run events`: writes the sample events of events/ (local-stack/sample-events.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_DIR, recordSampleEvents } from '../local-stack/sample-events';

recordSampleEvents().then(
  (files) => {
    mkdirSync(EVENTS_DIR, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(EVENTS_DIR, name), text);
    process.stdout.write(`wrote ${files.size} events to events/\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
