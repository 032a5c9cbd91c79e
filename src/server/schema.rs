//! JSON-schema portability: every tool's input and output schema goes through [`portable`] so that
//! strict clients (single-type dialects, Ajv) accept it.

use schemars::Schema;
use schemars::transform::{RecursiveTransform, Transform};

/// Drops schemars' non-standard numeric formats (`uint32`, `int64`, `double`, ...) and `"default": null`.
pub fn portable(schema: &mut Schema) {
    RecursiveTransform(|s: &mut Schema| {
        if let Some(obj) = s.as_object_mut() {
            let numeric_format = matches!(
                obj.get("format").and_then(|f| f.as_str()),
                Some(
                    "uint"
                        | "uint8"
                        | "uint16"
                        | "uint32"
                        | "uint64"
                        | "int"
                        | "int8"
                        | "int16"
                        | "int32"
                        | "int64"
                        | "float"
                        | "double"
                )
            );
            if numeric_format {
                obj.remove("format");
            }
            if obj.get("default").is_some_and(|d| d.is_null()) {
                obj.remove("default");
            }
        }
    })
    .transform(schema);
}
