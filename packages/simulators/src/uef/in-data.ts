import type { TokenRecord, TokenValue } from '../wire/uef-message.ts';

/**
 * The inData builders that `getInData()` returns on the comm-event requests (uef.md §2): a generic
 * `setInDataValueByAttribute` plus one typed setter per documented token. Every setter writes into the
 * request's own inData record, the one `setInputData` also fills.
 */

/** IMcaInDataRequest: call, routing, companion-panel and token setters, with the inData key each writes. */
const IN_DATA_SETTERS = {
  setCallDestination: 'callDestination',
  setCallDirection: 'callDirection',
  setCallSource: 'callSource',
  setCallStatus: 'callStatus',
  setAppClassification: 'appClassification',
  setLookupObject: 'lookupObject',
  setNotificationType: 'notificationType',
  setChannelType: 'channelType',
  setChannel: 'channel',
  setPhoneLineId: 'phoneLineId',
  setChatTestMode: 'chatTestMode',
  setComPanelMsg1: 'comPanelMsg1',
  setComPanelMsg2: 'comPanelMsg2',
  setComPanelQName1: 'comPanelQName1',
  setComPanelQName2: 'comPanelQName2',
  setComPanelQName3: 'comPanelQName3',
  setAverageWaitTime: 'averageWaitTime',
  setNumberOfCalls: 'numberOfCalls',
  setAgentMsg2ComPanel: 'agentMsg2ComPanel',
  setSVCMCA_ANI: 'SVCMCA_ANI',
  setSVCMCA_WRAPUP_TIMEOUT: 'SVCMCA_WRAPUP_TIMEOUT',
  setSVCMCA_OFFER_TIMEOUT_SEC: 'SVCMCA_OFFER_TIMEOUT_SEC',
  setSVCMCA_COMMUNICATION_DIRECTION: 'SVCMCA_COMMUNICATION_DIRECTION',
  setSVCMCA_SR_NUM: 'SVCMCA_SR_NUM',
} as const;

/** IMcaStartCommInDataRequest adds the reverse-lookup tokens. */
const START_COMM_SETTERS = {
  ...IN_DATA_SETTERS,
  setSVCMCA_EMAIL: 'SVCMCA_EMAIL',
  setSVCMCA_CONTACT_NAME: 'SVCMCA_CONTACT_NAME',
  setSVCMCA_DISPLAY_NAME: 'SVCMCA_DISPLAY_NAME',
  setSVCMCA_CONTACT_FIRST_NAME: 'SVCMCA_CONTACT_FIRST_NAME',
  setSVCMCA_CONTACT_LAST_NAME: 'SVCMCA_CONTACT_LAST_NAME',
  setSVCMCA_SR_ID: 'SVCMCA_SR_ID',
  setChannelId: 'channelId',
  setSVCMCA_CONTACT_PRIMARY_PHONE: 'SVCMCA_CONTACT_PRIMARY_PHONE',
  setSVCMCA_INTERACTION_REF_OBJ_TYPE: 'SVCMCA_INTERACTION_REF_OBJ_TYPE',
  setSVCMCA_CONTACT_NUMBER: 'SVCMCA_CONTACT_NUMBER',
  setSVCMCA_CONTACT_ID: 'SVCMCA_CONTACT_ID',
  setSVCMCA_CONTACT_PRIM_ORG_NAME: 'SVCMCA_CONTACT_PRIM_ORG_NAME',
  setSVCMCA_INTERACTION_REF_OBJ_ID: 'SVCMCA_INTERACTION_REF_OBJ_ID',
  setSVCMCA_CONTACT_ORG_ID: 'SVCMCA_CONTACT_ORG_ID',
  setSVCMCA_INTERACTION_ID: 'SVCMCA_INTERACTION_ID',
} as const;

/** IMcaCloseCommInDataRequest adds the wrap-up tokens. */
const CLOSE_COMM_SETTERS = {
  ...START_COMM_SETTERS,
  setSVCMCA_UI_TYPE_CD: 'SVCMCA_UI_TYPE_CD',
  setSVCMCA_CHANNEL_ID: 'SVCMCA_CHANNEL_ID',
  setSVCMCA_SR_TITLE: 'SVCMCA_SR_TITLE',
  setSVCMCA_WRAPUP_ID: 'SVCMCA_WRAPUP_ID',
} as const;

type Setters<Table> = { readonly [Name in keyof Table]: (value: TokenValue) => void };

interface GenericInData {
  setInDataValueByAttribute(attribute: string, value: TokenValue): void;
}

export type McaInDataRequest = GenericInData & Setters<typeof IN_DATA_SETTERS>;
export type McaStartCommInDataRequest = GenericInData & Setters<typeof START_COMM_SETTERS>;
export type McaCloseCommInDataRequest = GenericInData & Setters<typeof CLOSE_COMM_SETTERS>;

function builder<Table extends Record<string, string>>(record: TokenRecord, table: Table): GenericInData & Setters<Table> {
  const setters = Object.fromEntries(
    Object.entries(table).map(([name, attribute]) => [name, (value: TokenValue) => void (record[attribute] = value)]),
  ) as Setters<Table>;
  return {
    ...setters,
    setInDataValueByAttribute(attribute: string, value: TokenValue) {
      record[attribute] = value;
    },
  };
}

export function inDataRequest(record: TokenRecord): McaInDataRequest {
  return builder(record, IN_DATA_SETTERS);
}

export function startCommInDataRequest(record: TokenRecord): McaStartCommInDataRequest {
  return builder(record, START_COMM_SETTERS);
}

export function closeCommInDataRequest(record: TokenRecord): McaCloseCommInDataRequest {
  return builder(record, CLOSE_COMM_SETTERS);
}
