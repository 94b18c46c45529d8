import type { SourceType, Stance, ClaimPriority, ClaimStatus, Role } from "../generated/prisma/enums.ts";

/** Development accounts, one per role. The passwords are documented in the README. */
export const sampleUsers: { id: string; email: string; name: string; role: Role; password: string }[] = [
  { id: "seed-user-admin", email: "admin@claimdesk.local", name: "Ada Admin", role: "ADMIN", password: "claimdesk-admin" },
  { id: "seed-user-editor", email: "editor@claimdesk.local", name: "Eddie Editor", role: "EDITOR", password: "claimdesk-editor" },
  {
    id: "seed-user-checker",
    email: "checker@claimdesk.local",
    name: "Fatima Checker",
    role: "FACT_CHECKER",
    password: "claimdesk-checker",
  },
  { id: "seed-user-viewer", email: "viewer@claimdesk.local", name: "Vik Viewer", role: "VIEWER", password: "claimdesk-viewer" },
];

export const defaultScale = {
  id: "seed-scale-default",
  name: "Claimdesk default",
  ratings: [
    { label: "True", value: 6, color: "#1a7f37", description: "The statement is accurate and nothing significant is missing." },
    {
      label: "Mostly true",
      value: 5,
      color: "#57a64a",
      description: "The statement is accurate but needs clarification or additional information.",
    },
    {
      label: "Half true",
      value: 4,
      color: "#d4a72c",
      description: "The statement is partially accurate but leaves out important details or takes things out of context.",
    },
    {
      label: "Mostly false",
      value: 3,
      color: "#e16f24",
      description: "The statement contains an element of truth but ignores critical facts that would give a different impression.",
    },
    { label: "False", value: 2, color: "#cf222e", description: "The statement is not accurate." },
    { label: "Baseless", value: 1, color: "#82071e", description: "No evidence supports the statement, or it is fabricated." },
  ],
} as const;

export const sampleArticle = {
  id: "seed-article-cpec-two-sessions",
  file: "app-2025-03-11-two-sessions-cpec.txt",
  title: "Pakistan's envoy highlights Two Sessions takeaways, Pakistan-China cooperation under CPEC Phase II",
  language: "en",
  tags: ["china", "pakistan", "cpec", "economy"],
  outlet: { id: "seed-outlet-urdupoint", url: "https://www.urdupoint.com", country: "PK" },
};

export const samplePerson = {
  id: "seed-person-khalil-hashmi",
  name: "Khalil Hashmi",
  title: "Ambassador of Pakistan to China",
  affiliation: "Government of Pakistan, Ministry of Foreign Affairs",
  sameAs: [] as string[],
};

export interface SampleSource {
  id: string;
  url: string;
  title: string;
  publisher: string;
  type: SourceType;
  notes: string;
}

export const sampleSources: SampleSource[] = [
  {
    id: "seed-source-worldbank-gdp-cn",
    url: "https://data.worldbank.org/indicator/NY.GDP.MKTP.KD.ZG?locations=CN",
    title: "GDP growth (annual %) - China",
    publisher: "World Bank",
    type: "DATASET",
    notes: "Annual real GDP growth series, from national accounts data.",
  },
  {
    id: "seed-source-nbs-releases",
    url: "https://www.stats.gov.cn/english/PressRelease/",
    title: "Press releases: national economic performance",
    publisher: "National Bureau of Statistics of China",
    type: "OFFICIAL_STATISTIC",
    notes: "Official quarterly and annual GDP releases.",
  },
  {
    id: "seed-source-cpec-authority",
    url: "https://cpec.gov.pk/",
    title: "China-Pakistan Economic Corridor: official portal",
    publisher: "CPEC Authority, Government of Pakistan",
    type: "PRIMARY_DOCUMENT",
    notes: "Project lists and announcements for CPEC phases.",
  },
  {
    id: "seed-source-wipo-stats",
    url: "https://www.wipo.int/ipstats/en/",
    title: "IP statistics",
    publisher: "World Intellectual Property Organization",
    type: "DATASET",
    notes: "Patent application counts by office and origin.",
  },
];

export interface SampleClaim {
  id: string;
  quote: string;
  claimReviewed: string;
  speaker: boolean;
  status: ClaimStatus;
  tags: string[];
  assignee?: string;
  /** The reviewing editor. */
  reviewer?: string;
  priority?: ClaimPriority;
  /** Due this many days after the sample is loaded, so the sample always has work due soon. */
  dueInDays?: number;
  sources?: { sourceId: string; stance: Stance; passage?: string; location?: string }[];
}

export const sampleClaims: SampleClaim[] = [
  {
    id: "seed-claim-china-growth",
    quote: "China's sustained 5% economic growth is a remarkable feat",
    claimReviewed: "China has sustained economic growth of about 5% a year.",
    speaker: true,
    status: "PUBLISHED",
    tags: ["economy", "gdp"],
    assignee: "seed-user-checker",
    reviewer: "seed-user-editor",
    sources: [
      {
        sourceId: "seed-source-worldbank-gdp-cn",
        stance: "SUPPORTS",
        passage: "GDP growth (annual %): 2023 5.2, 2024 5.0",
        location: "China series, 2023-2024",
      },
      {
        sourceId: "seed-source-nbs-releases",
        stance: "CONTEXT",
        passage: "GDP grew 5.0 percent in 2024 over the previous year.",
        location: "Annual release for 2024",
      },
    ],
  },
  {
    id: "seed-claim-45-mous",
    quote: "45 new MOUs worth over $600 million signed in recent months",
    claimReviewed: "Pakistan and China signed 45 new MOUs worth over $600 million in recent months.",
    speaker: true,
    status: "RESEARCHING",
    tags: ["cpec", "investment"],
    assignee: "seed-user-checker",
    reviewer: "seed-user-editor",
    priority: "HIGH",
    dueInDays: 2,
    sources: [{ sourceId: "seed-source-cpec-authority", stance: "CONTEXT", location: "News and announcements" }],
  },
  {
    id: "seed-claim-patent-filings",
    quote: "China leading in patent filings",
    claimReviewed: "China leads the world in patent filings.",
    speaker: false,
    status: "SELECTED",
    tags: ["technology", "patents"],
    priority: "LOW",
    dueInDays: 10,
  },
  {
    id: "seed-claim-astronauts",
    quote: "Pakistan's first astronauts set to join a Chinese space mission",
    claimReviewed: "Pakistan's first astronauts are set to join a Chinese space mission.",
    speaker: false,
    status: "UNREVIEWED",
    tags: ["space"],
  },
  {
    id: "seed-claim-eight-sectors",
    quote: "a strategic focus on eight key sectors this year",
    claimReviewed: "Pakistan is focusing on eight key sectors for Chinese investment this year.",
    speaker: true,
    status: "UNREVIEWED",
    tags: ["cpec", "investment"],
  },
];

/** The sample claim taken all the way to a published fact-check. */
export const sampleFactCheck = {
  id: "seed-factcheck-china-growth",
  claimId: "seed-claim-china-growth",
  rating: "Mostly true",
  headline: "Has China sustained 5% growth? Close, for the last two years",
  summary: "Official figures show 5.2% growth in 2023 and 5.0% in 2024; the longer record is more uneven.",
  explanation: [
    "China's National Bureau of Statistics reported real GDP growth of **5.2% in 2023** and **5.0% in 2024**, and the World Bank's series shows the same figures.",
    "",
    '"Sustained" is looser: growth was 3.0% in 2022, during pandemic restrictions, and above 6% in the years before 2020. The ambassador\'s figure matches the two most recent years and the government\'s target of "around 5%" for 2025.',
  ].join("\n"),
  publishedAt: new Date("2025-03-14T09:00:00Z"),
  publisherName: "Claimdesk",
  publishedBy: "seed-user-editor",
};
