import { z } from 'zod/v4';
import { renderImportPreviewCard } from '../../../cards/import-preview';
import { renderNoticeCard } from '../../../cards/notice';
import { plural } from '../../../cards/plural';
import { applyImport, previewImport } from '../../domain/authoring/import';
import { MAX_IMPORT_CHARS } from '../../domain/authoring/programme-file';
import type { AuthoringDeps } from '../../domain/authoring/ports';
import { assertOrganiser } from '../../domain/organisers';
import { downloadText, type FileDownloadPolicy } from '../files';
import { cardAction, type RouteModule } from './route';
import { IMPORT_APPLY, IMPORT_PREVIEW } from '../../../cards/verbs';

/** The programme text as the card's input sends it; the domain says kindly when it is too long. */
const importData = z.strictObject({ programme: z.string().max(MAX_IMPORT_CHARS * 4).optional() });

const READABLE = new Set(['csv', 'json', 'txt']);

/**
 * "import programme": paste a programme (CSV or JSON) into the card, or send the file in
 * the personal chat, and see what would be created, updated or skipped, and why, before
 * anything is saved. The text stays in the card to correct and preview again.
 */
export function programmeImportRoutes(deps: AuthoringDeps & { fileDownloads: FileDownloadPolicy }): RouteModule {
  return {
    commands: [
      {
        name: 'import programme',
        description: 'Organisers: create many sessions at once from a CSV or JSON programme (pasted, or sent as a file); preview first',
        aliases: ['import'],
        hidden: true,
        run: async (turn) => {
          await assertOrganiser(deps.organisers, turn.actor(), 'import a programme');
          await turn.reply(renderImportPreviewCard(undefined, ''));
        },
      },
    ],
    files: {
      run: async (turn, file) => {
        await assertOrganiser(deps.organisers, turn.actor(), 'import a programme');
        if (!READABLE.has(file.fileType)) {
          await turn.reply(
            renderNoticeCard({
              title: 'Please send the programme as CSV or JSON',
              message: `"${file.name.slice(0, 80)}" is a ${file.fileType || 'file'} file, which the bot cannot read.`,
              hint: 'In Excel: File > Save a copy > CSV UTF-8, then send that file.',
              tone: 'warning',
            }),
          );
          return;
        }
        // Room for multi-byte characters; the character limit is checked on the text.
        const text = await downloadText(file.downloadUrl, MAX_IMPORT_CHARS * 4, deps.fileDownloads);
        await turn.reply(renderImportPreviewCard(await previewImport(deps, turn.actor(), text), text));
      },
    },
    actions: [
      cardAction(IMPORT_PREVIEW, importData, async (turn, { programme = '' }) =>
        renderImportPreviewCard(await previewImport(deps, turn.actor(), programme), programme),
      ),
      cardAction(IMPORT_APPLY, importData, async (turn, { programme = '' }) => {
        const done = await applyImport(deps, turn.actor(), programme);
        const parts = [
          `${plural(done.created.length, 'session')} created`,
          `${done.updated.length} updated`,
          `${done.unchanged} already there`,
          `${done.skipped} not imported (problems)`,
        ];
        return renderNoticeCard({
          title: done.created.length + done.updated.length > 0 ? 'Programme imported' : 'Nothing new to import',
          message: `${parts.join(', ')}.${done.copies ? ` ${plural(done.copies, 'posted copy', 'posted copies')} will be updated.` : ''}`,
          tone: 'good',
          hint: 'Type "events" to see them. Importing the same file again changes nothing; a corrected row updates its session.',
        });
      }),
    ],
  };
}
