import type { CommandHelp } from '../cards/welcome';
import { systemClock } from '../bot/clock';
import { organisersFrom } from '../bot/domain/organisers';
import { silentLogger } from '../bot/log';
import { type AppDeps, createApp } from '../bot/teams/app';

/**
 * The commands the bot really has, read from the same route modules the help card
 * lists, so the manifest's command menu follows every route a feature adds.
 *
 * Building the app only creates its routes; no turn runs. The stores and any other
 * dependency a feature adds are stand-ins that fail loudly if anything does touch them,
 * so this keeps working as features add dependencies to AppDeps.
 */
export function botCommands(): CommandHelp[] {
  const known: Partial<AppDeps> = {
    bot: { appType: 'MultiTenant' },
    clock: systemClock,
    log: silentLogger,
    organisers: organisersFrom([]),
    // Settings the app reads while it is put together (not dependencies it calls).
    graph: { install: false, endpoint: 'https://graph.microsoft.com' },
    maxRps: 50,
  };
  const deps = new Proxy(known, {
    get: (target, key) => (typeof key === 'string' && key in target ? target[key as keyof AppDeps] : untouchable(String(key))),
  }) as AppDeps;
  return createApp(deps).commands.map(({ name, description }) => ({ name, description }));
}

const untouchable = (name: string): object =>
  new Proxy(
    {},
    {
      get: (_target, key) => {
        throw new Error(`listing the bot's commands used ${name}.${String(key)}: route set-up must not call its dependencies`);
      },
    },
  );
