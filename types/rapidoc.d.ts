// RapiDoc ships no types: `import("rapidoc")` only registers the <rapi-doc> custom element.
declare module "rapidoc";

declare namespace React.JSX {
  interface IntrinsicElements {
    "rapi-doc": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> &
      Partial<Record<`${string}-${string}` | "theme" | "layout", string>>;
  }
}
