import { builder } from "../builder.ts";
import { type DeskStats, type DeskWeek, deskStats } from "../stats/desk-stats.ts";
import { ClaimStatusEnum } from "./common.ts";

const StatusCount = builder.objectRef<DeskWeek["marked"][number]>("DeskStatsStatusCount").implement({
  fields: (t) => ({ status: t.expose("status", { type: ClaimStatusEnum }), count: t.exposeInt("count") }),
});

const Week = builder.objectRef<DeskWeek>("DeskStatsWeek").implement({
  fields: (t) => ({
    weekStart: t.expose("weekStart", { type: "DateTime", description: "Monday 00:00 UTC" }),
    marked: t.field({ type: [StatusCount], description: "Claims marked that week, by their status now", resolve: (w) => w.marked }),
    published: t.exposeInt("published", { description: "Fact-checks published that week" }),
    medianHoursToPublish: t.exposeFloat("medianHoursToPublish", {
      nullable: true,
      description: "Median hours from marking to publication of that week's fact-checks",
    }),
    recurring: t.exposeInt("recurring", { description: "Claims marked that week confirmed as repeating an earlier claim" }),
  }),
});

const Verdict = builder.objectRef<DeskStats["verdicts"][number]>("DeskStatsVerdict").implement({
  fields: (t) => ({
    ratingId: t.globalID({ resolve: (v) => ({ type: "Rating", id: v.ratingId }) }),
    label: t.exposeString("label"),
    color: t.exposeString("color"),
    count: t.exposeInt("count", { description: "Published fact-checks with this verdict" }),
  }),
});

const Workload = builder.objectRef<DeskStats["openWork"][number]>("DeskStatsWorkload").implement({
  fields: (t) => ({
    userId: t.globalID({ resolve: (w) => ({ type: "User", id: w.userId }) }),
    name: t.exposeString("name"),
    selected: t.exposeInt("selected"),
    researching: t.exposeInt("researching"),
    inReview: t.exposeInt("inReview"),
  }),
});

const Stats = builder.objectRef<DeskStats>("DeskStats").implement({
  description: "The desk's dashboard: aggregates over claims and fact-checks",
  fields: (t) => ({
    weeks: t.field({ type: [Week], description: "Oldest first", resolve: (s) => s.weeks }),
    verdicts: t.field({ type: [Verdict], description: "Published fact-checks by verdict, in scale order", resolve: (s) => s.verdicts }),
    openWork: t.field({
      type: [Workload],
      description: "Open claims (selected, researching, in review) per assignee",
      resolve: (s) => s.openWork,
    }),
    unassignedOpen: t.exposeInt("unassignedOpen", { description: "Open claims nobody is assigned to" }),
    recurringTotal: t.exposeInt("recurringTotal", { description: "Claims confirmed as repeating an earlier claim, all time" }),
  }),
});

builder.queryField("deskStats", (t) =>
  t.field({
    type: Stats,
    description: "The desk's dashboard numbers over the last `weeks` weeks (staff)",
    authScopes: { staff: true },
    args: { weeks: t.arg.int({ required: false, defaultValue: 12, description: "1 to 52" }) },
    resolve: (_root, args, ctx) => deskStats(ctx.prisma, { weeks: Math.min(52, Math.max(1, args.weeks ?? 12)) }),
  }),
);
