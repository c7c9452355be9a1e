/**
 * What Ant Design and React Flow read from a browser and jsdom lacks: media queries and size
 * observers (that never fire). Call once before rendering.
 */
export function fillInBrowserForAntd() {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
    }),
  });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
