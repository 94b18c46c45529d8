/** Tables, columns and relations of the Prisma schema, as the read compiler needs them. */
import { getDatamodel } from "../generated/pothos-types.ts";

export interface FieldInfo {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

export interface ModelInfo {
  name: string;
  fields: Map<string, FieldInfo>;
  /** Scalar and enum fields, in schema order: what Prisma returns when nothing is selected. */
  scalars: FieldInfo[];
  /** The primary key's fields (`@id`, or `@@id([...])` in its order). */
  primaryKey: string[];
}

export interface RelationInfo {
  target: string;
  list: boolean;
  /** Columns of the parent row … */
  parentColumns: string[];
  /** … equal to these columns of the related row. */
  childColumns: string[];
}

const models = new Map<string, ModelInfo>();
for (const [name, model] of Object.entries(getDatamodel().datamodel.models)) {
  const fields = model.fields as unknown as FieldInfo[];
  const compositeKey = (model as { primaryKey?: { fields: string[] } | null }).primaryKey?.fields;
  models.set(name, {
    name,
    fields: new Map(fields.map((f) => [f.name, f])),
    scalars: fields.filter((f) => f.kind === "scalar" || f.kind === "enum"),
    primaryKey: compositeKey ?? fields.filter((f) => f.isId).map((f) => f.name),
  });
}

export function modelNames(): string[] {
  return [...models.keys()];
}

export function modelInfo(name: string): ModelInfo {
  const model = models.get(name);
  if (!model) throw new Error(`Unknown model ${name}`);
  return model;
}

/**
 * How a relation field joins. Every relation in this schema references the
 * other model's `id` (the schema has no `references:` to other columns).
 */
export function relationInfo(model: ModelInfo, field: FieldInfo): RelationInfo {
  if (field.relationFromFields?.length) {
    return { target: field.type, list: field.isList, parentColumns: field.relationFromFields, childColumns: ["id"] };
  }
  const target = modelInfo(field.type);
  const back = [...target.fields.values()].find(
    (f) => f.relationName === field.relationName && f !== field && f.relationFromFields?.length,
  );
  if (!back) throw new Error(`No foreign key for ${model.name}.${field.name}`);
  return { target: field.type, list: field.isList, parentColumns: ["id"], childColumns: back.relationFromFields! };
}
