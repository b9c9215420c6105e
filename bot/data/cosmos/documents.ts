/** A document without the fields Cosmos adds to it (_rid, _self, _etag, _attachments, _ts). */
export const withoutSystemFields = <T extends object>(doc: T): T =>
  Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as T;
