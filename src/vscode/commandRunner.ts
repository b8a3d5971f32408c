// One way to register a command: a message the user can act on is shown as a warning,
// anything else is logged with its stack and shown as an error; never an unhandled rejection.
import * as vscode from 'vscode';

/** A message for the user, not a bug: shown as a warning, not logged as an error. */
export class UserError extends Error {}

export function registerCommand<A extends unknown[], R>(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  id: string,
  run: (...args: A) => R | Promise<R>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (e) {
        if (e instanceof UserError) {
          void vscode.window.showWarningMessage(e.message);
        } else {
          output.error(`${id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          void vscode.window.showErrorMessage(vscode.l10n.t('Justera: the command failed: {0}', e instanceof Error ? e.message : String(e)));
        }
        return undefined;
      }
    }),
  );
}
