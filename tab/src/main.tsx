import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { type ReactNode, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetch, useHost } from './api';
import { App } from './app';
import { Picker } from './picker';
import { connect, type Host, type ThemeName } from './teams';

/** The Teams themes, so the tab looks like the Teams around it, in default, dark and high contrast. */
const THEMES: Record<ThemeName, Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

function Root({ host }: { host: Host }): ReactNode {
  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const content = host.frame === 'settings' ? <ChannelSetup host={host} /> : !host.inTeams && !host.localUser ? <Picker /> : <App />;
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      {content}
    </FluentProvider>
  );
}

/** Adding the tab to a channel: nothing to choose, the same pages open; Teams is told where. */
function ChannelSetup({ host }: { host: Host }): ReactNode {
  useEffect(() => {
    if (!host.inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      const url = `${window.location.origin}/tab/?context=channel`;
      void pages.config.setConfig({ contentUrl: url, websiteUrl: url, entityId: 'nlc-workspace', suggestedDisplayName: 'NLC workspace' }).then(() => save.notifySuccess());
    });
    void pages.config.setValidityState(true);
  }, [host]);
  return (
    <main style={{ padding: 16 }}>
      <h1>NLC workspace</h1>
      <p>Adds the NLC workspace to this channel. Each person sees what they may: organisers the programme, leads their task groups, everyone else their own events.</p>
    </main>
  );
}

void connect().then((host) => {
  useHost(host);
  // Who is asking and the programme (the page most people open on) start loading at once, beside React.
  if (host.frame !== 'settings' && (host.inTeams || host.localUser)) {
    prefetch('me');
    if (['', '#programme'].includes(window.location.hash)) prefetch('programme?when=upcoming');
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root host={host} />
    </StrictMode>,
  );
});
