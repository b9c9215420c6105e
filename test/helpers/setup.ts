// Loaded before every test file (see .mocharc.json).
// Cards and dates are Europe/London whatever the machine's zone; running the tests in
// another zone proves nothing depends on the host's TZ.
process.env.TZ = 'America/New_York';
