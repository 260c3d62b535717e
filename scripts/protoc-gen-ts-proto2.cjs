#!/usr/bin/env node
// ts-proto with proto2 presence semantics on the wire.
//
// Stock ts-proto skips a field whose value equals its default, even when the
// field is `required`; a proto2 peer (the exchange, the Python SDK) then
// rejects the message. With `noDefaultsForOptionals` ts-proto writes every
// field that is set, which is proto2's rule, but it also makes required fields
// optional in the TypeScript types. This wrapper keeps both halves right:
// required fields stay required in the types (and start from their zero value),
// optional fields are written exactly when present. ts-proto reads these
// helpers through its module exports at call time, so replacing them here
// before the plugin starts is enough. The version is pinned in package.json;
// tests/generated-proto2.test.ts proves the result against a real proto2 decoder.
"use strict";
const types = require("ts-proto/build/src/types");
const { FieldDescriptorProto_Label } = require("ts-proto-descriptors");

const isRequired = (field) => field.label === FieldDescriptorProto_Label.LABEL_REQUIRED;
const { isOptionalProperty, defaultValue } = types;

types.isOptionalProperty = (field, messageOptions, options, isProto3Syntax) =>
  isRequired(field) && !types.isMessage(field)
    ? false
    : isOptionalProperty(field, messageOptions, options, isProto3Syntax);

types.defaultValue = (ctx, field) =>
  isRequired(field) && ctx.options.noDefaultsForOptionals
    ? defaultValue({ ...ctx, options: { ...ctx.options, noDefaultsForOptionals: false } }, field)
    : defaultValue(ctx, field);

require("ts-proto/build/src/plugin");
