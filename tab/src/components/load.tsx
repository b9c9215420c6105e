import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../api';

/** One GET, its answer, its error, and a way to load it again or replace it (after a change). */
export function useLoad<T>(path: string | undefined): { data?: T; error?: Error; reload: () => void; setData: (data: T) => void } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    getJson<T>(path).then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((data: T) => setState({ data }), []);
  return { ...state, reload, setData };
}

export function Problem({ error, title = 'That did not work' }: { error: Error; title?: string }): ReactNode {
  const hint = error instanceof ApiError ? error.body.hint : undefined;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        {hint ? ` ${hint}` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ text, intent = 'success' }: { text: string; intent?: 'success' | 'info' | 'warning' }): ReactNode {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** The page's content once loaded; a spinner before, the problem if it failed. */
export function Loaded<T>({ load, children }: { load: { data?: T; error?: Error }; children: (data: T) => ReactNode }): ReactNode {
  if (load.error) return <Problem error={load.error} title="This page could not be loaded" />;
  if (load.data === undefined) return <Spinner label="Loading…" />;
  return children(load.data);
}
