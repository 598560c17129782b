import * as z from 'zod/mini';
import type { ErrorData, Payload, PublishResultMessage, TokenRecord, TokenValue } from '../wire/uef-message.ts';
import { tokenRecordSchema } from '../wire/uef-message.ts';

/**
 * What `publish()` settles to (uef.md §3, §5). It resolves with an operation response whose
 * `getResponseData()` has the getters of that operation, and rejects with an IErrorData
 * (`getStatus`/`getMessage`/`getErrorDetails`), which is also an `Error` so `catch (e) { e.message }` works.
 */

/** IErrorData. */
export class UefErrorData extends Error {
  readonly #status: string;
  readonly #details: Payload;

  constructor(error: ErrorData) {
    super(error.message);
    this.name = 'UefErrorData';
    this.#status = error.status;
    this.#details = error.details ?? {};
  }

  getStatus(): string {
    return this.#status;
  }
  getMessage(): string {
    return this.message;
  }
  getErrorDetails(): Payload {
    return this.#details;
  }
}

/** Tokens every out-data accessor has a getter for, present or not (uef.md §4.3, §5). */
const KNOWN_TOKENS = [
  'SVCMCA_ANI',
  'SVCMCA_COMMUNICATION_DIRECTION',
  'SVCMCA_CONTACT_ID',
  'SVCMCA_CONTACT_NUMBER',
  'SVCMCA_CONTACT_NAME',
  'SVCMCA_CONTACT_FIRST_NAME',
  'SVCMCA_CONTACT_LAST_NAME',
  'SVCMCA_CONTACT_JOB_TITLE',
  'SVCMCA_DISPLAY_NAME',
  'SVCMCA_EMAIL',
  'SVCMCA_CONTACT_PRIMARY_PHONE',
  'SVCMCA_CONTACT_ORG_ID',
  'SVCMCA_CONTACT_PRIM_ORG_NAME',
  'SVCMCA_ORG_ID',
  'SVCMCA_SR_ID',
  'SVCMCA_SR_NUM',
  'SVCMCA_SR_TITLE',
  'SVCMCA_INTERACTION_ID',
  'SVCMCA_INTERACTION_REF_OBJ_ID',
  'SVCMCA_INTERACTION_REF_OBJ_TYPE',
  'SVCMCA_CALL_ID',
  'SVCMCA_CHANNEL_ID',
  'SVCMCA_UI_TYPE_CD',
  'SVCMCA_WRAPUP_ID',
  'SVCMCA_OFFER_TIMEOUT_SEC',
  'SVCMCA_WRAPUP_TIMEOUT',
];

/** IMcaOutDataResponse: `getValueByAttribute(attr)` and a `get<TOKEN>()` getter per token. */
export type OutDataAccessor = {
  getValueByAttribute(attribute: string): TokenValue | undefined;
} & { readonly [getter: `get${string}`]: () => TokenValue | undefined };

export function outDataAccessor(outData: TokenRecord): OutDataAccessor {
  const keys = new Set([...KNOWN_TOKENS, ...Object.keys(outData)]);
  const getters = Object.fromEntries([...keys].map((key) => [`get${key.charAt(0).toUpperCase()}${key.slice(1)}`, () => outData[key]]));
  return { ...getters, getValueByAttribute: (attribute: string) => outData[attribute] } as OutDataAccessor;
}

/** The outData of a payload, or an empty record when it has none that parses. */
export function outDataOf(data: Payload): TokenRecord {
  const parsed = tokenRecordSchema.safeParse(data.outData);
  return parsed.success ? parsed.data : {};
}

/** Base of every response data: agentState, disableFeature, readyForOperation, outboundCommError. */
export class ActionResponseData {
  constructor(protected readonly data: Payload) {}

  getData(): Payload {
    return this.data;
  }
  isSuccess(): boolean {
    return this.data.result === 'success';
  }
  getError(): ErrorData | null {
    return null;
  }
}

/** newComm / startComm / closeComm: the outData carried through the interaction. */
export class CommEventResponseData extends ActionResponseData {
  getOutData(): TokenRecord {
    return outDataOf(this.data);
  }
  getOutputData(): OutDataAccessor {
    return outDataAccessor(outDataOf(this.data));
  }
}

const configurationSchema = z.object({
  agentId: z.string(),
  agentPartyId: z.string(),
  features: z.array(z.string()),
  companionPanelUrl: z.optional(z.string()),
  companionPanelTitle: z.optional(z.string()),
  faTrustToken: z.optional(z.string()),
});

/** IMCAGetConfiguration. */
export class McaConfiguration {
  constructor(private readonly configuration: z.infer<typeof configurationSchema> | undefined) {}

  getAgentId(): string {
    return this.configuration?.agentId ?? '';
  }
  getAgentPartyId(): string {
    return this.configuration?.agentPartyId ?? '';
  }
  getFeatures(): string[] {
    return [...(this.configuration?.features ?? [])];
  }
  getCompanionPanelUrl(): string {
    return this.configuration?.companionPanelUrl ?? '';
  }
  getCompanionPanelTitle(): string {
    return this.configuration?.companionPanelTitle ?? '';
  }
  getFaTrustToken(): string {
    return this.configuration?.faTrustToken ?? '';
  }
}

export class ConfigurationResponseData extends ActionResponseData {
  getConfiguration(): McaConfiguration {
    const parsed = configurationSchema.safeParse(this.data.configuration);
    return new McaConfiguration(parsed.success ? parsed.data : undefined);
  }
}

/** IMcaStartComActionData: the comm data, and the engagement Fusion opened. */
export class StartCommResponseData<Engagement> extends CommEventResponseData {
  constructor(
    data: Payload,
    private readonly engagement: Engagement,
  ) {
    super(data);
  }

  getEngagementContext(): Engagement {
    return this.engagement;
  }
}

/** IMcaCloseComActionData: the comm data with WrapupStartTime. */
export class CloseCommResponseData extends CommEventResponseData {}

const RESPONSE_DATA: Record<string, new (data: Payload) => ActionResponseData> = {
  newCommEvent: CommEventResponseData,
  startCommEvent: CommEventResponseData,
  closeCommEvent: CloseCommResponseData,
  getConfigurationOperation: ConfigurationResponseData,
};

/** The response data of a PHONE operation, without the engagement (startCommEvent's is made by the PHONE context). */
export function phoneResponseData(method: string, data: Payload): ActionResponseData {
  const Data = RESPONSE_DATA[method] ?? ActionResponseData;
  return new Data(data);
}

/** IOperationResponse. */
export class OperationResponse<Context = unknown, Data extends ActionResponseData = ActionResponseData> {
  constructor(
    private readonly result: PublishResultMessage,
    private readonly context: Context,
    private readonly data: Data,
  ) {}

  getResponseData(): Data {
    return this.data;
  }
  getOperationName(): string {
    return this.result.method;
  }
  getContext(): Context {
    return this.context;
  }
}
