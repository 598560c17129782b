/* eslint-disable -- the seed's sample code (/work/shared/seeds/000), verbatim: it must run unmodified against the bridge. */
import { ICtiVendorHandler } from './ICtiVendorHandler';
import { IntegrationEventsHandler } from '../integrationEventsHandler';

export class VendorHandler implements ICtiVendorHandler {
  public static connectionId: string;
  private static REST_ENDPOINT_URL: string = 'http://localhost:8087/genesys/events';
  private static WS_ENDPOINT_URL: string = 'ws://localhost:8087/genesysWs';
  private integrationEventsHandler: IntegrationEventsHandler;

  constructor(integrationEventsHandler: IntegrationEventsHandler) {
    this.integrationEventsHandler = integrationEventsHandler;
  }

  public async webSocketOnOpenHandler(): Promise<void> {
    console.log('WebSocket opened');
    const headers: Headers = new Headers() as Headers;
    headers.set('Content-type', 'application/json');
    const message: any = {
      type: 'initialize',
    };
    const request: Request = new Request(`${VendorHandler.REST_ENDPOINT_URL}`, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(message),
    }) as Request;
    await fetch(request);
  }
  public webSocketErrorHandler(error: any): void {
    console.log('WebSocket error', error);
  }
  public webSocketCloseHandler(event: Event): void {
    console.log('WebSocket is closed', event);
  }

  public webSocketOnMessage(event: MessageEvent): void {
    const jsonMessage = JSON.parse(event.data);
    console.log(jsonMessage);
    if (jsonMessage.eventName === 'EventRegistered') {
      // Genesys notifies that the agent is ready
      this.integrationEventsHandler.makeAgentAvailable();
    } else if (jsonMessage.eventName === 'EventRinging') {
      // Show incoming call notification
      this.integrationEventsHandler.incomingCallHandler(jsonMessage.ANI, jsonMessage.eventId);
      VendorHandler.connectionId = jsonMessage.connectionId;
    } else if (jsonMessage.eventName === 'EventEstablished') {
      // Genesys notifies that the call is accepted
      this.integrationEventsHandler.callAcceptedHandler(jsonMessage.eventId);
      VendorHandler.connectionId = jsonMessage.connectionId;
    } else if (jsonMessage.eventName === 'EventReleased') {
      // Genesys notifies that the call is disconnected
    }
    console.log('Message is received');
  }
  public async makeAgentAvailable(): Promise<void> {
    let webSocket: WebSocket = new WebSocket(`${VendorHandler.WS_ENDPOINT_URL}`);
    webSocket.onopen = this.webSocketOnOpenHandler.bind(this);
    webSocket.onmessage = this.webSocketOnMessage.bind(this);
    webSocket.onclose = this.webSocketCloseHandler.bind(this);
    webSocket.onerror = this.webSocketErrorHandler.bind(this);
  }

  public async makeAgentUnavailable(): Promise<void> {
    // TODO: call the vendor specific api to make the agent available
  }
  public async makeOutboundCall(phoneNumber: string, eventId: string): Promise<void> {
    // TODO: call the vendor specific api to make the make an outbound call
  }
  public async acceptCall(): Promise<void> {
    const headers: Headers = new Headers() as Headers;
    headers.set('Content-type', 'application/json');
    const message: any = {
      type: 'Accept',
      connectionId: VendorHandler.connectionId,
    };
    const request: Request = new Request(`${VendorHandler.REST_ENDPOINT_URL}`, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(message),
    }) as Request;
    await fetch(request);
  }
  public async rejectCall(): Promise<void> {
    // TODO: call the vendor specific api to reject a call
  }
  public async hangupCall(): Promise<void> {
    // TODO: call the vendor specific api to hangup a call
  }
}
