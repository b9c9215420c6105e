import { useEffect, useState } from 'react';

/** Pages are addressed by the URL's fragment (#programme, #event/<id>...), so the browser's back button works inside Teams too. */
export const go = (route: string): void => {
  window.location.hash = route;
};

export function useRoute(fallback: string): string[] {
  const read = (): string[] => (window.location.hash.replace(/^#/, '') || fallback).split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = (): void => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  });
  return route;
}
