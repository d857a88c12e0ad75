"use client";
import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * An element's size in CSS pixels, kept up to date, and one device pixel in CSS pixels. Zero until
 * measured, which happens before the first paint.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0, pixel: 1 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Zooming changes the device pixel ratio and the element's CSS size, so the observer sees it too.
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight, pixel: 1 / window.devicePixelRatio });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
