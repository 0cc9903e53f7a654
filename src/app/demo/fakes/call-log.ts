/** One request a fake API server answered, as the transcript shows it. */
export interface RecordedCall {
  system: 'slack' | 'jira' | 'intercom';
  /** `chat.postMessage`, `POST /rest/api/3/issue`, … */
  method: string;
  /** The scenario's (virtual) time when the call was made. */
  at: number;
  request: unknown;
  status: number;
  response: unknown;
}

/** Every call to the fake servers, in order. */
export class CallLog {
  readonly calls: RecordedCall[] = [];

  add(call: RecordedCall): void {
    this.calls.push(call);
  }

  of(system: RecordedCall['system'], method?: string): RecordedCall[] {
    return this.calls.filter((c) => c.system === system && (method === undefined || c.method === method));
  }
}
