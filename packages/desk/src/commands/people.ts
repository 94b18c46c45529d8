/** Speakers and claimants. */
import type { DeskContext } from "../context.ts";
import { ForbiddenError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { personSchema } from "../schemas.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import type { PersonFields } from "./claims.ts";

export async function createPerson(ctx: DeskContext, input: PersonFields): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError();
  const data = parseInput(personSchema, input, ["input"]);
  return audited(ctx, async (tx, audit) => {
    const created = await tx.person.create({ data, select: { id: true } });
    await audit({ action: "person.create", entityType: "Person", entityId: created.id, after: data });
    return created.id;
  });
}
