import { expect, type APIRequestContext } from '@playwright/test';
import { E2E_BRIDGE_URL } from '../../support/environment.ts';
import type { SimControl } from '../../support/sim-control.ts';

/** The customer's side of a call, through the simulator's control API (docs/simulator-control.md). */
export class Customer {
  constructor(
    private readonly request: APIRequestContext,
    private readonly sim: SimControl,
  ) {}

  /** The simulator's call this number is on. */
  async call(number: string) {
    const call = (await this.sim.calls()).find((candidate) => candidate.parties.some((party) => party.dn === number));
    if (!call) throw new Error(`no call with ${number}`);
    return call;
  }

  /** The number answers the call the agent placed to it. */
  async answers(number: string): Promise<void> {
    await this.post(`/sim/calls/${(await this.call(number)).connectionId}/answer`);
  }

  async hangsUp(number: string): Promise<void> {
    await this.post(`/sim/calls/${(await this.call(number)).connectionId}/hangup`);
  }

  /** A customer calls, with the user data the routing attached. */
  async calls(from: string, to: string, userData: Record<string, string> = {}): Promise<void> {
    const response = await this.request.post(`${E2E_BRIDGE_URL}/sim/calls`, { data: { from, to, userData } });
    expect(response.ok(), await response.text()).toBe(true);
  }

  private async post(path: string): Promise<void> {
    const response = await this.request.post(`${E2E_BRIDGE_URL}${path}`);
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  }
}
