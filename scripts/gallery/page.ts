/**
 * The page the gallery renders cards on: a Teams-like chat background, one card frame,
 * and the button and text styles Teams gives cards. The renderer itself is the official
 * `adaptivecards` bundle, loaded into the page by scripts/cards-gallery.ts.
 */
export const CARD_WIDTH = 480;

export const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #F5F5F5; font-family: 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; }
  #stage { padding: 16px; display: inline-block; }
  #frame { width: ${CARD_WIDTH}px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,0.12); overflow: hidden; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul { margin: 0; padding-left: 20px; box-sizing: border-box; }
  .ac-pushButton { font: 600 14px 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; min-height: 32px; padding: 4px 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { color: #FFFFFF; background: #5B5FC7; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-input input, .ac-input select, .ac-input textarea, input.ac-input, select.ac-input, textarea.ac-input {
    font: 14px 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; box-sizing: border-box; }
  a { color: #5B5FC7; }
</style></head>
<body><div id="stage"><div id="frame"></div></div></body></html>`;

/** What the page hands back after rendering one card. */
export interface RenderResult {
  problems: string[];
  height: number;
  /** Buttons whose label does not fit (the renderer cuts it with an ellipsis): their full titles. */
  truncatedButtons: string[];
}

/**
 * Runs inside the page (serialised by Playwright, so it refers to nothing outside
 * itself): renders `card` with the host config into #frame, with the small Markdown
 * subset Teams supports in TextBlocks (bold, italic, links, "- " lists).
 */
export function renderInPage(args: { card: unknown; hostConfig: unknown }): RenderResult {
  interface Element {
    innerHTML: string;
    textContent: string | null;
    title?: string;
    scrollWidth: number;
    clientWidth: number;
    appendChild(child: Element): void;
    getBoundingClientRect(): { height: number; width: number };
    querySelectorAll(selector: string): ArrayLike<Element>;
  }
  interface PageGlobals {
    document: { getElementById(id: string): Element | null };
    AdaptiveCards: {
      AdaptiveCard: (new () => {
        hostConfig: unknown;
        parse(json: unknown, context: unknown): void;
        render(): Element | undefined;
      }) & { onProcessMarkdown?: (text: string, result: { outputHtml?: string; didProcess: boolean }) => void };
      HostConfig: new (json: unknown) => unknown;
      SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
    };
  }
  const page = globalThis as unknown as PageGlobals;
  const AC = page.AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const inline = (line: string): string =>
      line
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
    const lines = escaped.split('\n');
    const items = lines.filter((l) => /^\s*[-*] /.test(l));
    result.outputHtml =
      items.length === lines.length
        ? `<ul>${items.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`
        : `<p>${lines.map(inline).join('<br>')}</p>`;
    result.didProcess = true;
  };
  const frame = page.document.getElementById('frame');
  if (!frame) return { problems: ['no #frame in the page'], height: 0, truncatedButtons: [] };
  frame.innerHTML = '';
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(args.hostConfig);
  const context = new AC.SerializationContext();
  card.parse(args.card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const element = card.render();
  if (!element) return { problems: [...problems, 'the renderer returned nothing'], height: 0, truncatedButtons: [] };
  frame.appendChild(element);
  // A label cut short shows as "Send to me...": its text is wider than the button (or
  // than the label's own box inside it). Buttons hidden until a toggle are not measured.
  const truncatedButtons: string[] = [];
  for (const button of Array.from(element.querySelectorAll('.ac-pushButton'))) {
    if (button.getBoundingClientRect().width === 0) continue;
    const boxes = [button, ...Array.from(button.querySelectorAll('*'))];
    if (boxes.some((box) => box.scrollWidth > box.clientWidth + 1)) truncatedButtons.push((button.textContent ?? '').trim() || (button.title ?? ''));
  }
  return { problems, height: element.getBoundingClientRect().height, truncatedButtons };
}
