import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { postJson } from '../api';
import { Problem } from '../components/load';

/** Sending is two steps, as on the card: a draft that counts the audience, then a confirmation (confirming twice sends once). */
export function ConfirmSend({ body, disabled, sent }: { body: unknown; disabled: boolean; sent: () => void }): ReactNode {
  const [draft, setDraft] = useState<{ id: string; recipients: number; audienceText: string }>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const step = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && !draft ? <Problem error={error} /> : null}
      <div>
        <Button appearance="primary" disabled={disabled || busy} onClick={() => void step(async () => setDraft(await postJson('broadcasts', body)))}>Send…</Button>
      </div>
      <Dialog open={draft !== undefined} onOpenChange={(_, d) => !d.open && setDraft(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Send it now?</DialogTitle>
            <DialogContent>
              {error ? <Problem error={error} /> : null}
              It goes to {draft?.audienceText}: {draft?.recipients} {draft?.recipients === 1 ? 'chat' : 'chats'}.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setDraft(undefined)}>Not yet</Button>
              <Button appearance="primary" disabled={busy} onClick={() => void step(async () => { await postJson(`broadcasts/${draft!.id}/confirm`); setDraft(undefined); sent(); })}>
                Send
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
