/**
 * The contract the seed's VendorHandler implements. A class rather than an interface because the
 * sample code imports it as a value (`import { ICtiVendorHandler } from './ICtiVendorHandler'`).
 */
export abstract class ICtiVendorHandler {
  abstract makeAgentAvailable(): Promise<void>;
  abstract makeAgentUnavailable(): Promise<void>;
  abstract makeOutboundCall(phoneNumber: string, eventId: string): Promise<void>;
  abstract acceptCall(): Promise<void>;
  abstract rejectCall(): Promise<void>;
  abstract hangupCall(): Promise<void>;
}
