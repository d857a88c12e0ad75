// Markup and script that must only ever be shown as text. Each sets `window.__xss` or opens a
// dialog if the browser ever runs it.
export const XSS_PAYLOADS = {
  imgOnerror: "<img src=x onerror=window.__xss=1>",
  scriptTag: "<script>window.__xss=1</script>",
  svgOnload: '"><svg onload=window.__xss=1>',
  javascriptUrl: "javascript:alert(document.domain)",
  attributeBreakout: "' autofocus onfocus=alert(1) x='",
  closeTextarea: "</textarea><script>alert(1)</script>",
} as const;

/** Conversation summaries the e2e seed gives one contact's timeline. */
export const XSS_SUMMARIES = [XSS_PAYLOADS.imgOnerror, XSS_PAYLOADS.scriptTag, XSS_PAYLOADS.svgOnload] as const;
