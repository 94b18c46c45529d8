"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-reads the page from the server every few seconds while background work
 * it shows is under way (a feed's poll, its articles being read), and says so;
 * it stops by itself once the server's page no longer passes `active`.
 */
export function RefreshWhile({ active, everyMs = 3000, children }: { active: boolean; everyMs?: number; children: React.ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return (
    <p className="muted" role="status" aria-live="polite">
      {active ? children : null}
    </p>
  );
}
