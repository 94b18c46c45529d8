import fs from "node:fs";
// @ts-expect-error jsonld ships no types
import jsonld from "jsonld";

/**
 * Expands JSON-LD against the committed schema.org context (no network) and
 * checks that every property is a schema.org term, defined for the type of
 * the node it is used on (or a supertype).
 */
const dir = new URL("../fixtures/schemaorg/", import.meta.url);
const context = JSON.parse(fs.readFileSync(new URL("context.jsonld", dir), "utf8"));
const vocabulary = JSON.parse(fs.readFileSync(new URL("vocabulary-subset.jsonld", dir), "utf8"))["@graph"] as any[];
const S = "https://schema.org/";
const local = (id: string) => id.replace(/^schema:/, "");
const superOf = new Map<string, string | undefined>();
const domains = new Map<string, string[]>();
for (const node of vocabulary) {
  if (node["@type"] === "rdfs:Class")
    superOf.set(local(node["@id"]), node["rdfs:subClassOf"] ? local(node["rdfs:subClassOf"]["@id"]) : undefined);
  else
    domains.set(
      local(node["@id"]),
      node["schema:domainIncludes"].map((d: { "@id": string }) => local(d["@id"])),
    );
}

const documentLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url) || /^https?:\/\/schema\.org\/docs\/jsonldcontext\.json(ld)?$/.test(url))
    return { contextUrl: null, documentUrl: url, document: context };
  throw new Error(`Offline: refusing to load ${url}`);
};

const ancestors = (type: string): string[] => {
  const out: string[] = [];
  for (let t: string | undefined = type; t; t = superOf.get(t)) out.push(t);
  return out;
};
const term = (iri: string) =>
  iri.startsWith(S) ? iri.slice(S.length) : iri.startsWith("http://schema.org/") ? iri.slice("http://schema.org/".length) : null;

export async function schemaOrgProblems(doc: unknown): Promise<string[]> {
  const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
  const problems: string[] = [];
  const visit = (node: any, where: string) => {
    if (!node || typeof node !== "object" || "@value" in node) return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
    const types = ((node["@type"] ?? []) as string[]).map((t) => term(t) ?? t);
    for (const t of types) if (!superOf.has(t)) problems.push(`${where}: type ${t} is not a schema.org type (in the committed vocabulary)`);
    for (const [key, values] of Object.entries(node)) {
      if (key.startsWith("@")) continue;
      const name = term(key);
      if (!name || !domains.has(name)) problems.push(`${where}: ${key} is not a schema.org term`);
      else if (!types.some((t) => ancestors(t).some((a) => domains.get(name)!.includes(a))))
        problems.push(`${where}: ${name} is not defined for ${types.join(", ") || "an untyped node"}`);
      visit(values, `${where}.${name ?? key}`);
    }
  };
  visit(expanded, "$");
  if (Array.isArray(expanded) && expanded.length === 0) problems.push("nothing expanded");
  return problems;
}
