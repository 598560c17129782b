import { parseArgs } from 'node:util';
import { DEMO_SIMULATOR_CONFIG } from '@ctikit/contact-center';
import { createBridge } from './bridge.ts';
import { EXIT, UsageError, runSim, simUsage } from './cli-sim.ts';
import type { CommandOutcome } from './cli-sim.ts';
import { loadBridgeConfig, loadSimServiceConfig } from './config-sources.ts';
import { createSimService } from './simulator/sim-service.ts';

/**
 * The `ctikit` command: `start` runs the bridge; `sim …` drives a running bridge's simulator.
 * Exit codes: 0 done, 1 the request failed, 2 usage or configuration error, 3 the bridge cannot
 * be reached or cannot listen.
 */

const USAGE = `Usage:
  ctikit start [--config ctikit.config.yaml|json] [--port 8087] [--host 127.0.0.1] [--mode dev|production]
               [--sim-config simulator.yaml] [--log-level info]
  ctikit sim serve [--port 8090] [--host 127.0.0.1] [--sim-config simulator.yaml] [--log-level info]
               (the contact-center simulator as its own service, on the Workspace API; needs
                CTIKIT_WORKSPACE_API_KEY and CTIKIT_WORKSPACE_TOKENS=token=agentId,…)
${simUsage()}

  sim options: --url <bridge URL> (default $CTIKIT_URL or http://127.0.0.1:8087), --token <bearer token>
               (default $CTIKIT_TOKEN), --json (print the raw answer)
  ctikit help

Settings, their environment variables and the config file are described in docs/protocol.md.`;

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      mode: { type: 'string' },
      'sim-config': { type: 'string' },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  let bridge;
  try {
    const options = await loadBridgeConfig({
      config: values.config,
      port: values.port,
      host: values.host,
      mode: values.mode,
      simConfig: values['sim-config'],
      logLevel: values['log-level'],
    });
    // With no contact center named, the demo's: the embedded simulator with timed after-call work.
    bridge = createBridge(
      options.backend === undefined && options.simulatorConfig === undefined ? { ...options, simulatorConfig: DEMO_SIMULATOR_CONFIG } : options,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return EXIT.usage;
  }
  try {
    const url = await bridge.listen();
    console.log(`ctikit bridge listening on ${url} (${bridge.options.mode} mode)`);
    if (bridge.simulator) console.log(`demo: ${url}/ (Genesys) · ${url}/?vendor=amazon (Amazon Connect, simulated CCP at ${url}/ccp/)`);
    if (bridge.extensionsUrl !== undefined) console.log(`web extensions (second origin) on ${bridge.extensionsUrl}`);
  } catch (error) {
    console.error(`Cannot listen: ${error instanceof Error ? error.message : String(error)}`);
    await bridge.close();
    return EXIT.unavailable;
  }
  await stopSignal();
  await bridge.drain();
  return EXIT.ok;
}

/** Resolves on SIGINT or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function serveSim(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'sim-config': { type: 'string' }, 'log-level': { type: 'string' } },
    strict: true,
  });
  let service;
  try {
    service = createSimService(
      await loadSimServiceConfig({ port: values.port ?? '8090', host: values.host, simConfig: values['sim-config'], logLevel: values['log-level'] }),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return EXIT.usage;
  }
  try {
    const url = await service.listen();
    console.log(`ctikit contact-center simulator listening on ${url} (Workspace API ${url}/workspace/v3, control API ${url}/sim)`);
  } catch (error) {
    console.error(`Cannot listen: ${error instanceof Error ? error.message : String(error)}`);
    await service.close();
    return EXIT.unavailable;
  }
  await stopSignal();
  await service.close();
  return EXIT.ok;
}

async function sim(args: string[]): Promise<number> {
  if (args[0] === 'serve') return serveSim(args.slice(1));
  const outcome: CommandOutcome = await runSim(args);
  if (outcome.stdout !== undefined) console.log(outcome.stdout);
  if (outcome.stderr !== undefined) console.error(outcome.stderr);
  return outcome.code;
}

async function help(): Promise<number> {
  console.log(USAGE);
  return EXIT.ok;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { start, sim, help, '--help': help, '-h': help };

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? 'no command given' : `unknown command "${name}"`);
    return await command(args);
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    if (!usage) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
}

process.exitCode = await main(process.argv.slice(2));
