import { describe, expect, it } from 'vitest';
import { readPageConfig } from '../src/fusion/page-config.ts';

describe('demo page parameters', () => {
  it('frames /toolbar/ on the same origin by default, with the host origin and toolbar name in the frame URL', () => {
    const page = readPageConfig('http://localhost:8087/');
    expect(page.toolbarFrameUrl).toBe('http://localhost:8087/toolbar/?oraParentFrame=http%3A%2F%2Flocalhost%3A8087&oraTbName=ctikit');
    expect(page.toolbarOrigin).toBe('http://localhost:8087');
    expect(page.fusion).toMatchObject({ appClassification: 'ORA_SERVICE', agentId: 'agent1' });
    expect(page.showPhone).toBe(true);
  });

  it('frames another toolbar URL, keeping its own query, and takes the Fusion settings', () => {
    const toolbar = encodeURIComponent('http://127.0.0.1:5173/app/?debug=1');
    const page = readPageConfig(`https://fusion.example/?toolbar=${toolbar}&appClassification=ORA_SALES&agentId=agent2&tbName=tb_1&phone=0`);
    expect(page.toolbarFrameUrl).toBe('http://127.0.0.1:5173/app/?debug=1&oraParentFrame=https%3A%2F%2Ffusion.example&oraTbName=tb_1&agentId=agent2');
    expect(page.toolbarOrigin).toBe('http://127.0.0.1:5173');
    expect(page.fusion).toMatchObject({ appClassification: 'ORA_SALES', agentId: 'agent2', faTrustToken: 'simulated-fa-trust-token.agent2' });
    expect(page.user).toBe('agent2');
    expect(page.showPhone).toBe(false);
  });

  it('names the signed-in Fusion user a signed trust token carries, the agent id unless the page says another', () => {
    expect(readPageConfig('http://localhost:8087/?agentId=agent3&user=JANE.DOE').user).toBe('JANE.DOE');
    expect(() => readPageConfig('http://localhost:8087/?user=a%20b')).toThrow('user');
  });

  it('runs the framed toolbar on the vendor the page names (the Amazon Connect demo)', () => {
    const page = readPageConfig('http://localhost:8087/?vendor=amazon');
    expect(new URL(page.toolbarFrameUrl).searchParams.get('vendor')).toBe('amazon');
    expect(() => readPageConfig('http://localhost:8087/?vendor=avaya')).toThrow('vendor');
  });

  it("hands the toolbar the page's agent and language, checked, and nothing else of its URL", () => {
    const page = readPageConfig('http://localhost:8087/?agentId=agent2&locale=ja&credentials=url&token=abcdefghijklmnopq&bridgeUrl=https%3A%2F%2Fevil.example');
    expect([...new URL(page.toolbarFrameUrl).searchParams.keys()]).toEqual(['oraParentFrame', 'oraTbName', 'agentId', 'locale']);
    expect(new URL(page.toolbarFrameUrl).searchParams.get('locale')).toBe('ja');
    expect(() => readPageConfig('http://localhost:8087/?locale=fr')).toThrow('locale');
  });

  it('refuses a toolbar URL that is not http(s) and malformed settings', () => {
    expect(() => readPageConfig(`http://localhost/?toolbar=${encodeURIComponent('javascript:alert(1)')}`)).toThrow('http(s)');
    expect(() => readPageConfig('http://localhost/?agentId=a%20b')).toThrow('agentId');
    expect(() => readPageConfig('http://localhost/?phone=yes')).toThrow('phone');
  });
});
