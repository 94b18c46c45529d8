"use client";
import { useEffect } from "react";

/**
 * Forms mark the page dirty with `data-dirty` on <body> (see useDirty); then
 * leaving the page, by link or by closing the tab, asks first.
 */
export function UnsavedChangesGuard() {
  useEffect(() => {
    const dirty = () => document.body.dataset.dirty === "true";
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest("a[href]");
      if (!link || !dirty() || link.getAttribute("target") === "_blank") return;
      if (!window.confirm("You have unsaved changes. Leave this page and lose them?")) {
        event.preventDefault();
        event.stopPropagation();
      } else {
        document.body.dataset.dirty = "false";
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);
  return null;
}

export function setDirty(dirty: boolean): void {
  document.body.dataset.dirty = String(dirty);
}
