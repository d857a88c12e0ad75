"use client";
import { useEffect, useRef, useState } from "react";
import { useMediaQuery } from "@/lib/hooks/use-media-query";
import { ErrorState, Skeleton } from "@/components/ui/states";
import styles from "./api-reference-viewer.module.css";

const OPENAPI_URL = "/v1/openapi.json";
// RapiDoc's prebuilt bundle, vendored (see its README): it registers the <rapi-doc> element.
const RAPIDOC_BUNDLE_URL = "/vendor/rapidoc-9.3.8/rapidoc-min.js";
const DARK_QUERY = "(prefers-color-scheme: dark)";

// Our palette (Tailwind slate and indigo), so the viewer sits in the dashboard in both schemes.
const THEMES = {
  light: { theme: "light", "bg-color": "#ffffff", "text-color": "#0f172a", "primary-color": "#4338ca", "nav-bg-color": "#f8fafc", "nav-text-color": "#1e293b", "nav-hover-bg-color": "#e0e7ff", "nav-hover-text-color": "#1e1b4b", "nav-accent-color": "#4338ca", "header-color": "#f8fafc" },
  dark: { theme: "dark", "bg-color": "#0f172a", "text-color": "#f1f5f9", "primary-color": "#a5b4fc", "nav-bg-color": "#020617", "nav-text-color": "#e2e8f0", "nav-hover-bg-color": "#1e1b4b", "nav-hover-text-color": "#ffffff", "nav-accent-color": "#a5b4fc", "header-color": "#020617" },
} as const;

type Status = "loading" | "ready" | "failed";

let rapiDocLoading: Promise<void> | null = null;

/** Adds RapiDoc's script once; a failed load may be retried. */
function loadRapiDoc(): Promise<void> {
  if (customElements.get("rapi-doc")) return Promise.resolve();
  rapiDocLoading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = RAPIDOC_BUNDLE_URL;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      rapiDocLoading = null;
      reject(new Error(`Could not load ${RAPIDOC_BUNDLE_URL}`));
    };
    document.head.append(script);
  });
  return rapiDocLoading;
}

/**
 * The OpenAPI document rendered by RapiDoc, a web component. Loaded in the browser only (it
 * registers a custom element), and only on this page, so no other page pays for its bundle.
 */
export function ApiReferenceViewer() {
  const dark = useMediaQuery(DARK_QUERY);
  const viewer = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<Status>("loading");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    loadRapiDoc().catch(() => {
      if (!cancelled) setStatus("failed");
    });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    const element = viewer.current;
    if (!element) return;
    const loaded = (event: Event) => {
      const detail = (event as CustomEvent<{ specLoadError?: boolean }>).detail;
      setStatus(detail?.specLoadError ? "failed" : "ready");
    };
    element.addEventListener("spec-loaded", loaded);
    return () => element.removeEventListener("spec-loaded", loaded);
  }, [attempt]);

  if (status === "failed") {
    return (
      <ErrorState
        message="The API reference could not be loaded."
        onRetry={() => {
          setStatus("loading");
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800">
      {status === "loading" ? (
        <div aria-busy="true" className="space-y-3 p-5">
          <p role="status" className="sr-only">
            Loading the API reference…
          </p>
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-3/4" />
        </div>
      ) : null}
      <rapi-doc
        key={attempt}
        ref={viewer}
        className={styles.viewer}
        spec-url={OPENAPI_URL}
        {...THEMES[dark ? "dark" : "light"]}
        render-style="view"
        layout="column"
        show-header="false"
        show-info="true"
        show-side-nav="false"
        show-summary-when-collapsed="true"
        allow-authentication="false"
        allow-server-selection="false"
        allow-spec-url-load="false"
        allow-spec-file-load="false"
        allow-spec-file-download="false"
        allow-search="false"
        allow-advanced-search="false"
        allow-try="true"
        fetch-credentials="same-origin"
        update-route="false"
        load-fonts="false"
        regular-font="ui-sans-serif, system-ui, sans-serif"
        mono-font="ui-monospace, SFMono-Regular, Menlo, monospace"
        schema-style="table"
        default-schema-tab="schema"
        style={{ display: "block", height: status === "ready" ? "auto" : 0 }}
      />
    </div>
  );
}
