/** "1 conversation", "1,214 conversations": counts as organisers read them. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
