// Preloaded (node --require) into CLI runs of the hostile-input suite: writes the process's peak
// resident memory (KiB) to $KW_PEAK_RSS_FILE when it exits, however it exits.
const fs = require('fs');
process.on('exit', () => {
  if (process.env.KW_PEAK_RSS_FILE) fs.writeFileSync(process.env.KW_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
