// pa11y drives Chromium through Puppeteer. No browser is downloaded: the checks use the
// system's Chromium (bench/lighthouse.mjs and bench/pa11y.mjs name it).
module.exports = { skipDownload: true };
