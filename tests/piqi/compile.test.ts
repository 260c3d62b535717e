// The generated .proto is valid proto2: a sample using every construct the
// converter supports compiles with buf, and the compiled definitions say what
// the piqi said (resolved type names, labels, defaults, packing).
import test from "ava";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convert } from "./helpers.js";
import { buildDescriptors, definitionsOf } from "./descriptors.js";

const work = mkdtempSync(join(tmpdir(), "piqi-compile-"));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

const sources = {
  "base.piqi": `
.protobuf-package "test.base"
.record [ .name thing .protobuf-name "Thing" .field [ .name id .type uint64 ] ]
.alias [ .name id .type uint64 ]
.enum [ .name colour .option [ .name red ] .option [ .name light-blue .protobuf-name "LIGHT_BLUE" ] ]
`,
  "top.piqi": `
.protobuf-package "test.top"
.import [ .module base ]
.record [
    .name everything
    .field [ .name req .type int ]
    .field [ .name text .type string .optional .default "a \\"quoted\\" text" ]
    .field [ .name things .type base/thing .repeated ]
    .field [ .type base/id ]
    .field [ .name flag .optional ]
    .field [ .name hue .type base/colour .optional .default.light-blue ]
    .field [ .name nums .type int64-fixed .repeated .protobuf-packed ]
    .field [ .name blob .type binary .optional .default "\\x00\\x01" ]
    .field [ .name ratio .type float32 .optional .default 0.5 ]
]
.variant [ .name choice .option [ .type everything ] .option [ .name nothing ] ]
.list [ .name numbers .type uint32 .protobuf-packed ]
.alias [ .name thing-copy .type base/thing ]
.enum [ .name state .protobuf-prefix "STATE_" .option [ .name on .code 5 ] .option [ .name off .code -1 ] ]
`,
};

test("a sample with every construct compiles, and means what the piqi says", async (t) => {
  for (const file of convert(sources).files) writeFileSync(join(work, file.fileName), file.content);
  const defs = definitionsOf(await buildDescriptors(work, join(work, "out.binpb")));
  t.deepEqual(defs.packages, ["test.base", "test.top"]);
  const everything = defs.types.get("message test.top.everything")!;
  t.deepEqual(Object.fromEntries(everything), {
    req: "number=1 label=REQUIRED type=SINT32 type_name= default= packed=false",
    text: 'number=2 label=OPTIONAL type=STRING type_name= default=a "quoted" text packed=false',
    things: "number=3 label=REPEATED type=MESSAGE type_name=.test.base.Thing default= packed=false",
    id: "number=4 label=REQUIRED type=UINT64 type_name= default= packed=false",
    flag: "number=5 label=OPTIONAL type=BOOL type_name= default= packed=false",
    hue: "number=6 label=OPTIONAL type=ENUM type_name=.test.base.colour default=LIGHT_BLUE packed=false",
    nums: "number=7 label=REPEATED type=SFIXED64 type_name= default= packed=true",
    blob: "number=8 label=OPTIONAL type=BYTES type_name= default=\\000\\001 packed=false",
    ratio: "number=9 label=OPTIONAL type=FLOAT type_name= default=0.5 packed=false",
  });
  t.deepEqual(Object.fromEntries(defs.types.get("message test.top.choice")!), {
    everything: "number=1 label=OPTIONAL type=MESSAGE type_name=.test.top.everything default= packed=false",
    nothing: "number=2 label=OPTIONAL type=BOOL type_name= default= packed=false",
  });
  t.deepEqual([...defs.types.get("message test.top.numbers")!.values()], ["number=1 label=REPEATED type=UINT32 type_name= default= packed=true"]);
  t.deepEqual([...defs.types.get("message test.top.thing_copy")!.keys()], ["id"]);
  t.deepEqual(Object.fromEntries(defs.types.get("enum test.top.state")!), { STATE_on: "number=5", STATE_off: "number=-1" });
});
