import type { PrismaClient } from "@claimdesk/db";
import type { Viewer } from "./viewer.ts";

/** What a desk command needs to know about the request it runs for. */
export interface DeskContext {
  prisma: PrismaClient;
  viewer: Viewer | null;
  requestId: string;
  /**
   * The request's Idempotency-Key, if the client sent one: the first write
   * transaction that commits reserves it, so a retried request cannot write twice.
   */
  idempotency?: { key: string; requestHash: string; reserved?: boolean } | null;
  /** The newsroom that publishes (ClaimReview author); its public site's base URL. */
  newsroom: { name: string; url: string };
}
