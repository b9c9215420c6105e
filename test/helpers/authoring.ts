import type { TestBot } from './bot';
import { actionData, click, command } from './broadcasts';
import type { StandInConnector } from './connector';

/** Every input on a card with the value it shows, as Teams would submit it untouched. */
export function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: unknown; id?: unknown; value?: unknown };
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string') {
      values[element.id] = typeof element.value === 'string' || typeof element.value === 'number' ? String(element.value) : '';
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(card);
  return values;
}

/** The problem shown under an input of a form card (each field is a container: the input, then its problem), if any. */
export function problemBeside(card: Record<string, unknown>, inputId: string): string | undefined {
  const containers = card.body as { items?: { id?: string; text?: string; type?: string }[] }[];
  const items = containers.find((c) => c.items?.some((i) => i.id === inputId))?.items ?? [];
  return items.find((i) => i.type === 'TextBlock')?.text;
}

/**
 * The organiser opens "edit <id>", changes some inputs and presses Save, as in Teams:
 * the submission carries every input of the form (changed or not) and the button's data.
 */
export async function editAndSave(bot: TestBot, connector: StandInConnector, id: string, changes: Record<string, string>) {
  const form = await command(bot, connector, `edit ${id}`);
  return click(bot, connector, 'author.save', { ...inputValues(form), ...changes, ...actionData(form, 'author.save') });
}

/** "new <kind>", filled in and submitted. */
export async function createWithForm(bot: TestBot, connector: StandInConnector, kind: string, values: Record<string, string>) {
  const form = await command(bot, connector, `new ${kind}`);
  return click(bot, connector, 'author.save', { ...inputValues(form), ...values, ...actionData(form, 'author.save') });
}
