import { app, authentication } from '@microsoft/teams-js';

/**
 * Where the page runs: inside Teams (single sign-on token, Teams' theme) or in a browser
 * on the bot's machine in local mode (the person chosen with ?user=, the theme with
 * ?theme=). Teams tells the theme when it changes; the page follows.
 */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  theme: ThemeName;
  /** Local mode: the chosen person's Entra object id. */
  localUser?: string;
  /** Teams' frame: "content", or "settings" while a channel tab is being added. */
  frame?: string;
  /** Headers that say who is asking (a fresh token each time: Teams caches and renews it). */
  identify(): Promise<Record<string, string>>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
}

const asTheme = (value: string | null | undefined): ThemeName => (value === 'dark' || value === 'contrast' ? value : 'default');

/** Inside Teams when initialise succeeds within a few seconds; a page opened on its own has no host to answer. */
async function initialiseTeams(): Promise<boolean> {
  if (window.parent === window && !window.opener) return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 4000));
  return Promise.race([app.initialize().then(() => true, () => false), timeout]);
}

export async function connect(): Promise<Host> {
  const query = new URLSearchParams(window.location.search);
  if (await initialiseTeams()) {
    const context = await app.getContext();
    return {
      inTeams: true,
      theme: asTheme(context.app.theme),
      frame: context.page.frameContext,
      identify: async () => ({ authorization: `Bearer ${await authentication.getAuthToken()}` }),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
    };
  }
  const localUser = query.get('user') ?? undefined;
  return {
    inTeams: false,
    theme: asTheme(query.get('theme')),
    localUser,
    frame: query.get('view') === 'config' ? 'settings' : 'content',
    identify: () => Promise.resolve<Record<string, string>>(localUser ? { 'x-nlc-local-user': localUser } : {}),
    onThemeChange: () => undefined,
  };
}
