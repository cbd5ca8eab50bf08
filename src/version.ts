// The package version, set at bundle time from package.json (tests read the source and fall back).
declare const __BORDDUK_VERSION__: string | undefined;
export const VERSION: string = typeof __BORDDUK_VERSION__ === 'string' ? __BORDDUK_VERSION__ : '0.0.0-dev';
