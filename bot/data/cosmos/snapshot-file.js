// Writing the embedded store's snapshot (see embedded-worker.js). Plain JavaScript,
// like the worker that requires it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * Replaces `file` with `text` so that after a crash or a power cut it holds either the old
 * snapshot or the new one, whole: write a temporary file, fsync it (a rename alone can
 * reach the disk before the data it names), rename it over the old one, then fsync the
 * folder so the rename itself is kept. The snapshot holds people's answers, bookings and
 * needs, so it is readable by its owner only (0600), whatever the umask or an older
 * snapshot's mode; a folder we create is 0700.
 */
function writeFileDurably(file, text) {
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    // A temporary file left by a crash keeps its old mode when reopened: set it.
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  const folderFd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(folderFd);
  } finally {
    fs.closeSync(folderFd);
  }
}

module.exports = { writeFileDurably };
