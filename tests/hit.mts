import autocannon from "autocannon";
const [url, n, conns, which] = process.argv.slice(2);
const { operations } = await import("/work/main/tests/bench/operations.ts");
const op = operations.find(o => o.name === which);
const body = JSON.stringify({ query: op.query, variables: op.variables });
const r = await autocannon({ url, connections: Number(conns), amount: Number(n), requests: [{ method: "POST", path: "/graphql", headers: { "content-type": "application/json", authorization: "Bearer cdk_benchmark_token_not_a_secret" }, body }] });
console.log(which, "rps", r.requests.average, "p50", r.latency.p50, "p99", r.latency.p99, "non2xx", r.non2xx);
