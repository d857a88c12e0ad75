// CONTRACT.md (Listing contacts) on how names and emails sort, written out independently of the
// server's code: the text after NFKD with combining marks removed, lower-cased; values that fold
// alike by the stored text; both compared in UTF-8 byte order, as the databases compare.

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Compares two names (or emails) the way the API sorts them ascending. */
export const readOrder = (a: string, b: string) => byteOrder(fold(a), fold(b)) || byteOrder(a, b);
