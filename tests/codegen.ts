import type { CodegenConfig } from "@graphql-codegen/cli";

// The example client's typed documents, from the committed schema.
const config: CodegenConfig = {
  schema: "../packages/schema/schema.graphql",
  documents: ["example-client/**/*.ts", "!example-client/gql/**"],
  generates: {
    "example-client/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", Date: "string", JSON: "unknown" } },
    },
  },
};
export default config;
