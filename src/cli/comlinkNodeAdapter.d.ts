// comlink ships the Node adapter's types as node-adapter.d.ts next to the .mjs it describes.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
