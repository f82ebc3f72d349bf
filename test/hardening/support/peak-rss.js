'use strict';
// Preloaded into the harness under test (NODE_OPTIONS=--require …): at exit, however it exits
// (including process.exit on a second Ctrl-C), it writes its peak resident set size in bytes, from
// getrusage(2) ru_maxrss, to the file named by LSO_PEAK_RSS_FILE.
const fs = require('node:fs');

const file = process.env.LSO_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // Nothing to report to: the test then sees no file and says so.
    }
  });
}
