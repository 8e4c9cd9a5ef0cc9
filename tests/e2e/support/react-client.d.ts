// React's Flight client as Next.js ships it: the tests encode server-action arguments with it.
declare module "next/dist/compiled/react-server-dom-webpack/client.edge" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
