/** Member n of a benchmark team: its Teams id and a GUID-shaped Entra id, the same in the stand-in connector and the seeded store. */
export const benchMember = (n: number): { id: string; aadObjectId: string; name: string } => ({
  id: `29:bench-${n}`,
  aadObjectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  name: `Bench Member ${n}`,
});
