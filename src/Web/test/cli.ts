import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real `harmony` CLI: the built harmony.dll named by HARMONY_CLI_DLL (set by tests/Web.Tests), or else
 * `dotnet run --project src/Cli` (slower, for running vitest by hand).
 */
export function harmony(args: string[], stdin: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const dll = process.env.HARMONY_CLI_DLL;
  const project = fileURLToPath(new URL('../../Cli/Cli.csproj', import.meta.url));
  const argv = dll ? [dll, ...args] : ['run', '--project', project, '--', ...args];
  const r = spawnSync('dotnet', argv, { input: stdin, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}
