/** Lower-case letters, digits and single dashes, for ids people can read ("practice-week-bitesize-2024-05-20"). */
export const slug = (text: string, max = 40): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
