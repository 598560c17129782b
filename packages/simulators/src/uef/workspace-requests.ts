import type { Payload } from '../wire/uef-message.ts';
import { OperationRequest, wireData } from './requests.ts';

/**
 * The request objects of the operations a toolbar publishes on Fusion's other contexts (uef.md §9),
 * each with the setters of Oracle's request interface named beside it. The host reads what they
 * carry through `wireData`.
 */

/** A request whose setters fill named fields of its wire data. */
class FieldsRequest extends OperationRequest {
  protected readonly fields: Payload = {};

  override [wireData](): Payload {
    return { ...super[wireData](), ...this.fields };
  }
}

/** IPopFlowInAppRequest, IPopFlowAppUIRequest and IPopFlowGenericRequest: PopOperation is one name for all three. */
export class PopFlowRequest extends FieldsRequest {
  setRecordType(recordType: string): void {
    this.fields.recordType = recordType;
  }
  setRecordId(recordId: string): void {
    this.fields.recordId = recordId;
  }
  setApplicationUIName(name: string): void {
    this.fields.applicationUIName = name;
  }
  setFlow(flow: string): void {
    this.fields.flow = flow;
  }
  setPage(page: string): void {
    this.fields.page = page;
  }
  setOpenPageInNewBrowserTab(value: boolean): void {
    this.fields.openPageInNewBrowserTab = value;
  }
  setInputParameters(parameters: Payload): void {
    this.fields.inputParameters = { ...parameters };
  }
}

/** IShowNotificationRequest. */
export class ShowNotificationRequest extends FieldsRequest {
  setIcon(icon: string): void {
    this.fields.icon = icon;
  }
  setTitle(title: string): void {
    this.fields.title = title;
  }
  setClosable(closable: boolean): void {
    this.fields.closable = closable;
  }
  setAutoTimeout(seconds: number): void {
    this.fields.autoTimeout = seconds;
  }
  setType(type: string): void {
    this.fields.type = type;
  }
  setSummary(summary: string): void {
    this.fields.summary = summary;
  }
  setActions(actions: Array<{ id: string; name: string }>): void {
    this.fields.actions = actions.map(({ id, name }) => ({ id, name }));
  }
}

/** IOpenModalWindowRequest / IOpenPopupWindowRequest. */
export class OpenWindowRequest extends FieldsRequest {
  setURL(url: string): void {
    this.fields.url = url;
  }
  setId(id: string): void {
    this.fields.id = id;
  }
  setTitle(title: string): void {
    this.fields.title = title;
  }
  setClosable(closable: boolean): void {
    this.fields.closable = closable;
  }
  setStyle(style: Payload): void {
    this.fields.style = { ...style };
  }
}

/** ICloseModalWindowRequest / IClosePopupWindowRequest. */
export class CloseWindowRequest extends FieldsRequest {
  setId(id: string): void {
    this.fields.id = id;
  }
}

/** IUpdateSidePaneRequest. */
export class UpdateSidePaneRequest extends FieldsRequest {
  setVisibility = (visibility: boolean): void => {
    this.fields.visibility = visibility;
  };
  setSectionId = (sectionId: string): void => {
    this.fields.sectionId = sectionId;
  };
  setIcon = (icon: string): void => {
    this.fields.icon = icon;
  };
}

/** IGetFieldValueOperationRequest. */
export class GetFieldValueRequest extends FieldsRequest {
  setFields = (fields: string[]): void => {
    this.fields.fields = [...fields];
  };
}

/** ISetFieldValueOperationRequest: `field().setValue(name, value)`. */
export class SetFieldValueRequest extends OperationRequest {
  readonly #values: Record<string, string> = {};

  field = () => ({
    setValue: (fieldName: string, value: unknown): void => {
      this.#values[fieldName] = String(value);
    },
  });

  override [wireData](): Payload {
    return { ...super[wireData](), values: { ...this.#values } };
  }
}

export const WORKSPACE_REQUEST_TYPES: Record<string, new (operationName: string) => OperationRequest> = {
  PopOperation: PopFlowRequest,
  ShowNotification: ShowNotificationRequest,
  OpenModal: OpenWindowRequest,
  OpenPopup: OpenWindowRequest,
  CloseModal: CloseWindowRequest,
  ClosePopup: CloseWindowRequest,
  UpdateSidePane: UpdateSidePaneRequest,
  cxEventBusGetFieldValueOperation: GetFieldValueRequest,
  cxEventBusSetFieldValueOperation: SetFieldValueRequest,
};
