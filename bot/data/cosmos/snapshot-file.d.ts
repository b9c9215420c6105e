/** Types for snapshot-file.js (plain JavaScript, shared with the embedded store's worker thread). */
export declare function writeFileDurably(file: string, text: string): void;
