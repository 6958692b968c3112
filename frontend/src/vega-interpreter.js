// Entry for esbuild: vega-interpreter is published as an ES module only; this bundles it
// (with the few vega-util helpers it imports) into a classic script that sets
// window.vegaInterpreter, next to the UMD builds of vega, vega-lite and vega-embed.
export { expressionInterpreter } from "vega-interpreter";
