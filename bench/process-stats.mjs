// Preloaded into the CLI by bench/cli-batch.ts (node --import), benchmark only: when the process exits, writes to
// $PROCESS_STATS_FILE its peak resident set size and the CPU time of all its threads (getrusage, RUSAGE_SELF).
import { writeFileSync } from 'node:fs';

const file = process.env.PROCESS_STATS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
