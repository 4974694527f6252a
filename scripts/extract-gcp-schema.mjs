#!/usr/bin/env node
// Extracts, from the @pulumi/gcp npm package's TypeScript declarations, the input schema of every
// resource type and invoke this program emits, into src/test/resources/pulumi-gcp-schema.json.
// The conformance test checks every plan against that file, so a misspelt or missing wire property
// fails in CI without a provider plugin.
//
// Usage: node scripts/extract-gcp-schema.mjs [VERSION]   (needs npm and the npm registry)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const version = process.argv[2] ?? "9.37.0";
const tokens = {
  "gcp:cloudrunv2/service:Service": ["cloudrunv2/service.d.ts", "ServiceArgs"],
  "gcp:cloudrunv2/serviceIamMember:ServiceIamMember": ["cloudrunv2/serviceIamMember.d.ts", "ServiceIamMemberArgs"],
  "gcp:iap/webCloudRunServiceIamBinding:WebCloudRunServiceIamBinding": ["iap/webCloudRunServiceIamBinding.d.ts", "WebCloudRunServiceIamBindingArgs"],
  "gcp:iap/webCloudRunServiceIamMember:WebCloudRunServiceIamMember": ["iap/webCloudRunServiceIamMember.d.ts", "WebCloudRunServiceIamMemberArgs"],
  "gcp:iap/settings:Settings": ["iap/settings.d.ts", "SettingsArgs"],
  "gcp:projects/service:Service": ["projects/service.d.ts", "ServiceArgs"],
  "gcp:projects/iAMMember:IAMMember": ["projects/iammember.d.ts", "IAMMemberArgs"],
  "gcp:projects/serviceIdentity:ServiceIdentity": ["projects/serviceIdentity.d.ts", "ServiceIdentityArgs"],
  "gcp:serviceaccount/account:Account": ["serviceaccount/account.d.ts", "AccountArgs"],
  "gcp:secretmanager/secretIamMember:SecretIamMember": ["secretmanager/secretIamMember.d.ts", "SecretIamMemberArgs"],
  "gcp:organizations/getProject:getProject": ["organizations/getProject.d.ts", "GetProjectArgs"],
};

const dir = mkdtempSync(join(tmpdir(), "pulumi-gcp-"));
execFileSync("npm", ["pack", `@pulumi/gcp@${version}`, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
execFileSync("tar", ["xzf", `pulumi-gcp-${version}.tgz`], { cwd: dir });
const pkg = join(dir, "package");
const inputTypes = readFileSync(join(pkg, "types/input.d.ts"), "utf8");

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

function body(text, header) {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`not found: ${header}`);
  let depth = 0;
  for (let i = text.indexOf("{", start); i < text.length; i++) {
    if (text[i] === "{") depth++;
    if (text[i] === "}" && --depth === 0) return text.slice(text.indexOf("{", start) + 1, i);
  }
  throw new Error(`unterminated: ${header}`);
}

function properties(text) {
  const result = [];
  let depth = 0, current = "";
  for (const ch of stripComments(text)) {
    if ("{<([".includes(ch)) depth++;
    if ("}>)]".includes(ch)) depth--;
    if (ch === ";" && depth === 0) { if (current.trim()) result.push(current.trim()); current = ""; continue; }
    current += ch;
  }
  return result.map((decl) => {
    const m = decl.match(/^(\w+)(\??):\s*([\s\S]*)$/);
    if (!m) throw new Error(`cannot read property: ${decl}`);
    return { name: m[1], required: m[2] !== "?", type: m[3] };
  });
}

function namespaceOf(module) {
  return body(inputTypes, `export declare namespace ${module} {`);
}

const types = {};
function describe(type, module) {
  const ref = type.match(/inputs\.(\w+)\.(\w+)/);
  const isList = /\[\]/.test(type.replace(/\{[\s\S]*\}/, ""));
  if (ref) {
    const name = `${ref[1]}.${ref[2]}`;
    if (!types[name]) {
      types[name] = {};
      types[name] = objectSchema(body(namespaceOf(ref[1]), `interface ${ref[2]} {`), ref[1]);
    }
    return isList ? { kind: "list", items: { kind: "object", ref: name } } : { kind: "object", ref: name };
  }
  if (/\[key: string\]/.test(type)) return { kind: "map" };
  if (isList) return { kind: "list", items: { kind: "scalar" } };
  return { kind: "scalar" };
}

function objectSchema(text, module) {
  const props = {};
  for (const p of properties(text)) props[p.name] = { required: p.required, ...describe(p.type, module) };
  return { properties: Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b))) };
}

const resources = {};
for (const [token, [file, iface]] of Object.entries(tokens)) {
  const module = file.split("/")[0];
  resources[token] = objectSchema(body(readFileSync(join(pkg, file), "utf8"), `export interface ${iface} {`), module);
}
const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const out = { source: `@pulumi/gcp@${version} TypeScript declarations`, resources: sorted(resources), types: sorted(types) };
writeFileSync(new URL("../src/test/resources/pulumi-gcp-schema.json", import.meta.url), JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${Object.keys(resources).length} resource types and ${Object.keys(types).length} nested types`);
