/**
 * The optional native backend: `@tensorflow/tfjs-node` installed with npm into the extension's
 * global storage (the worker finds it through NODE_PATH). Its install step downloads libtensorflow
 * from outside the npm registry, which fails on machines without that access: say so plainly.
 */
import {spawn} from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type {BackendInfo} from '../protocol/messages';
import type {Ctx} from './context';
import {describeInstall, InstallOutcome, NATIVE_PACKAGE} from './native-install-outcome';


let offeredThisSession = false;

/** After a training on a portable backend, offers the native one (once per session, until "Don't Ask Again"). */
export async function offerNativeBackend(ctx: Ctx, backend: BackendInfo): Promise<void> {
  if (backend.name === 'tensorflow' || offeredThisSession || !ctx.config.offerNativeBackend) return;
  offeredThisSession = true;
  const install = 'Install Native Backend';
  const never = "Don't Ask Again";
  const choice = await vscode.window.showInformationMessage(
    `Training ran on ${backend.description}. The native TensorFlow backend is several times faster: install it?`, install, never);
  if (choice === install) await vscode.commands.executeCommand('kerasWorkbench.installNativeBackend');
  if (choice === never) await ctx.config.stopOfferingNativeBackend();
}

export function installNativeBackend(ctx: Ctx) {
  return async (): Promise<InstallOutcome> => {
    const dir = ctx.nativeBackendDir();
    fs.mkdirSync(dir, {recursive: true});
    const manifest = `${dir}/package.json`;
    if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({private: true, description: 'Keras Workbench native backend'}, null, 2));
    const output: string[] = [];
    const code = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: `Installing ${NATIVE_PACKAGE}`,
      cancellable: true,
    }, (progress, token) => new Promise<number | 'missing-npm' | 'cancelled'>((resolve) => {
      ctx.log.info(`npm install ${NATIVE_PACKAGE} in ${dir}`);
      const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm',
        ['install', '--no-audit', '--no-fund', '--omit=dev', '--foreground-scripts', NATIVE_PACKAGE],
        {cwd: dir, env: {...process.env, npm_config_update_notifier: 'false'}});
      const onData = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split(/\r?\n/).filter(Boolean)) {
          output.push(line);
          ctx.log.info(`npm: ${line}`);
          progress.report({message: line.slice(0, 80)});
        }
      };
      npm.stdout.on('data', onData);
      npm.stderr.on('data', onData);
      token.onCancellationRequested(() => npm.kill());
      npm.on('error', () => resolve('missing-npm'));
      npm.on('close', (status) => resolve(token.isCancellationRequested ? 'cancelled' : status ?? 1));
    }));
    const outcome = describeInstall(code, output, dir);
    if (outcome.ok) {
      ctx.log.info(outcome.message);
      await ctx.client.stop();
      const info = await ctx.client.backend().catch(() => undefined);
      outcome.message = info?.name === 'tensorflow' ? `${outcome.message} The worker now runs on ${info.description}.`
        : `${outcome.message} The package installed but the worker still runs on ${info?.description ?? 'another backend'}: see the log.`;
      void vscode.window.showInformationMessage(outcome.message);
    } else if (code !== 'cancelled') {
      ctx.showError(outcome.message);
    }
    return outcome;
  };
}
