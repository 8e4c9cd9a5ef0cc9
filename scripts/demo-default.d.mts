// Types of ./demo-default.mjs, which `npm start` runs with plain Node.js, for the tests.
export declare const DEMO_MARKER: string;
export declare function newcomerDemoDir(root: string, env: Record<string, string | undefined>): string | null;
export declare function markDemo(dataDir: string): void;
