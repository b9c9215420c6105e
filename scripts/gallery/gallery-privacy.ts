import { emptyCounts } from '../../bot/domain/privacy/privacy';
import { renderForgetChoiceCard, renderForgetDoneCard, renderForgetPreviewCard } from '../../cards/forget';
import type { GalleryEntry } from './entry';

const HELD = { ...emptyCounts(), rsvps: 3, bookings: 1, memberships: 2, contributions: 1, conversations: 1, deliveries: 4 };
const ME = { userId: '6f1c2b1e-3c1a-4d2e-9b8f-1a2b3c4d5e6f', name: 'Alex Example' };

/** The "forget me" cards (privacy), kept beside gallery.ts as workshops and broadcasts are. */
export const privacyGallery: GalleryEntry[] = [
  {
    name: 'forget-me-preview',
    template: 'forget.json',
    description: '"forget me": what the bot holds about the person, before anything is deleted.',
    render: () => renderForgetPreviewCard({ person: ME, self: true, held: HELD }),
  },
  {
    name: 'forget-me-done',
    template: 'forget.json',
    description: 'After "Delete my data": what was removed.',
    render: () => renderForgetDoneCard({ person: ME, self: true, removed: HELD, promoted: [] }),
  },
  {
    name: 'forget-person-choice',
    template: 'forget.json',
    description: 'An organiser\'s "forget person" found two people with the same name.',
    render: () =>
      renderForgetChoiceCard('Alex Example', [
        { person: ME, self: false, held: HELD },
        { person: { userId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Alex Example' }, self: false, held: { ...emptyCounts(), rsvps: 1 } },
      ]),
  },
];
