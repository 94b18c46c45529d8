import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

// Search reads stored, generated tsvectors: these check that what an editor
// writes is what search finds, at once, and that an edit is followed.
describe.each(databaseKinds())("full-text search on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  const hits = async (query: string) =>
    (
      await editor.ok(
        `query($q: String!) { search(query: $q) { rank node { __typename ... on Article { id title } ... on Source { id title } ... on Claim { id } } } }`,
        { q: query },
      )
    ).search as {
      rank: number;
      node: { __typename: string; id: string; title?: string };
    }[];

  it("finds a new article and source by their words, ranked, and follows an edit of the body", async () => {
    const created = await editor.ok(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on MutationCreateArticleSuccess { data { id version } } } }`,
      {
        input: {
          title: "Glacier survey",
          body: "Surveyors measured the Baltoro glacier retreating by forty metres. The Baltoro glacier feeds the Indus.",
        },
      },
    );
    const article = created.createArticle.data;
    await editor.ok(`mutation($input: SourceInput!) { createSource(input: $input) { __typename } }`, {
      input: { title: "Survey of the Baltoro", publisher: "Glaciology Institute" },
    });

    const found = await hits("baltoro glacier");
    expect(found.map((h) => h.node.title)).toEqual(["Glacier survey"]);
    expect(found[0]!.rank).toBeGreaterThan(0);
    // Words from the source's publisher count too; the article mentions neither word.
    expect((await hits("glaciology institute")).map((h) => h.node.title)).toEqual(["Survey of the Baltoro"]);
    expect((await hits("Baltoro")).map((h) => h.node.__typename).sort()).toEqual(["Article", "Source"]);

    const updated = await editor.ok(`mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }`, {
      input: { id: article.id, version: article.version, body: "Surveyors measured the Siachen icefield instead." },
    });
    expect(updated.updateArticle.__typename).toBe("MutationUpdateArticleSuccess");
    expect((await hits("baltoro glacier")).map((h) => h.node.__typename)).toEqual([]);
    expect((await hits("siachen icefield")).map((h) => h.node.id)).toEqual([article.id]);
  });
});
