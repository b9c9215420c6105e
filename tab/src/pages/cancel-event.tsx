import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { postJson } from '../api';
import { Problem } from '../components/load';

/** Cancelling asks first, as the card does; the people who said Going are told by the bot. */
export function CancelEvent({ eventId, title, done }: { eventId: string; title: string; done: (text: string) => void }): ReactNode {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<Error>();
  const confirm = async (): Promise<void> => {
    try {
      const result = await postJson<{ notified?: number }>(`events/${encodeURIComponent(eventId)}/cancel`, { confirm: true });
      setOpen(false);
      done(`"${title}" is cancelled. ${result.notified ?? 0} people who were coming are being told.`);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>Cancel event</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Cancel "{title}"?</DialogTitle>
          <DialogContent>
            {error ? <Problem error={error} /> : null}
            Every posted card will show it as cancelled, and everyone coming is told in Teams. This cannot be undone.
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Keep it</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void confirm()}>Cancel the event</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
