// The few jsdom APIs this project uses, typed here because @types/jsdom is not among the installed packages.
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; virtualConsole?: VirtualConsole });
    readonly window: Window & typeof globalThis;
  }
}
