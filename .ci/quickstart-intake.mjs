// The intake promise of the quick start, checked against a running `npm start`:
// an editor pastes a link served by a site on loopback and gets the article;
// adds that site's feed to an outlet and sees its items arrive on the desk,
// scored, with the alert for a story repeating the sample's published claim.
// Plain Node (no dependencies): run as `node .ci/quickstart-intake.mjs`.
import http from "node:http";

const api = process.env.CLAIMDESK_API ?? "http://127.0.0.1:4000/graphql";
let cookie = "";

async function gql(query, variables = {}) {
  const res = await fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const set = res.headers.get("set-cookie");
  if (set) cookie = set.split(";")[0];
  const body = await res.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const { factChecks } = await gql(`{ factChecks(first: 1) { edges { node { claimReviewed } } } }`);
const repeated = factChecks.edges[0].node.claimReviewed;

let items = 1;
const story = (n) =>
  n === 2
    ? `Speaking in parliament on Monday, the finance minister repeated the claim. ${repeated} Economists disputed the figure.`
    : `The statistics office said on Tuesday that exports rose by ${10 + n} percent in 2025, to 31.2 billion dollars.`;
const page = (path, title, text) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Loopback News</title>
<link rel="canonical" href="${base}${path}">
<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: title, datePublished: "2026-11-30T08:00:00Z", author: { "@type": "Person", name: "Sara Khan" }, publisher: { "@type": "Organization", name: "Loopback News" } })}</script>
</head><body><header>Loopback News</header><article><h1>${title}</h1>
<p>${text}</p><p>Officials told reporters the figure was the highest since records began in 1998, though analysts questioned the method.</p>
<p>The opposition called the numbers misleading and demanded that the statistics office publish its raw data before the budget debate.</p></article></body></html>`;
const server = http.createServer((req, res) => {
  const m = req.url.match(/^\/news\/story-(\d+)\.html$/);
  if (m) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(page(req.url, `Loopback story ${m[1]}`, story(Number(m[1]))));
  }
  if (req.url === "/feed.xml") {
    const entries = Array.from({ length: items }, (_, i) => i + 1)
      .map(
        (n) =>
          `<item><title>Loopback story ${n}</title><link>${base}/news/story-${n}.html</link><guid>${base}/news/story-${n}.html</guid></item>`,
      )
      .join("");
    res.writeHead(200, { "content-type": "application/rss+xml" });
    return res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title><link>${base}/</link>${entries}</channel></rss>`,
    );
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

try {
  const login = await gql(`mutation { login(email: "editor@claimdesk.local", password: "claimdesk-editor") { __typename } }`);
  if (login.login.__typename !== "MutationLoginSuccess") throw new Error(`the sample editor could not sign in: ${JSON.stringify(login)}`);

  const fromLink = await gql(
    `mutation($url: String!) { createArticleFromUrl(url: $url) { __typename ... on MutationCreateArticleFromUrlSuccess { data { title byline outlet { id name } } } ... on Error { message } } }`,
    { url: `${base}/news/story-1.html` },
  );
  const article = fromLink.createArticleFromUrl.data;
  if (article?.title !== "Loopback story 1" || article.byline !== "Sara Khan")
    throw new Error(`pasting a link did not give the article: ${JSON.stringify(fromLink)}`);

  const started = Date.now();
  const added = await gql(
    `mutation($input: AddFeedInput!) { addFeed(input: $input) { __typename ... on MutationAddFeedSuccess { data { id } } ... on Error { message } } }`,
    { input: { outletId: article.outlet.id, url: `${base}/feed.xml`, intervalMinutes: 5 } },
  );
  const feedId = added.addFeed.data?.id;
  if (!feedId) throw new Error(`adding the feed failed: ${JSON.stringify(added)}`);
  const arrived = async () =>
    (
      await gql(
        `{ arrivedFromFeeds(first: 10) { status article { title suggestions(first: 1) { text } recurringClaims { factCheck { headline } } } } }`,
      )
    ).arrivedFromFeeds;
  // Story 1 is in the desk already (pasted above): the feed's item links to it instead of a second copy.
  await until(
    "the feed's first poll",
    async () => (await gql(`{ node(id: "${feedId}") { ... on Feed { lastPolledAt } } }`)).node.lastPolledAt,
    60_000,
  );
  const firstPoll = Date.now() - started;

  items = 2;
  const asked = Date.now();
  await gql(`mutation($id: ID!) { updateFeed(input: { id: $id, pollNow: true }) { __typename } }`, { id: feedId });
  const list = await until(
    "story 2 on the desk",
    async () => (await arrived()).find((i) => i.article?.title === "Loopback story 2"),
    60_000,
  );
  const secondArrival = Date.now() - asked;
  if (!list.article.suggestions[0]?.text) throw new Error("the new article has no check-worthiness suggestion");
  if (list.article.recurringClaims.length === 0) throw new Error("the story repeating the sample's published claim raised no alert");
  const articles = await gql(`{ articles(first: 50) { edges { node { title } } } }`).catch(() => null);
  const copies = articles?.articles.edges.filter((e) => e.node.title === "Loopback story 1").length;
  if (copies !== undefined && copies !== 1) throw new Error(`story 1 is in the desk ${copies} times`);
  console.log(
    `quick start intake: link pasted → article "${article.title}" (${article.outlet.name}); feed added, first poll after ${(firstPoll / 1000).toFixed(1)} s; ` +
      `"Poll now" → new story on the desk after ${(secondArrival / 1000).toFixed(1)} s with suggestion “${list.article.suggestions[0].text.slice(0, 60)}…” ` +
      `and alert “repeats ${list.article.recurringClaims[0].factCheck.headline}”`,
  );
} finally {
  server.close();
}
