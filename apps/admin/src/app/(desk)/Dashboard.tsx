"use client";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { statusColors, statusLabels } from "@/lib/format";

export interface DashboardStats {
  weeks: {
    weekStart: string;
    published: number;
    medianHoursToPublish?: number | null;
    recurring: number;
    marked: { status: string; count: number }[];
  }[];
  verdicts: { ratingId: string; label: string; color: string; count: number }[];
  openWork: { userId: string; name: string; selected: number; researching: number; inReview: number }[];
  unassignedOpen: number;
  recurringTotal: number;
}

const week = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const chartStyle = { width: "100%", height: 220 };
const axis = { fontSize: 12, fill: "#59636e" };
// Legend labels in the text colour: in their series colour, yellow and grey ones were unreadable.
const legendText = (value: string) => <span style={{ color: "#1f2328" }}>{value}</span>;

/**
 * The desk's dashboard. Every chart has its numbers in a table beside it
 * (for screen readers, and for whoever wants the figures); the query runs on
 * the server (see page.tsx) and the charts draw in the browser.
 */
export function Dashboard({ stats }: { stats: DashboardStats }) {
  const weeks = stats.weeks.map((w) => ({
    week: week(w.weekStart),
    ...Object.fromEntries(w.marked.map((m) => [m.status, m.count])),
    published: w.published,
    median: w.medianHoursToPublish == null ? null : Math.round(w.medianHoursToPublish * 10) / 10,
    recurring: w.recurring,
  }));
  const work = stats.openWork.map((w) => ({ ...w, name: w.name }));
  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">
        Dashboard{" "}
        <span className="muted" style={{ fontWeight: 400, fontSize: ".9rem" }}>
          last {stats.weeks.length} weeks
        </span>
      </h2>
      <div className="charts">
        <Figure
          title="Claims marked per week, by status now"
          table={
            <Table
              head={["Week", ...Object.values(statusLabels)]}
              rows={stats.weeks.map((w) => [
                week(w.weekStart),
                ...Object.keys(statusLabels).map((s) => w.marked.find((m) => m.status === s)?.count ?? 0),
              ])}
              testId="stats-marked"
            />
          }
        >
          <BarChart accessibilityLayer={false} data={weeks} responsive style={chartStyle} margin={{ left: -20, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            {Object.entries(statusLabels).map(([status, label]) => (
              <Bar key={status} dataKey={status} name={label} stackId="s" fill={statusColors[status]} isAnimationActive={false} />
            ))}
          </BarChart>
        </Figure>
        <Figure
          title="Verdicts of published fact-checks"
          table={<Table head={["Verdict", "Fact-checks"]} rows={stats.verdicts.map((v) => [v.label, v.count])} testId="stats-verdicts" />}
        >
          <BarChart
            accessibilityLayer={false}
            data={stats.verdicts}
            layout="vertical"
            responsive
            style={chartStyle}
            margin={{ left: 20, right: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="label" width={90} tick={axis} />
            <Tooltip />
            <Bar dataKey="count" name="Fact-checks" isAnimationActive={false}>
              {stats.verdicts.map((v) => (
                <Cell key={v.ratingId} fill={v.color} />
              ))}
            </Bar>
          </BarChart>
        </Figure>
        <Figure
          title="Median hours from marking to publication, per week"
          table={
            <Table
              head={["Week", "Published", "Median hours"]}
              rows={stats.weeks.map((w) => [
                week(w.weekStart),
                w.published,
                w.medianHoursToPublish == null ? "—" : (Math.round(w.medianHoursToPublish * 10) / 10).toString(),
              ])}
              testId="stats-time-to-publish"
            />
          }
        >
          <LineChart accessibilityLayer={false} data={weeks} responsive style={chartStyle} margin={{ left: -20, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={axis} />
            <YAxis tick={axis} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="median"
              name="Median hours"
              stroke="#0969da"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </Figure>
        <Figure
          title="Open work per fact-checker"
          note={
            stats.unassignedOpen
              ? `${stats.unassignedOpen} open claim${stats.unassignedOpen === 1 ? "" : "s"} assigned to nobody`
              : undefined
          }
          table={
            <Table
              head={["Assignee", "Selected", "Researching", "In review"]}
              rows={stats.openWork.map((w) => [w.name, w.selected, w.researching, w.inReview])}
              testId="stats-open-work"
            />
          }
        >
          <BarChart accessibilityLayer={false} data={work} layout="vertical" responsive style={chartStyle} margin={{ left: 20, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="name" width={90} tick={axis} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Bar dataKey="selected" name="Selected" stackId="w" fill={statusColors.SELECTED} isAnimationActive={false} />
            <Bar dataKey="researching" name="Researching" stackId="w" fill={statusColors.RESEARCHING} isAnimationActive={false} />
            <Bar dataKey="inReview" name="In review" stackId="w" fill={statusColors.IN_REVIEW} isAnimationActive={false} />
          </BarChart>
        </Figure>
        <Figure
          title="Recurring claims found per week"
          note={`${stats.recurringTotal} claim${stats.recurringTotal === 1 ? "" : "s"} confirmed as repeating an earlier one, all time`}
          table={
            <Table
              head={["Week", "Recurring claims"]}
              rows={stats.weeks.map((w) => [week(w.weekStart), w.recurring])}
              testId="stats-recurring"
            />
          }
        >
          <BarChart accessibilityLayer={false} data={weeks} responsive style={chartStyle} margin={{ left: -20, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Bar dataKey="recurring" name="Recurring claims" fill="#8250df" isAnimationActive={false} />
          </BarChart>
        </Figure>
      </div>
    </section>
  );
}

function Figure({ title, note, table, children }: { title: string; note?: string; table: ReactNode; children: ReactNode }) {
  return (
    <figure className="card chart-figure">
      <figcaption>{title}</figcaption>
      {note ? (
        <p className="muted" style={{ margin: 0, fontSize: ".85rem" }}>
          {note}
        </p>
      ) : null}
      <div aria-hidden="true">{children}</div>
      <details>
        <summary>The numbers</summary>
        {table}
      </details>
    </figure>
  );
}

function Table({ head, rows, testId }: { head: string[]; rows: (string | number)[][]; testId: string }) {
  if (!rows.length) return <p className="muted">None yet.</p>;
  return (
    <div className="table-wrap" role="region" aria-label={`${head[0]} table`} tabIndex={0}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
