// The <rapi-doc> custom element, registered by RapiDoc's vendored bundle (public/vendor/rapidoc-*).
declare namespace React.JSX {
  interface IntrinsicElements {
    "rapi-doc": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> &
      Partial<Record<`${string}-${string}` | "theme" | "layout", string>>;
  }
}
