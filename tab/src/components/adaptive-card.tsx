import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The card as Teams will draw it: rendered by the Adaptive Cards library itself (loaded
 * only on the broadcasts page), from the same JSON the bot sends. Buttons here do nothing.
 */
export function AdaptiveCardView({ card }: { card: unknown }): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    void import('adaptivecards').then((ac) => {
      if (!live || !host.current) return;
      const adaptive = new ac.AdaptiveCard();
      adaptive.parse(card);
      const rendered = adaptive.render();
      host.current.replaceChildren(...(rendered ? [rendered] : []));
    });
    return () => {
      live = false;
    };
  }, [card]);
  return <div ref={host} aria-label="Preview of the card" role="img" />;
}
