/**
 * Style sheets are imported for their effect (Vite bundles them). TypeScript 7 checks that a
 * side-effect import resolves (`noUncheckedSideEffectImports`, on by default there), so `.css`
 * files are declared as modules.
 */
declare module '*.css';
