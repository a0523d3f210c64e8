/**
 * Socket.IO event maps, shared by the server, the admin desk and the widget so that both ends
 * of every event agree on its payload at compile time.
 */

export interface HealthAck {
  status: 'ok';
  version: string;
}

/** Default namespace `/`: the only thing it does without credentials is answer a health ping. */
export interface RootClientToServerEvents {
  ping: (ack: (reply: HealthAck) => void) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RootServerToClientEvents {}

/** `/widget` (customers) — events arrive with the conversation engine. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WidgetClientToServerEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WidgetServerToClientEvents {}

/** `/agent` (agents in the admin panel) — events arrive with the conversation engine. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AgentClientToServerEvents {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AgentServerToClientEvents {}

/** The `data` of a refused connection's `connect_error`. */
export interface ConnectErrorData {
  code: 'UNAUTHORIZED';
}
